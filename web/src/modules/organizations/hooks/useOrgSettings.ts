import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';

export type OrgSettings = Schemas['OrganizationSettings'];

export const orgSettingsKey = (orgId: string) => ['orgs', orgId, 'settings'] as const;

/** The organization's risk scale (lowest first) and AI system review interval. */
export function useOrgSettings(orgId: string) {
  return useQuery({
    queryKey: orgSettingsKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/settings', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

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
