import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { useOrgMutation } from '../../../shared/register';

type SsoPath = paths['/api/v1/orgs/{orgId}/sso'];
export type SsoSettings = SsoPath['get']['responses'][200]['content']['application/json'];
export type SsoSettingsInput = SsoPath['put']['requestBody']['content']['application/json'];

export const ssoKey = (orgId: string) => ['orgs', orgId, 'sso'] as const;

export function useSsoSettings(orgId: string) {
  return useQuery({
    queryKey: ssoKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/sso', { params: { path: { orgId } } })),
  });
}

export function useSaveSsoSettings(orgId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    (body: SsoSettingsInput) => unwrap(api.PUT('/api/v1/orgs/{orgId}/sso', { params: { path: { orgId } }, body })),
    {
      onSuccess: (saved) => client.setQueryData(ssoKey(orgId), saved),
      invalidates: ['sso'],
      notify: 'Single sign-on saved',
    },
  );
}

export function useRemoveSso(orgId: string) {
  return useOrgMutation(orgId, () => unwrap(api.DELETE('/api/v1/orgs/{orgId}/sso', { params: { path: { orgId } } })), {
    invalidates: ['sso'],
    notify: 'Single sign-on removed',
  });
}
