import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { ifMatchHeader, useOrgMutation } from '../../../shared/register';

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

/**
 * Saves the profile from the copy whose version is ifMatch; a profile saved by
 * someone else since opens the conflict: onReload puts theirs in the form,
 * onSaved takes the answer of a save (an overwrite too).
 */
export function useSaveProfile(
  orgId: string,
  handlers: { onReload(current: Profile, etag: string): void; onSaved(saved: Profile): void },
) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: { body: ProfileInput; ifMatch: string }) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/profile', { params: { path: { orgId }, header: ifMatchHeader(ifMatch) }, body })),
    {
      onSuccess: (profile) => client.setQueryData(profileKey(orgId), profile),
      // the scope's statement and checks name the profile's sites
      invalidates: ['scope'],
      background: true,
      concurrency: {
        mine: (vars) => vars.body,
        onReload: (current, etag) => handlers.onReload(current as Profile, etag),
        onOverwritten: handlers.onSaved,
      },
    },
  );
}
