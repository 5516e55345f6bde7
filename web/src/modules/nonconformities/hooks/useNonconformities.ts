import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Nonconformity = Schemas['Nonconformity'];
export type CorrectiveAction = Schemas['CorrectiveAction'];
export type TimelineEvent = Schemas['NonconformityTimelineEvent'];
export type Settings = Schemas['NonconformitySettings'];
export type Grade = Settings['grades'][number];
export type NcInput = paths['/api/v1/orgs/{orgId}/nonconformities']['post']['requestBody']['content']['application/json'];
export type NcPatch = NonNullable<
  paths['/api/v1/orgs/{orgId}/nonconformities/{nonconformityId}']['patch']['requestBody']
>['content']['application/json'];
export type NcListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/nonconformities']['get']['parameters']['query']>;
export type ActionBody =
  paths['/api/v1/orgs/{orgId}/nonconformities/{nonconformityId}/actions']['post']['requestBody']['content']['application/json'];

export const ncKey = (orgId: string) => registerKey(orgId, 'nonconformities');
const oneKey = (orgId: string, id: string) => [...ncKey(orgId), 'nc', id] as const;
const P = '/api/v1/orgs/{orgId}/nonconformities/{nonconformityId}' as const;

export function useNonconformity(orgId: string, id: string) {
  return useQuery({
    queryKey: oneKey(orgId, id),
    queryFn: () => unwrap(api.GET(P, { params: { path: { orgId, nonconformityId: id } } })),
  });
}

export function useTimeline(orgId: string, id: string) {
  return useQuery({
    queryKey: [...oneKey(orgId, id), 'timeline'],
    queryFn: () => unwrap(api.GET(`${P}/timeline`, { params: { path: { orgId, nonconformityId: id } } })),
  });
}

export function useGradeScale(orgId: string) {
  return useQuery({
    queryKey: [...ncKey(orgId), 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/nonconformities/settings', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

export function useSaveSettings(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: Settings) => unwrap(api.PUT('/api/v1/orgs/{orgId}/nonconformities/settings', { params: { path: { orgId } }, body })),
    { invalidates: ['nonconformities'], notify: 'Grade scale saved' },
  );
}

export function useCreateNonconformity(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: NcInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/nonconformities', { params: { path: { orgId } }, body })),
    { invalidates: ['nonconformities'] },
  );
}

export interface NcEdit {
  body: NcPatch;
  ifMatch: string;
}

/** Saves a change with If-Match; one saved by someone else since opens the conflict. */
export function useUpdateNonconformity(
  orgId: string,
  id: string,
  concurrency?: Concurrency<NcEdit, Nonconformity>,
  notify?: string,
) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: NcEdit) =>
      unwrap(api.PATCH(P, { params: { path: { orgId, nonconformityId: id }, header: ifMatchHeader(ifMatch) }, body })),
    { invalidates: ['nonconformities'], concurrency, notify },
  );
}

export function useCreateAction(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: ActionBody) => unwrap(api.POST(`${P}/actions`, { params: { path: { orgId, nonconformityId: id } }, body })),
    { invalidates: ['nonconformities'], notify: 'Corrective action added' },
  );
}

export function useUpdateAction(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    ({ actionId, body }: { actionId: string; body: Partial<ActionBody> }) =>
      unwrap(
        api.PATCH(`${P}/actions/{actionId}`, {
          params: { path: { orgId, nonconformityId: id, actionId }, header: {} },
          body,
        }),
      ),
    { invalidates: ['nonconformities'], notifyError: true },
  );
}

export function useDeleteAction(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (actionId: string) =>
      unwrap(api.DELETE(`${P}/actions/{actionId}`, { params: { path: { orgId, nonconformityId: id, actionId }, header: {} } })),
    { invalidates: ['nonconformities'], notify: 'Corrective action removed', notifyError: true },
  );
}

export function useNcHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...oneKey(orgId, id), 'history'],
    queryFn: () => unwrap(api.GET(`${P}/history`, { params: { path: { orgId, nonconformityId: id } } })),
  });
}

/** Evidence items for the picker, found by number or title. */
export function useEvidenceChoices(orgId: string, q: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'evidence', 'choices', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/evidence', { params: { path: { orgId }, query: { limit: 50, ...(q ? { q } : {}) } } }),
      ),
    select: (d) => d.items.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` })),
    placeholderData: keepPreviousData,
  });
}
