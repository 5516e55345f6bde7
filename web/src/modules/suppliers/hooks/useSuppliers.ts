import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { registerKey, useOrgMutation } from '../../../shared/register';

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

export function useUpdateSupplier(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: Partial<SupplierInput>) =>
      unwrap(api.PATCH('/api/v1/orgs/{orgId}/suppliers/{supplierId}', { params: { path: { orgId, supplierId: id } }, body })),
    { invalidates: INVALIDATES },
  );
}

export function useRecordReview(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (body: ReviewInput) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews', { params: { path: { orgId, supplierId: id } }, body }),
      ),
    { invalidates: INVALIDATES },
  );
}
