import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type ImpactAssessment = Schemas['ImpactAssessment'];
export type ImpactAssessmentDetail = Schemas['ImpactAssessmentDetail'];
export type Impact = Schemas['Impact'];
export type ImpactScales = Schemas['ImpactScales'];
export type AssessmentCreate =
  paths['/api/v1/orgs/{orgId}/impact-assessments']['post']['requestBody']['content']['application/json'];
export type AssessmentPatch =
  paths['/api/v1/orgs/{orgId}/impact-assessments/{assessmentId}']['patch']['requestBody']['content']['application/json'];
export type AssessmentListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/impact-assessments']['get']['parameters']['query']>;

export const assessmentsKey = (orgId: string) => registerKey(orgId, 'impact-assessments');
const assessmentKey = (orgId: string, id: string) => [...assessmentsKey(orgId), 'one', id] as const;

export function useImpactAssessment(orgId: string, id: string) {
  return useQuery({
    queryKey: assessmentKey(orgId, id),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/impact-assessments/{assessmentId}', { params: { path: { orgId, assessmentId: id } } }),
      ),
  });
}

/** The assessments of one AI system in force and in draft (newest first); null fetches nothing. */
export function useAssessmentsOfSystem(orgId: string, aiSystemId: string | null) {
  return useQuery({
    queryKey: [...assessmentsKey(orgId), 'system', aiSystemId ?? ''],
    enabled: aiSystemId !== null,
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/impact-assessments', {
          params: { path: { orgId }, query: { aiSystemId: aiSystemId as string, limit: 10 } },
        }),
      ),
    select: (data) => data.items,
  });
}

/** The risk method's scales impacts are rated on; they change seldom. */
export function useImpactScales(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'risk-method', 'impact-scales'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/impact-assessments/scales', { params: { path: { orgId } } })),
    staleTime: 60_000,
  });
}

export interface SystemChoice {
  id: string;
  name: string;
  purpose: string;
  intendedUse: string;
  foreseeableMisuse: string;
}

const choice = (s: Schemas['AiSystem']): SystemChoice => ({
  id: s.id,
  name: s.name,
  purpose: s.purpose,
  intendedUse: s.intendedUse,
  foreseeableMisuse: s.foreseeableMisuse,
});

/** Active AI systems matching a search (name, purpose or external id), for the system picker: 50 at a time. */
export function useSystemChoices(orgId: string, q: string) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'ai-systems'), 'impact-choices', q],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/ai-systems', { params: { path: { orgId }, query: { limit: 50, ...(q ? { q } : {}) } } }),
      ),
    select: (data) => data.items.map(choice),
    placeholderData: (previous) => previous,
  });
}

/** One AI system as a choice (a new assessment opened for it); null fetches nothing. */
export function useSystemChoice(orgId: string, id: string | null) {
  return useQuery({
    queryKey: [...registerKey(orgId, 'ai-systems'), 'impact-choice', id ?? ''],
    enabled: id !== null,
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}', { params: { path: { orgId, aiSystemId: id as string } } })),
    select: choice,
  });
}

// a risk may be raised on approval; the AI system page shows the assessment
const INVALIDATES = ['impact-assessments', 'risks', 'ai-systems', 'home'];

export function useCreateAssessment(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: AssessmentCreate) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/impact-assessments', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export interface AssessmentEdit {
  id: string;
  body: AssessmentPatch;
  /** the version of the copy the wizard edits */
  ifMatch: string;
}

export function useUpdateAssessment(orgId: string, concurrency: Concurrency<AssessmentEdit, ImpactAssessmentDetail>) {
  return useOrgMutation(
    orgId,
    ({ id, body, ifMatch }: AssessmentEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/impact-assessments/{assessmentId}', {
          params: { path: { orgId, assessmentId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useApproveAssessment(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ id, ifMatch }: { id: string; ifMatch: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/impact-assessments/{assessmentId}/approve', {
          params: { path: { orgId, assessmentId: id }, header: ifMatchHeader(ifMatch) },
          body: {},
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Impact assessment approved' },
  );
}
