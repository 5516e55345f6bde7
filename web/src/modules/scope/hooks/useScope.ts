import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { ifMatchHeader, useOrgMutation, versionTag } from '../../../shared/register';

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

/** The draft's version (ETag) in an overview: what the editor's copy was loaded from. */
export const draftVersion = (overview: ScopeOverview) => versionTag(overview.draft?.updatedAt);

/**
 * Saves the draft from the copy whose version is ifMatch; a draft saved by
 * someone else since opens the conflict (concurrency: the editor's reload).
 */
export function useSaveScopeDraft(orgId: string, onReload: (current: ScopeVersion | null, etag: string) => void) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ content, ifMatch }: { content: ScopeContent; ifMatch: string }) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/scope/draft', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body: { content },
        }),
      ),
    {
      invalidates: ['scope'],
      onSuccess: (draft) =>
        client.setQueryData<ScopeOverview>([...scopeKey(orgId), 'overview'], (o) =>
          o ? { ...o, draft } : { approved: null, draft },
        ),
      concurrency: {
        mine: (vars) => vars.content,
        theirs: (current) => (current as ScopeVersion | null)?.content ?? null,
        onReload: (current, etag) => onReload(current as ScopeVersion | null, etag),
      },
    },
  );
}

export function useApproveScope(orgId: string) {
  return useScopeMutation(
    orgId,
    ({ note, exceptions, ifMatch }: { note: string; exceptions: ApprovalException[]; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/scope/draft/approve', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body: { ...(note.trim() ? { note: note.trim() } : {}), ...(exceptions.length ? { exceptions } : {}) },
        }),
      ),
  );
}

export function useDiscardScopeDraft(orgId: string) {
  return useScopeMutation(orgId, ({ ifMatch }: { ifMatch: string }) =>
    unwrap(api.DELETE('/api/v1/orgs/{orgId}/scope/draft', { params: { path: { orgId }, header: ifMatchHeader(ifMatch) } })),
  );
}
