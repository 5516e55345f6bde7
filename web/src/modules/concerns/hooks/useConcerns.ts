import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { useOrgMutation } from '../../../shared/register';

export type Concern = Schemas['Concern'];
export type RaiseInput = paths['/api/v1/orgs/{orgId}/concerns']['post']['requestBody']['content']['application/json'];
export type TriageInput =
  paths['/api/v1/orgs/{orgId}/concerns/{concernId}/triage']['post']['requestBody']['content']['application/json'];

export const concernsKey = (orgId: string) => ['orgs', orgId, 'concerns'] as const;

/** Every concern (reviewers), newest first, 50 a page; `open` only those not triaged yet. */
export function useAllConcerns(orgId: string, open: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...concernsKey(orgId), 'all', open],
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/concerns', {
          params: {
            path: { orgId },
            query: { limit: 50, ...(open ? { open: 'true' as const } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: (d) => ({ items: d.pages.flatMap((p) => p.items), more: d.pages[d.pages.length - 1]?.nextCursor != null }),
    enabled,
  });
}

/** The concerns the signed-in member raised, with their outcomes. */
export function useMyConcerns(orgId: string, enabled = true) {
  return useQuery({
    queryKey: [...concernsKey(orgId), 'mine'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/concerns/mine', { params: { path: { orgId } } })),
    enabled,
  });
}

export function useConcern(orgId: string, concernId: string) {
  return useQuery({
    queryKey: [...concernsKey(orgId), 'item', concernId],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/concerns/{concernId}', { params: { path: { orgId, concernId } } })),
  });
}

export function useRaiseConcern(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: RaiseInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/concerns', { params: { path: { orgId } }, body })),
    { invalidates: ['concerns', 'home', 'notifications'], notify: (c) => `Concern ${c.number} raised. Thank you.` },
  );
}

export function useStartTriage(orgId: string, concernId: string) {
  return useOrgMutation(
    orgId,
    () =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/concerns/{concernId}/start-triage', {
          params: { path: { orgId, concernId } },
          body: {},
        }),
      ),
    { invalidates: ['concerns', 'home'], notifyError: true },
  );
}

export function useTriageConcern(orgId: string, concernId: string) {
  return useOrgMutation(
    orgId,
    (body: TriageInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/concerns/{concernId}/triage', { params: { path: { orgId, concernId } }, body })),
    {
      invalidates: ['concerns', 'incidents', 'risks', 'home', 'notifications'],
      notify: (c) => `Concern ${c.number}: ${c.outcomeText}`,
    },
  );
}

/** The risk method risks are scored with now: its sources and scales, for a risk made from a concern. */
export function useRiskMethod(orgId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['orgs', orgId, 'risk-method', 'effective'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method/effective', { params: { path: { orgId } } })),
    enabled,
    staleTime: 60_000,
  });
}

/** A concern's change history (reviewers). */
export function useConcernHistory(orgId: string, concernId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...concernsKey(orgId), 'item', concernId, 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/concerns/{concernId}/history', { params: { path: { orgId, concernId } } })),
    enabled,
  });
}
