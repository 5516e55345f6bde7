import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { ifMatchHeader, useOrgMutation, versionTag } from '../../../shared/register';

export type RiskMethodVersion = Schemas['RiskMethodVersion'];
export type RiskMethodContent = Schemas['RiskMethodContentInput'];
export type RiskMethodCheck = Schemas['RiskMethodCheck'];
export type RiskMethodOverview = Schemas['RiskMethodOverview'];
export type RiskMethodChange = Schemas['RiskMethodChange'];
export type ApprovalException = Schemas['ApprovalExceptionInput'];

export const riskMethodKey = (orgId: string) => ['orgs', orgId, 'risk-method'] as const;
export const riskMethodOverviewKey = (orgId: string) => [...riskMethodKey(orgId), 'overview'] as const;
const versionsKey = (orgId: string) => [...riskMethodKey(orgId), 'versions'] as const;

export function useRiskMethodOverview(orgId: string) {
  return useQuery({
    queryKey: riskMethodOverviewKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method', { params: { path: { orgId } } })),
  });
}

export function useRiskMethodVersions(orgId: string) {
  return useQuery({
    queryKey: versionsKey(orgId),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method/versions', { params: { path: { orgId } } })),
  });
}

export function useRiskMethodCompare(orgId: string, from: number, to: number) {
  return useQuery({
    queryKey: [...riskMethodKey(orgId), 'compare', from, to],
    enabled: from > 0 && to > 0 && from !== to,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method/compare', { params: { path: { orgId }, query: { from, to } } })),
  });
}

/** The draft's version (ETag) in an overview: what the editor's copy was loaded from. */
export const methodDraftVersion = (overview: RiskMethodOverview) => versionTag(overview.draft?.updatedAt);

/**
 * Saves the draft from the copy whose version is ifMatch; a draft saved by
 * someone else since opens the conflict dialog.
 */
export function useSaveRiskMethodDraft(orgId: string, onReload: (current: RiskMethodVersion | null, etag: string) => void) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ content, ifMatch }: { content: RiskMethodContent; ifMatch: string }) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/risk-method/draft', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body: { content },
        }),
      ),
    {
      // the risk register scores with the method in force: its levels may change
      invalidates: ['risk-method', 'risks'],
      onSuccess: (draft) =>
        client.setQueryData<RiskMethodOverview>(riskMethodOverviewKey(orgId), (o) =>
          o ? { ...o, draft, suggested: null } : { approved: null, draft, suggested: null },
        ),
      concurrency: {
        mine: (vars) => vars.content,
        theirs: (current) => (current as RiskMethodVersion | null)?.content ?? null,
        onReload: (current, etag) => onReload(current as RiskMethodVersion | null, etag),
      },
    },
  );
}

export function useApproveRiskMethod(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ note, exceptions, ifMatch }: { note: string; exceptions: ApprovalException[]; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/risk-method/draft/approve', {
          params: { path: { orgId }, header: ifMatchHeader(ifMatch) },
          body: { ...(note.trim() ? { note: note.trim() } : {}), ...(exceptions.length ? { exceptions } : {}) },
        }),
      ),
    { invalidates: ['risk-method', 'risks'], notify: (v) => `Risk method version ${v.version} approved.` },
  );
}

export function useDiscardRiskMethodDraft(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ ifMatch }: { ifMatch: string }) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/risk-method/draft', { params: { path: { orgId }, header: ifMatchHeader(ifMatch) } }),
      ),
    { invalidates: ['risk-method', 'risks'] },
  );
}

/**
 * The method risks are scored with, as the server picks it: the approved
 * version, else the draft, else the built-in default. `content` is null
 * while it loads.
 */
export function useEffectiveRiskMethod(orgId: string) {
  const query = useQuery({
    queryKey: [...riskMethodKey(orgId), 'effective'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/risk-method/effective', { params: { path: { orgId } } })),
  });
  return { ...query, content: query.data?.content ?? null };
}
