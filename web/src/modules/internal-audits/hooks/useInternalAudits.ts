import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type InternalAudit = Schemas['InternalAudit'];
export type AuditItem = Schemas['InternalAuditItem'];
export type AuditInput = paths['/api/v1/orgs/{orgId}/internal-audits']['post']['requestBody']['content']['application/json'];
export type AuditPatch = NonNullable<
  paths['/api/v1/orgs/{orgId}/internal-audits/{auditId}']['patch']['requestBody']
>['content']['application/json'];
export type ItemPatch = NonNullable<
  paths['/api/v1/orgs/{orgId}/internal-audits/{auditId}/items/{itemId}']['patch']['requestBody']
>['content']['application/json'];
export type AuditListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/internal-audits']['get']['parameters']['query']>;

export const auditsKey = (orgId: string) => registerKey(orgId, 'internal-audits');
const auditKey = (orgId: string, id: string) => [...auditsKey(orgId), 'audit', id] as const;
const itemsKey = (orgId: string, id: string) => [...auditKey(orgId, id), 'items'] as const;

export function useAudit(orgId: string, id: string) {
  return useQuery({
    queryKey: auditKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/internal-audits/{auditId}', { params: { path: { orgId, auditId: id } } })),
  });
}

export function useAuditItems(orgId: string, id: string, enabled = true) {
  return useQuery({
    queryKey: itemsKey(orgId, id),
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/internal-audits/{auditId}/items', { params: { path: { orgId, auditId: id } } })),
    select: (d) => d.items,
  });
}

export function useCreateAudit(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: AuditInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/internal-audits', { params: { path: { orgId } }, body })),
    { invalidates: ['internal-audits'] },
  );
}

export interface AuditEdit {
  body: AuditPatch;
  ifMatch: string;
}

export function useUpdateAudit(orgId: string, id: string, concurrency?: Concurrency<AuditEdit, InternalAudit>, notify?: string) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: AuditEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/internal-audits/{auditId}', {
          params: { path: { orgId, auditId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: ['internal-audits'], concurrency, notify },
  );
}

export function useStartAudit(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    () =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/internal-audits/{auditId}/start', { params: { path: { orgId, auditId: id } }, body: {} }),
      ),
    { invalidates: ['internal-audits'], notify: 'Audit started: the checklist is ready', notifyError: true },
  );
}

export function useReportAudit(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: { conclusions: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/internal-audits/{auditId}/report', { params: { path: { orgId, auditId: id } }, body }),
      ),
    { invalidates: ['internal-audits'], notify: 'Report issued' },
  );
}

export interface ItemEdit {
  itemId: string;
  body: ItemPatch;
  ifMatch: string;
}

/** Saves one checklist item with If-Match; a stale one opens the conflict. */
export function useUpdateItem(orgId: string, auditId: string, concurrency?: Concurrency<ItemEdit, AuditItem>) {
  return useOrgMutation(
    orgId,
    ({ itemId, body, ifMatch }: ItemEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/internal-audits/{auditId}/items/{itemId}', {
          params: { path: { orgId, auditId, itemId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: ['internal-audits'], concurrency, background: true },
  );
}

export function useRaiseNonconformity(orgId: string, auditId: string) {
  return useOrgMutation(
    orgId,
    ({ itemId, ...body }: { itemId: string; grade: string; title?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/internal-audits/{auditId}/items/{itemId}/nonconformity', {
          params: { path: { orgId, auditId, itemId } },
          body,
        }),
      ),
    {
      invalidates: ['internal-audits', 'nonconformities'],
      notify: (i) => `Nonconformity ${i.nonconformity?.number ?? ''} raised`,
    },
  );
}

export function useRaiseImprovement(orgId: string, auditId: string) {
  return useOrgMutation(
    orgId,
    ({ itemId }: { itemId: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/internal-audits/{auditId}/items/{itemId}/improvement', {
          params: { path: { orgId, auditId, itemId } },
          body: {},
        }),
      ),
    { invalidates: ['internal-audits', 'improvements'], notify: 'Logged in the improvement log', notifyError: true },
  );
}

/** The organization's nonconformity grades, for "Raise nonconformity". */
export function useNcGrades(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'nonconformities', 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/nonconformities/settings', { params: { path: { orgId } } })),
    select: (d) => d.grades.filter((g) => g.isNonconformity).map((g) => ({ value: g.key, label: g.label })),
  });
}

/** Choices for the area and evidence pickers: records of one kind, searched on the server where it can. */
export function useRecordChoices(orgId: string, type: string, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'internal-audits', 'choices', type, q],
    placeholderData: keepPreviousData,
    queryFn: async (): Promise<{ value: string; label: string }[]> => {
      const path = { orgId };
      const query = { limit: 50, ...(q ? { q } : {}) };
      switch (type) {
        case 'ai-system':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems', { params: { path, query } }))).items.map((s) => ({
            value: s.id,
            label: s.name,
          }));
        case 'document':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/documents', { params: { path, query } }))).items.map((d) => ({
            value: d.id,
            label: `${d.number} ${d.title}`,
          }));
        case 'risk':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/risks', { params: { path, query } }))).items.map((r) => ({
            value: r.id,
            label: `${r.number} ${r.title}`,
          }));
        case 'evidence':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/evidence', { params: { path, query } }))).items.map((e) => ({
            value: e.id,
            label: `${e.number} ${e.title}`,
          }));
        case 'role':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/roles', { params: { path, query: { limit: 200 } } }))).items
            .filter((r) => !q || r.name.toLowerCase().includes(q.toLowerCase()))
            .map((r) => ({ value: r.id, label: r.name }));
        case 'control':
          return (await unwrap(api.GET('/api/v1/orgs/{orgId}/soa', { params: { path } }))).rows
            .filter((r) => r.applicable)
            .filter((r) => !q || `${r.controlId} ${r.title}`.toLowerCase().includes(q.toLowerCase()))
            .map((r) => ({ value: r.controlId, label: `${r.controlId} ${r.title}` }));
        default:
          return [];
      }
    },
  });
}
