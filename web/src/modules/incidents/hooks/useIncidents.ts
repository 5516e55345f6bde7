import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Incident = Schemas['Incident'];
export type TimelineEvent = Schemas['IncidentTimelineEvent'];
export type IncidentInput = paths['/api/v1/orgs/{orgId}/incidents']['post']['requestBody']['content']['application/json'];
export type IncidentPatch = NonNullable<
  paths['/api/v1/orgs/{orgId}/incidents/{incidentId}']['patch']['requestBody']
>['content']['application/json'];
export type IncidentListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/incidents']['get']['parameters']['query']>;

export const incidentsKey = (orgId: string) => registerKey(orgId, 'incidents');
const incidentKey = (orgId: string, id: string) => [...incidentsKey(orgId), 'incident', id] as const;

export function useIncident(orgId: string, id: string) {
  return useQuery({
    queryKey: incidentKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/incidents/{incidentId}', { params: { path: { orgId, incidentId: id } } })),
  });
}

export function useIncidentTimeline(orgId: string, id: string) {
  return useQuery({
    queryKey: [...incidentKey(orgId, id), 'timeline'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/incidents/{incidentId}/timeline', { params: { path: { orgId, incidentId: id } } })),
  });
}

export function useIncidentHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...incidentKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/incidents/{incidentId}/history', { params: { path: { orgId, incidentId: id } } })),
  });
}

export function useCreateIncident(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: IncidentInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/incidents', { params: { path: { orgId } }, body })),
    { invalidates: ['incidents'] },
  );
}

export interface IncidentEdit {
  body: IncidentPatch;
  ifMatch: string;
}

/** Saves a change with If-Match; one saved by someone else since opens the conflict. */
export function useUpdateIncident(orgId: string, id: string, concurrency?: Concurrency<IncidentEdit, Incident>, notify?: string) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: IncidentEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/incidents/{incidentId}', {
          params: { path: { orgId, incidentId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: ['incidents'], concurrency, notify },
  );
}

export function useAddIncidentUpdate(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: { note: string; at?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/incidents/{incidentId}/updates', {
          params: { path: { orgId, incidentId: id } },
          body,
        }),
      ),
    { invalidates: ['incidents'], notify: 'Update added' },
  );
}

/** Risks for the picker, found by number or title. */
export function useRiskChoices(orgId: string, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'risks', 'choices', q],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/risks', { params: { path: { orgId }, query: { limit: 50, ...(q ? { q } : {}) } } })),
    select: (d) => d.items.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` })),
    placeholderData: keepPreviousData,
  });
}

/** A date-time input's value (local time, to the minute) from an ISO timestamp, and back. */
export function toLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
export function fromLocalInput(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
