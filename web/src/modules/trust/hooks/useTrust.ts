import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type BuyerAnswer = Schemas['BuyerAnswer'];
export type CertificationTimeline = Schemas['CertificationTimeline'];
export type PublicTrustPage = Schemas['PublicTrustPage'];
export type QuestionId = BuyerAnswer['id'];

// the answers read every register, so any write anywhere may change a draft:
// the organization's reads are refreshed by those writes (useOrgMutation's default)
const KEY = 'buyer-readiness';
const key = (orgId: string) => registerKey(orgId, KEY);

export function useTimeline(orgId: string) {
  return useQuery({
    queryKey: [...key(orgId), 'timeline'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/certification-timeline', { params: { path: { orgId } } })),
  });
}

export function useBuyerAnswers(orgId: string) {
  return useQuery({
    queryKey: [...key(orgId), 'answers'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/buyer-answers', { params: { path: { orgId } } })),
  });
}

export interface AnswerEdit {
  text: string;
  ifMatch: string;
}

export function useEditAnswer(orgId: string, questionId: QuestionId, concurrency?: Concurrency<AnswerEdit, BuyerAnswer>) {
  return useOrgMutation(
    orgId,
    ({ text, ifMatch }: AnswerEdit) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/buyer-answers/{questionId}', {
          params: { path: { orgId, questionId }, header: ifMatchHeader(ifMatch) },
          body: { text },
        }),
      ),
    { invalidates: [KEY], concurrency, notify: 'Answer saved' },
  );
}

export function useRevertAnswer(orgId: string, questionId: QuestionId) {
  return useOrgMutation(
    orgId,
    ({ ifMatch }: { ifMatch: string }) =>
      unwrap(
        api.DELETE('/api/v1/orgs/{orgId}/buyer-answers/{questionId}', {
          params: { path: { orgId, questionId }, header: ifMatchHeader(ifMatch) },
        }),
      ),
    { invalidates: [KEY], notify: 'Back to the generated answer', notifyError: true },
  );
}

export function usePublish(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: { slug: string }) =>
      unwrap(api.POST('/api/v1/orgs/{orgId}/trust-page/publish', { params: { path: { orgId } }, body })),
    { invalidates: [KEY], notify: 'Trust page published' },
  );
}

export function useUnpublish(orgId: string) {
  return useOrgMutation(
    orgId,
    () => unwrap(api.POST('/api/v1/orgs/{orgId}/trust-page/unpublish', { params: { path: { orgId } }, body: {} })),
    { invalidates: [KEY], notify: 'Trust page taken down', notifyError: true },
  );
}

export function usePublicTrustPage(slug: string) {
  return useQuery({
    queryKey: ['public', 'trust', slug],
    queryFn: () => unwrap(api.GET('/api/v1/public/trust/{slug}', { params: { path: { slug } } })),
    retry: false,
  });
}
