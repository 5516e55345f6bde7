import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Objective = Schemas['Objective'];
export type ProgressEntry = Schemas['ObjectiveProgressEntry'];
export type ObjectiveInput = paths['/api/v1/orgs/{orgId}/objectives']['post']['requestBody']['content']['application/json'];
export type ProgressInput =
  paths['/api/v1/orgs/{orgId}/objectives/{objectiveId}/progress']['post']['requestBody']['content']['application/json'];
export type ObjectiveListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/objectives']['get']['parameters']['query']>;

export const objectivesKey = (orgId: string) => registerKey(orgId, 'objectives');
const objectiveKey = (orgId: string, id: string) => [...objectivesKey(orgId), 'objective', id] as const;

export function useObjective(orgId: string, id: string) {
  return useQuery({
    queryKey: objectiveKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/objectives/{objectiveId}', { params: { path: { orgId, objectiveId: id } } })),
  });
}

export function useObjectiveProgress(orgId: string, id: string) {
  return useQuery({
    queryKey: [...objectiveKey(orgId, id), 'progress'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/objectives/{objectiveId}/progress', { params: { path: { orgId, objectiveId: id } } })),
  });
}

export function useObjectiveHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...objectiveKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/objectives/{objectiveId}/history', { params: { path: { orgId, objectiveId: id } } })),
  });
}

// (the home page's due list sits under the audit log's key, which every write refreshes)
const INVALIDATES = ['objectives'];

export function useCreateObjective(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: ObjectiveInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/objectives', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit: the fields it sends, the ETag of the copy the form opened on, and the values as shown (for the conflict dialog). */
export interface ObjectiveEdit {
  body: Partial<ObjectiveInput>;
  ifMatch: string;
  shown: Record<string, unknown>;
}

export function useUpdateObjective(orgId: string, id: string, concurrency?: Concurrency<ObjectiveEdit, Objective>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: ObjectiveEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/objectives/{objectiveId}', {
          params: { path: { orgId, objectiveId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useRecordProgress(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: ProgressInput) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/objectives/{objectiveId}/progress', {
          params: { path: { orgId, objectiveId: id } },
          body,
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Progress recorded' },
  );
}

export function useDeleteProgress(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (entryId: string) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/objectives/{objectiveId}/progress/{entryId}', {
          params: { path: { orgId, objectiveId: id, entryId } },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Progress entry deleted' },
  );
}
