import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Supplier = Schemas['Supplier'];
export type SupplierDetail = Schemas['SupplierDetail'];
export type SupplierReview = Schemas['SupplierReview'];
export type SupplierInput = paths['/api/v1/orgs/{orgId}/suppliers']['post']['requestBody']['content']['application/json'];
export type ReviewInput =
  paths['/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews']['post']['requestBody']['content']['application/json'];
export type SupplierListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/suppliers']['get']['parameters']['query']>;

/** The id of a review question, as the API names it. */
export type ReviewQuestionId = keyof ReviewInput['answers'] & string;
export interface ReviewQuestion {
  id: ReviewQuestionId;
  question: string;
  /** the answer that is good news for the organization */
  goodAnswer: 'yes' | 'no';
}

/** The questions of an AI-specific supplier review, worded by the server; fetched once. */
export function useReviewQuestions() {
  return useQuery({
    queryKey: ['supplier-review-questions'],
    queryFn: () => unwrap(api.GET('/api/v1/supplier-review-questions')),
    staleTime: Number.POSITIVE_INFINITY,
    select: (data) => data.items as ReviewQuestion[],
  });
}

export const suppliersKey = (orgId: string) => registerKey(orgId, 'suppliers');
const supplierKey = (orgId: string, id: string) => [...suppliersKey(orgId), 'supplier', id] as const;

/** The first 200 active suppliers by name, for pickers and filters. */
export function useSupplierOptions(orgId: string) {
  return useQuery({
    queryKey: [...suppliersKey(orgId), 'options'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/suppliers', { params: { path: { orgId }, query: { limit: 200 } } })),
    select: (data) => data.items.map((s) => ({ value: s.id, label: s.name })),
  });
}

export function useSupplier(orgId: string, id: string) {
  return useQuery({
    queryKey: supplierKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/suppliers/{supplierId}', { params: { path: { orgId, supplierId: id } } })),
  });
}

export function useSupplierReviews(orgId: string, id: string) {
  return useQuery({
    queryKey: [...supplierKey(orgId, id), 'reviews'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews', { params: { path: { orgId, supplierId: id } } })),
  });
}

export function useSupplierHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...supplierKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/suppliers/{supplierId}/history', { params: { path: { orgId, supplierId: id } } })),
  });
}

// AI systems show their suppliers' names
const INVALIDATES = ['suppliers', 'ai-systems'];

export function useCreateSupplier(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: SupplierInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/suppliers', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit of a supplier and the version (ETag) of the copy the form opened on. */
export interface SupplierEdit {
  body: Partial<SupplierInput>;
  ifMatch: string;
}

/** Saves an edit with If-Match; a supplier saved by someone else since opens the conflict. */
export function useUpdateSupplier(orgId: string, id: string, concurrency: Concurrency<SupplierEdit, SupplierDetail>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: SupplierEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/suppliers/{supplierId}', {
          params: { path: { orgId, supplierId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

/**
 * A review and the version of the supplier it was made on: recording it
 * sets the supplier's rating and review dates, so a supplier changed since
 * (another review, an edited rating) is a conflict, not a silent overwrite.
 */
export interface ReviewSubmission {
  body: ReviewInput;
  ifMatch: string;
}

export function useRecordReview(orgId: string, id: string, concurrency: Concurrency<ReviewSubmission, SupplierReview>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: ReviewSubmission) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews', {
          params: { path: { orgId, supplierId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}
