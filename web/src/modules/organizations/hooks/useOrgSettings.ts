import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import { type OrgSettings, orgSettingsKey } from '../../../shared/org/orgData';

export function useSaveOrgSettings(orgId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OrgSettings) => unwrap(api.PUT('/api/v1/orgs/{orgId}/settings', { params: { path: { orgId } }, body })),
    onSuccess: (settings) => {
      client.setQueryData(orgSettingsKey(orgId), settings);
      // flags depend on the scale and the interval
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'inventory'] });
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'suppliers'] });
    },
  });
}
