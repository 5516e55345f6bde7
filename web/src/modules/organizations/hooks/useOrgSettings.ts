import { useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type OrgSettings, orgSettingsKey } from '../../../shared/org/orgData';
import { ifMatchHeader, type RegisterName, useOrgMutation } from '../../../shared/register';

export type OrgSettingsInput = paths['/api/v1/orgs/{orgId}/settings']['put']['requestBody']['content']['application/json'];

/** The registers whose flags follow the risk scale and the review interval. */
const FLAGGED_REGISTERS: RegisterName[] = ['ai-systems', 'suppliers'];

/**
 * Saves the settings from the copy whose version is ifMatch; settings saved by
 * someone else since open the conflict: onReload puts theirs in the form,
 * onSaved takes the answer of an overwrite.
 */
export function useSaveOrgSettings(
  orgId: string,
  handlers: { onReload(current: OrgSettings, etag: string): void; onSaved(saved: OrgSettings): void },
) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: { body: OrgSettingsInput; ifMatch: string }) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/settings', { params: { path: { orgId }, header: ifMatchHeader(ifMatch) }, body })),
    {
      onSuccess: (settings) => client.setQueryData(orgSettingsKey(orgId), settings),
      // flags depend on the scale and the interval
      invalidates: FLAGGED_REGISTERS,
      background: true,
      concurrency: {
        mine: (vars) => vars.body,
        onReload: (current, etag) => handlers.onReload(current as OrgSettings, etag),
        onOverwritten: handlers.onSaved,
      },
    },
  );
}
