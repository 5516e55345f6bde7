import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { useOrgMutation } from '../../../shared/register';

export type ScopeVersion = Schemas['ScopeVersion'];
export type ScopeContent = Schemas['ScopeContentInput'];
export type ScopeCheck = Schemas['ScopeCheck'];
export type ScopeChange = Schemas['ScopeChange'];
export type ScopeOverview = Schemas['ScopeOverview'];
export type ApprovalException = Schemas['ApprovalExceptionInput'];
export type AcceptedException = Schemas['AcceptedException'];

export const scopeKey = (orgId: string) => ['orgs', orgId, 'scope'] as const;
const versionsKey = (orgId: string) => [...scopeKey(orgId), 'versions'] as const;

/** The content of an empty scope, what a first draft starts from: the server's, fetched once. */
export function useScopeTemplate() {
  return useQuery({
    queryKey: ['scope-template'],
    queryFn: () => unwrap(api.GET('/api/v1/scope-template')),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useScopeOverview(orgId: string) {
  return useQuery({
    queryKey: [...scopeKey(orgId), 'overview'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/scope', { params: { path: { orgId } } })),
  });
}

export function useScopeVersions(orgId: string) {
  return useQuery({
    queryKey: versionsKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/scope/versions', { params: { path: { orgId } } })),
  });
}

export function useScopeVersion(orgId: string, version: number) {
  return useQuery({
    queryKey: [...versionsKey(orgId), version],
    enabled: Number.isInteger(version) && version > 0,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/scope/versions/{version}', { params: { path: { orgId, version } } })),
  });
}

export function useScopeCompare(orgId: string, from: number, to: number) {
  return useQuery({
    queryKey: [...scopeKey(orgId), 'compare', from, to],
    enabled: from > 0 && to > 0,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/scope/compare', { params: { path: { orgId }, query: { from, to } } })),
  });
}

function useScopeMutation<TVars, TResult>(
  orgId: string,
  fn: (vars: TVars) => Promise<TResult>,
  onSuccess?: (r: TResult) => void,
) {
  return useOrgMutation(orgId, fn, { invalidates: ['scope'], onSuccess });
}

export function useSaveScopeDraft(orgId: string) {
  const client = useQueryClient();
  return useScopeMutation(
    orgId,
    (content: ScopeContent) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/scope/draft', { params: { path: { orgId } }, body: { content } })),
    (draft) =>
      client.setQueryData<ScopeOverview>([...scopeKey(orgId), 'overview'], (o) =>
        o ? { ...o, draft } : { approved: null, draft },
      ),
  );
}

export function useApproveScope(orgId: string) {
  return useScopeMutation(orgId, ({ note, exceptions }: { note: string; exceptions: ApprovalException[] }) =>
    unwrap(
      api.POST('/api/v1/orgs/{orgId}/scope/draft/approve', {
        params: { path: { orgId } },
        body: { ...(note.trim() ? { note: note.trim() } : {}), ...(exceptions.length ? { exceptions } : {}) },
      }),
    ),
  );
}

export function useDiscardScopeDraft(orgId: string) {
  return useScopeMutation(orgId, () => unwrap(api.DELETE('/api/v1/orgs/{orgId}/scope/draft', { params: { path: { orgId } } })));
}
