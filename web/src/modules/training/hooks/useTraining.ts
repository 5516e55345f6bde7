import { useQuery } from '@tanstack/react-query';
import { ApiError, api, postRaw, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

// Reads and writes of the training module. Every write refreshes the three
// registers' keys: a record changes the matrix, a topic its columns, a team
// or criterion who must take what.

export type Topic = Schemas['TrainingTopic'];
export type TrainingRecord = Schemas['TrainingRecord'];
export type Criterion = Schemas['CompetenceCriterion'];
export type Matrix = Schemas['TrainingMatrix'];
export type ImportReport = Schemas['TrainingImportReport'];
export type TopicInput = paths['/api/v1/orgs/{orgId}/trainings']['post']['requestBody']['content']['application/json'];
export type RecordInput = paths['/api/v1/orgs/{orgId}/training-records']['post']['requestBody']['content']['application/json'];
export type CriterionInput =
  paths['/api/v1/orgs/{orgId}/training/competence']['post']['requestBody']['content']['application/json'];

const TRAINING_KEYS = ['trainings', 'training-records', 'training'];
export const trainingKey = (orgId: string) => registerKey(orgId, 'training');

export function useMatrix(orgId: string, team: string | null) {
  return useQuery({
    queryKey: [...trainingKey(orgId), 'matrix', team],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/training/matrix', { params: { path: { orgId }, query: team ? { team } : {} } })),
  });
}

/** Every active topic, for pickers (an organization has dozens, not thousands). */
export function useAllTopics(orgId: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'trainings'), 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/trainings', { params: { path: { orgId }, query: { limit: 200 } } })),
    select: (page) => page.items,
  });
}

export function useTopic(orgId: string, topicId: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'trainings'), 'item', topicId],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/trainings/{topicId}', { params: { path: { orgId, topicId } } })),
  });
}

export function useTrainingRecord(orgId: string, recordId: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'training-records'), 'item', recordId],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/training-records/{recordId}', { params: { path: { orgId, recordId } } })),
  });
}

export function useCriteria(orgId: string) {
  return useQuery({
    queryKey: [...trainingKey(orgId), 'competence'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/training/competence', { params: { path: { orgId }, query: { limit: 200 } } })),
  });
}

/** The governance roles, for audiences and criteria. */
export function useGovernanceRoles(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'roles', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/roles', { params: { path: { orgId }, query: { limit: 200 } } })),
    select: (page) => page.items,
  });
}

export function useCreateTopic(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: TopicInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/trainings', { params: { path: { orgId } }, body })),
    { invalidates: TRAINING_KEYS },
  );
}

export interface Edit<T> {
  body: Partial<T>;
  ifMatch: string;
}

export function useUpdateTopic(orgId: string, topicId: string, concurrency?: Concurrency<Edit<TopicInput>, Topic>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: Edit<TopicInput>) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/trainings/{topicId}', {
          params: { path: { orgId, topicId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: TRAINING_KEYS, concurrency },
  );
}

export function useCreateRecord(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: RecordInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/training-records', { params: { path: { orgId } }, body })),
    { invalidates: TRAINING_KEYS, notify: 'Training completion recorded' },
  );
}

export function useUpdateRecord(orgId: string, recordId: string, concurrency?: Concurrency<Edit<RecordInput>, TrainingRecord>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: Edit<RecordInput>) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/training-records/{recordId}', {
          params: { path: { orgId, recordId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: TRAINING_KEYS, concurrency },
  );
}

export function useSaveCriterion(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ id, body }: { id: string | null; body: CriterionInput }) =>
      id
        ? unwrap(
            api.PATCH('/api/v1/orgs/{orgId}/training/competence/{criterionId}', {
              params: { path: { orgId, criterionId: id } },
              body,
            }),
          )
        : unwrap(api.POST('/api/v1/orgs/{orgId}/training/competence', { params: { path: { orgId } }, body })),
    { invalidates: TRAINING_KEYS },
  );
}

export function useDeleteCriterion(orgId: string) {
  return useOrgMutation(
    orgId,
    (criterionId: string) =>
      unwrap(api.DELETE('/api/v1/orgs/{orgId}/training/competence/{criterionId}', { params: { path: { orgId, criterionId } } })),
    { invalidates: TRAINING_KEYS, notify: 'Criterion removed', notifyError: true },
  );
}

export function useSetTeam(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ userId, team }: { userId: string; team: string | null }) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/training/people/{userId}', { params: { path: { orgId, userId } }, body: { team } })),
    { invalidates: TRAINING_KEYS, notify: 'Team saved', notifyError: true },
  );
}

/** A rejected import answers 400 with the whole report as the problem; this recovers it. */
export function reportOf(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError)) return null;
  const p = error.problem as unknown as Partial<ImportReport>;
  return Array.isArray(p.errors) && typeof p.rows === 'number' ? (p as ImportReport) : null;
}

export const templateUrl = (orgId: string) => `/api/v1/orgs/${encodeURIComponent(orgId)}/training-records/import-template`;

/** A dry run checks every row and writes nothing; a real run writes all rows or none. */
export function useImportRecords(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ csv, dryRun }: { csv: string; dryRun: boolean }) =>
      postRaw<ImportReport>(
        `/api/v1/orgs/${encodeURIComponent(orgId)}/training-records/import?dryRun=${dryRun}`,
        new Blob([csv], { type: 'text/csv' }),
        'text/csv',
      ),
    { invalidates: ({ dryRun }) => (dryRun ? null : TRAINING_KEYS) },
  );
}

export function useTopicHistory(orgId: string, topicId: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'trainings'), 'item', topicId, 'history'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/trainings/{topicId}/history', { params: { path: { orgId, topicId } } })),
  });
}

export function useRecordHistory(orgId: string, recordId: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'training-records'), 'item', recordId, 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/training-records/{recordId}/history', { params: { path: { orgId, recordId } } })),
  });
}
