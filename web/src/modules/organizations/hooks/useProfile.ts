import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { useOrgMutation } from '../../../shared/register';

export type Profile = Schemas['OrganizationProfile'];
export type ProfileInput = paths['/api/v1/orgs/{orgId}/profile']['put']['requestBody']['content']['application/json'];
export type Site = Profile['sites'][number];

export const profileKey = (orgId: string) => ['orgs', orgId, 'profile'] as const;

export function useProfile(orgId: string) {
  return useQuery({
    queryKey: profileKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/profile', { params: { path: { orgId } } })),
  });
}

export function useSaveProfile(orgId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    (body: ProfileInput) => unwrap(api.PUT('/api/v1/orgs/{orgId}/profile', { params: { path: { orgId } }, body })),
    {
      onSuccess: (profile) => client.setQueryData(profileKey(orgId), profile),
      // the scope's statement and checks name the profile's sites
      invalidates: ['scope'],
      background: true,
    },
  );
}
