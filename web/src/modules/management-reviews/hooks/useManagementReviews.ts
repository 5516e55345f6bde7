import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type ManagementReview = Schemas['ManagementReview'];
export type ReviewAction = Schemas['ManagementReviewAction'];
type Base = '/api/v1/orgs/{orgId}/management-reviews';
export type ReviewInput = paths[Base]['post']['requestBody']['content']['application/json'];
export type ReviewPatch = NonNullable<paths[`${Base}/{reviewId}`]['patch']['requestBody']>['content']['application/json'];
export type ReviewListQuery = NonNullable<paths[Base]['get']['parameters']['query']>;
export type ActionInput = paths[`${Base}/{reviewId}/actions`]['post']['requestBody']['content']['application/json'];
export type ActionPatch = paths[`${Base}/{reviewId}/actions/{actionId}`]['patch']['requestBody']['content']['application/json'];

const REG = 'management-reviews';
export const reviewsKey = (orgId: string) => registerKey(orgId, REG);
const reviewKey = (orgId: string, id: string) => [...reviewsKey(orgId), 'review', id] as const;

export function useReview(orgId: string, id: string) {
  return useQuery({
    queryKey: reviewKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/management-reviews/{reviewId}', { params: { path: { orgId, reviewId: id } } })),
  });
}

export function useTopManagement(orgId: string) {
  return useQuery({
    queryKey: [...reviewsKey(orgId), 'top-management'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/management-reviews/top-management', { params: { path: { orgId } } })),
  });
}

export function useReviewSettings(orgId: string) {
  return useQuery({
    queryKey: [...reviewsKey(orgId), 'settings'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/management-reviews/settings', { params: { path: { orgId } } })),
  });
}

export function useSaveReviewSettings(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: { topManagementUserIds: string[] }) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/management-reviews/settings', { params: { path: { orgId } }, body })),
    { invalidates: [REG], notify: 'Top management saved' },
  );
}

export function useCreateReview(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: ReviewInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/management-reviews', { params: { path: { orgId } }, body })),
    { invalidates: [REG], notify: 'Management review planned' },
  );
}

export interface ReviewEdit {
  body: ReviewPatch;
  ifMatch: string;
}

/** Saves a change with If-Match; one saved by someone else since opens the conflict. */
export function useUpdateReview(
  orgId: string,
  id: string,
  concurrency?: Concurrency<ReviewEdit, ManagementReview>,
  notify = 'Saved',
) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: ReviewEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/management-reviews/{reviewId}', {
          params: { path: { orgId, reviewId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: [REG], concurrency, notify },
  );
}

export function usePrepareInputs(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: { resourceNeeds?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/management-reviews/{reviewId}/prepare', {
          params: { path: { orgId, reviewId: id } },
          body,
        }),
      ),
    { invalidates: [REG], notify: 'Inputs compiled' },
  );
}

export function useApproveReview(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: { note?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/management-reviews/{reviewId}/approve', {
          params: { path: { orgId, reviewId: id } },
          body,
        }),
      ),
    { invalidates: [REG, 'improvements'], notify: 'Management review approved' },
  );
}

export function useAddAction(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: ActionInput) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/management-reviews/{reviewId}/actions', {
          params: { path: { orgId, reviewId: id } },
          body,
        }),
      ),
    { invalidates: [REG], notify: 'Action added' },
  );
}

export function useUpdateAction(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    ({ actionId, body }: { actionId: string; body: ActionPatch }) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/management-reviews/{reviewId}/actions/{actionId}', {
          params: { path: { orgId, reviewId: id, actionId } },
          body,
        }),
      ),
    { invalidates: [REG], notify: (a) => (a.status === 'done' ? 'Action marked done' : 'Action saved'), notifyError: true },
  );
}

export function useReviewHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...reviewKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/management-reviews/{reviewId}/history', { params: { path: { orgId, reviewId: id } } }),
      ),
  });
}
