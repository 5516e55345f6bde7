import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type CertificationAudit = Schemas['CertificationAudit'];
export type AuditRequest = Schemas['CertificationAuditRequest'];
export type AuditFinding = Schemas['CertificationAuditFinding'];
export type AccessGrant = Schemas['CertificationAuditAccess'];
type Base = '/api/v1/orgs/{orgId}/certification-audits';
export type AuditInput = paths[Base]['post']['requestBody']['content']['application/json'];
export type AuditListQuery = NonNullable<paths[Base]['get']['parameters']['query']>;
export type FindingInput =
  paths['/api/v1/orgs/{orgId}/certification-audits/{auditId}/findings']['post']['requestBody']['content']['application/json'];
export type RequestInput =
  paths['/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests']['post']['requestBody']['content']['application/json'];
export type ResponseInput =
  paths['/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests/{requestId}/responses']['post']['requestBody']['content']['application/json'];
export type AccessInput =
  paths['/api/v1/orgs/{orgId}/certification-audits/{auditId}/access']['post']['requestBody']['content']['application/json'];

export const auditsKey = (orgId: string) => registerKey(orgId, 'certification-audits');
const auditKey = (orgId: string, id: string) => [...auditsKey(orgId), 'audit', id] as const;
const path = (orgId: string, auditId: string) => ({ path: { orgId, auditId } });

export function useAudit(orgId: string, id: string) {
  return useQuery({
    queryKey: auditKey(orgId, id),
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-audits/{auditId}', { params: path(orgId, id) })),
  });
}

export function useAuditHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...auditKey(orgId, id), 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-audits/{auditId}/history', { params: path(orgId, id) })),
  });
}

export function useAuditAccess(orgId: string, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...auditKey(orgId, id), 'access'],
    enabled,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-audits/{auditId}/access', { params: path(orgId, id) })),
  });
}

export function useAuditRequests(orgId: string, id: string) {
  return useQuery({
    queryKey: [...auditKey(orgId, id), 'requests'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests', { params: path(orgId, id) })),
  });
}

export function useAuditFindings(orgId: string, id: string) {
  return useQuery({
    queryKey: [...auditKey(orgId, id), 'findings'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-audits/{auditId}/findings', { params: path(orgId, id) })),
  });
}

// a finding opens a nonconformity or an improvement: their registers are stale too
const INVALIDATES = ['certification-audits'];
const ROOM_INVALIDATES = ['certification-audits', 'nonconformities', 'improvements'];

export function useCreateAudit(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: AuditInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/certification-audits', { params: { path: { orgId } }, body })),
    {
      invalidates: INVALIDATES,
    },
  );
}

export interface AuditEdit {
  body: Partial<AuditInput>;
  ifMatch: string;
  shown: Record<string, unknown>;
}

export function useUpdateAudit(orgId: string, id: string, concurrency?: Concurrency<AuditEdit, CertificationAudit>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: AuditEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/certification-audits/{auditId}', {
          params: { path: { orgId, auditId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useGrantAccess(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: AccessInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/access', { params: path(orgId, id), body })),
    { invalidates: ['certification-audits', 'members'], notify: (g) => `${g.name} has access for the audit's days` },
  );
}

export function useEndAccess(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (userId: string) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/certification-audits/{auditId}/access/{userId}', {
          params: { path: { orgId, auditId: id, userId } },
        }),
      ),
    { invalidates: ['certification-audits', 'members'], notify: 'Access ended', notifyError: true },
  );
}

export function useRaiseRequest(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: RequestInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests', { params: path(orgId, id), body })),
    { invalidates: INVALIDATES },
  );
}

export function useAnswerRequest(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    ({ requestId, body }: { requestId: string; body: ResponseInput }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests/{requestId}/responses', {
          params: { path: { orgId, auditId: id, requestId } },
          body,
        }),
      ),
    { invalidates: INVALIDATES },
  );
}

export function useCloseRequest(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    ({ requestId, close }: { requestId: string; close: boolean }) =>
      unwrap(
        close
          ? api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests/{requestId}/close', {
              params: { path: { orgId, auditId: id, requestId } },
              body: {},
            })
          : api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/requests/{requestId}/reopen', {
              params: { path: { orgId, auditId: id, requestId } },
              body: {},
            }),
      ),
    { invalidates: INVALIDATES, notifyError: true },
  );
}

export function useRecordFinding(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: FindingInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/certification-audits/{auditId}/findings', { params: path(orgId, id), body })),
    { invalidates: ROOM_INVALIDATES },
  );
}

/** The organization's sites (profile), offered as sites visited. */
export function useSiteNames(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'profile'] as const,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/profile', { params: { path: { orgId } } })),
    select: (p) => p.sites.map((s) => s.name),
  });
}

/** Records of one kind found by words, for an answer's links. */
export function useRecordChoices(orgId: string, type: string, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'certification-audits', 'choices', type, q],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<{ value: string; label: string }[]> => {
      const params = { path: { orgId }, query: { limit: 50, ...(q ? { q } : {}) } };
      switch (type) {
        case 'ai-system':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems', { params }))).items.map((s) => ({
            value: s.id,
            label: s.name,
          }));
        case 'document':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/documents', { params }))).items.map((d) => ({
            value: d.id,
            label: `${d.number} ${d.title}`,
          }));
        case 'risk':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/risks', { params }))).items.map((r) => ({
            value: r.id,
            label: `${r.number} ${r.title}`,
          }));
        case 'evidence':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/evidence', { params }))).items.map((e) => ({
            value: e.id,
            label: `${e.number} ${e.title}`,
          }));
        case 'nonconformity':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/nonconformities', { params }))).items.map((n) => ({
            value: n.id,
            label: `${n.number} ${n.title}`,
          }));
        case 'improvement':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/improvements', { params }))).items.map((i) => ({
            value: i.id,
            label: `${i.number} ${i.title}`,
          }));
        default:
          return [];
      }
    },
  });
}
