import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { type OrgSettings, orgSettingsKey } from '../../../shared/org/orgData';
import { type RegisterName, useOrgMutation } from '../../../shared/register';

/** The registers whose flags follow the risk scale and the review interval. */
const FLAGGED_REGISTERS: RegisterName[] = ['ai-systems', 'suppliers'];

export function useSaveOrgSettings(orgId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    (body: OrgSettings) => unwrap(api.PUT('/api/v1/orgs/{orgId}/settings', { params: { path: { orgId } }, body })),
    {
      onSuccess: (settings) => client.setQueryData(orgSettingsKey(orgId), settings),
      // flags depend on the scale and the interval
      invalidates: FLAGGED_REGISTERS,
      background: true,
    },
  );
}
