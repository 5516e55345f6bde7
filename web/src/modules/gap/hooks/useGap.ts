import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';

export type Assessment = Schemas['GapAssessment'];
export type AssessmentSummary = Schemas['GapAssessmentSummary'];
export type Answer = Schemas['GapAnswer'];
export type AnswerLink = Schemas['GapAnswerLink'];
export type RollUp = Schemas['GapRollUp'];
export type Action = Schemas['GapAction'];
export type AnswerStatus = Answer['status'];
export type ActionStatus = Action['status'];
export type Owner = NonNullable<Answer['owner']>;

type Body<P extends keyof paths, M extends 'post' | 'put' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? NonNullable<B>
  : never;

export type CreateAssessmentInput = Body<'/api/v1/orgs/{orgId}/gap-assessments', 'post'>;
export type UpdateAssessmentInput = Body<'/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}', 'patch'>;
export type AnswerInput = Body<'/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/answers/{requirementId}', 'put'>;
export type UpdateActionInput = Body<'/api/v1/orgs/{orgId}/gap-actions/{actionId}', 'patch'>;

export const gapKey = (orgId: string) => ['orgs', orgId, 'gap'] as const;
const assessmentKey = (orgId: string, id: string) => [...gapKey(orgId), 'assessments', id] as const;
const actionsKey = (orgId: string, id: string) => [...assessmentKey(orgId, id), 'actions'] as const;

export function useAssessments(orgId: string) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'assessments'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/gap-assessments', { params: { path: { orgId } } })),
  });
}

export function useAssessment(orgId: string, assessmentId: string) {
  return useQuery({
    queryKey: assessmentKey(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

export function useActions(orgId: string, assessmentId: string) {
  return useQuery({
    queryKey: actionsKey(orgId, assessmentId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/actions', {
          params: { path: { orgId, assessmentId } },
        }),
      ),
  });
}

export function useCompare(orgId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...gapKey(orgId), 'compare', from, to],
    enabled: !!from && !!to,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/gap-assessments/compare', {
          params: { path: { orgId }, query: { from, to } },
        }),
      ),
  });
}

/** After any write: the assessment list, the record and the audit log are stale. */
function useInvalidate(orgId: string) {
  const client = useQueryClient();
  return async () => {
    client.invalidateQueries({ queryKey: ['orgs', orgId, 'audit-log'] });
    await client.invalidateQueries({ queryKey: gapKey(orgId) });
  };
}

export function useCreateAssessment(orgId: string) {
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: CreateAssessmentInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/gap-assessments', { params: { path: { orgId } }, body })),
    onSuccess: invalidate,
  });
}

export function useUpdateAssessment(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (body: UpdateAssessmentInput) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}', {
          params: { path: { orgId, assessmentId } },
          body,
        }),
      ),
    onSuccess: (assessment) => {
      client.setQueryData(assessmentKey(orgId, assessmentId), assessment);
      return invalidate();
    },
  });
}

export function useSaveAnswer(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: ({ requirementId, body }: { requirementId: string; body: AnswerInput }) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/answers/{requirementId}', {
          params: { path: { orgId, assessmentId, requirementId } },
          body,
        }),
      ),
    onSuccess: (answer) => {
      // the answer at once, so the wizard's progress moves before the roll-ups arrive
      client.setQueryData<Assessment>(assessmentKey(orgId, assessmentId), (a) =>
        a
          ? {
              ...a,
              answered: a.answered + (a.answers.find((x) => x.requirementId === answer.requirementId)?.answered ? 0 : 1),
              answers: a.answers.map((x) => (x.requirementId === answer.requirementId ? answer : x)),
            }
          : a,
      );
      // roll-ups and the list refresh in the background; the wizard moves on at once
      void invalidate();
    },
  });
}

/** Takes an answer back to "not answered yet". */
export function useClearAnswer(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: (requirementId: string) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/answers/{requirementId}', {
          params: { path: { orgId, assessmentId, requirementId } },
        }),
      ),
    onSuccess: (answer) => {
      client.setQueryData<Assessment>(assessmentKey(orgId, assessmentId), (a) =>
        a
          ? {
              ...a,
              answered: a.answered - 1,
              answers: a.answers.map((x) => (x.requirementId === answer.requirementId ? answer : x)),
            }
          : a,
      );
      void invalidate();
    },
  });
}

export function useGenerateActionPlan(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  const invalidate = useInvalidate(orgId);
  return useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/action-plan', {
          params: { path: { orgId, assessmentId } },
          body: {},
        }),
      ),
    onSuccess: (actions) => {
      client.setQueryData(actionsKey(orgId, assessmentId), actions);
      return invalidate();
    },
  });
}

export function useUpdateAction(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, body }: { actionId: string; body: UpdateActionInput }) =>
      unwrap(api.PATCH('/api/v1/orgs/{orgId}/gap-actions/{actionId}', { params: { path: { orgId, actionId } }, body })),
    onSuccess: (action) => {
      client.setQueryData<{ items: Action[] }>(actionsKey(orgId, assessmentId), (list) =>
        list ? { items: list.items.map((a) => (a.id === action.id ? action : a)) } : list,
      );
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'audit-log'] });
    },
  });
}

export function reportUrl(orgId: string, assessmentId: string, format: 'pdf' | 'xlsx'): string {
  return `/api/v1/orgs/${orgId}/gap-assessments/${assessmentId}/report?format=${format}`;
}
