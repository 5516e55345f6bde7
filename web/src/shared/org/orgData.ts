import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../api';

// Organization-wide reference data that widgets of several modules read: the
// risk scale and review interval, and the members. The organizations module
// owns the pages and the writes; the reads live here so shared widgets need
// no module.

export type OrgSettings = Schemas['OrganizationSettings'];
export type Member = Schemas['Member'];

export const orgSettingsKey = (orgId: string) => ['orgs', orgId, 'settings'] as const;
export const membersKey = (orgId: string) => ['orgs', orgId, 'members'] as const;

/** The organization's risk scale (lowest first) and AI system review interval. */
export function useOrgSettings(orgId: string) {
  return useQuery({
    queryKey: orgSettingsKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/settings', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: membersKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/members', { params: { path: { orgId } } })),
  });
}
