import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, useOrgMutation } from '../../../shared/register';

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

/**
 * What OpenAIMS holds about the organization, by catalogue module. Read apart
 * from the assessment (it summarizes every register): the wizard shows its
 * answers at once and the facts when they come. Each step of the wizard
 * mounts its own panel: within a minute the facts already read serve it,
 * instead of gathering them again per step; every write from this browser
 * marks them stale (useOrgMutation), so the next step reads them anew.
 */
export function useFacts(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'facts'],
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/facts', { params: { path: { orgId } } })),
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

/** Every write makes the assessments stale (list, record, roll-ups); the audit log always is. */
const INVALIDATES = ['gap'];

/**
 * Puts a saved or cleared answer into the cached assessment at once, so the
 * wizard's progress moves before the roll-ups arrive.
 */
function putAnswer(a: Assessment | undefined, answer: Answer, answeredBy: (cached: Answer | undefined) => number) {
  if (!a) return a;
  const cached = a.answers.find((x) => x.requirementId === answer.requirementId);
  return {
    ...a,
    answered: a.answered + answeredBy(cached),
    answers: a.answers.map((x) => (x.requirementId === answer.requirementId ? answer : x)),
  };
}

export function useCreateAssessment(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: CreateAssessmentInput) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/gap-assessments', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export function useUpdateAssessment(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    (body: UpdateAssessmentInput) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}', {
          params: { path: { orgId, assessmentId } },
          body,
        }),
      ),
    {
      invalidates: INVALIDATES,
      onSuccess: (assessment) => client.setQueryData(assessmentKey(orgId, assessmentId), assessment),
    },
  );
}

/**
 * A save of one answer: the body, the version (ETag) of the answer the
 * assessor edited, and the values as the wizard shows them, for the conflict
 * dialog to compare with the current answer's.
 */
export interface AnswerSave {
  requirementId: string;
  body: AnswerInput;
  ifMatch: string;
  shown: Record<string, unknown>;
}

/** Saves an answer with If-Match; an answer saved by someone else since opens the conflict. */
export function useSaveAnswer(orgId: string, assessmentId: string, concurrency: Concurrency<AnswerSave, Answer>) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ requirementId, body, ifMatch }: AnswerSave) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/answers/{requirementId}', {
          params: { path: { orgId, assessmentId, requirementId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    {
      concurrency,
      invalidates: INVALIDATES,
      onSuccess: (answer) =>
        client.setQueryData<Assessment>(assessmentKey(orgId, assessmentId), (a) =>
          putAnswer(a, answer, (cached) => (cached?.answered ? 0 : 1)),
        ),
      // roll-ups and the list refresh in the background; the wizard moves on at once
      background: true,
    },
  );
}

export interface AnswerClear {
  requirementId: string;
  ifMatch: string;
}

/** Takes an answer back to "not answered yet", with If-Match: an answer changed by someone else since opens the conflict. */
export function useClearAnswer(orgId: string, assessmentId: string, concurrency: Concurrency<AnswerClear, Answer>) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    ({ requirementId, ifMatch }: AnswerClear) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/answers/{requirementId}', {
          params: { path: { orgId, assessmentId, requirementId }, header: ifMatchHeader(ifMatch) },
        }),
      ),
    {
      concurrency,
      invalidates: INVALIDATES,
      onSuccess: (answer) =>
        client.setQueryData<Assessment>(assessmentKey(orgId, assessmentId), (a) =>
          putAnswer(a, answer, (cached) => (cached?.answered ? -1 : 0)),
        ),
      background: true,
    },
  );
}

export function useGenerateActionPlan(orgId: string, assessmentId: string) {
  const client = useQueryClient();
  return useOrgMutation(
    orgId,
    () =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/action-plan', {
          params: { path: { orgId, assessmentId } },
          body: {},
        }),
      ),
    {
      invalidates: INVALIDATES,
      onSuccess: (actions) => client.setQueryData(actionsKey(orgId, assessmentId), actions),
    },
  );
}

/** One action changed in place; the plan's cache takes the answer, only the audit log refreshes. */
/** onResolved: after the user resolved a conflict (reloaded theirs or overwrote with theirs) */
export function useUpdateAction(orgId: string, assessmentId: string, onResolved?: () => void) {
  const client = useQueryClient();
  const put = (action: Action) =>
    client.setQueryData<{ items: Action[] }>(actionsKey(orgId, assessmentId), (list) =>
      list ? { items: list.items.map((a) => (a.id === action.id ? action : a)) } : list,
    );
  return useOrgMutation(
    orgId,
    // ifMatch: the version of the action as the user saw it (versionTag(action.updatedAt))
    ({ actionId, body, ifMatch }: { actionId: string; body: UpdateActionInput; ifMatch: string }) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/gap-actions/{actionId}', {
          params: { path: { orgId, actionId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    {
      invalidates: [],
      onSuccess: put,
      background: true,
      concurrency: {
        mine: (vars) => vars.body,
        onReload: (current) => {
          put(current as Action);
          onResolved?.();
        },
        onOverwritten: () => onResolved?.(),
      },
    },
  );
}

/** The report formats the API offers for download. */
export type ReportFormat = NonNullable<
  NonNullable<paths['/api/v1/orgs/{orgId}/gap-assessments/{assessmentId}/report']['get']['parameters']['query']>['format']
>;

export const REPORT_DOWNLOADS: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'Report (PDF)' },
  { format: 'xlsx', label: 'Report (XLSX)' },
  { format: 'docx', label: 'Report (Word DOCX)' },
];

export function reportUrl(orgId: string, assessmentId: string, format: ReportFormat): string {
  return `/api/v1/orgs/${encodeURIComponent(orgId)}/gap-assessments/${encodeURIComponent(assessmentId)}/report?format=${format}`;
}
