import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';

export type Supplier = Schemas['Supplier'];
export type SupplierDetail = Schemas['SupplierDetail'];
export type SupplierReview = Schemas['SupplierReview'];
export type SupplierInput = paths['/api/v1/orgs/{orgId}/suppliers']['post']['requestBody']['content']['application/json'];
export type ReviewInput =
  paths['/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews']['post']['requestBody']['content']['application/json'];
export type SupplierListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/suppliers']['get']['parameters']['query']>;

export const suppliersKey = (orgId: string) => ['orgs', orgId, 'suppliers'] as const;
const supplierKey = (orgId: string, id: string) => [...suppliersKey(orgId), 'supplier', id] as const;

export function useSupplierList(orgId: string, query: Omit<SupplierListQuery, 'cursor' | 'limit'>) {
  return useInfiniteQuery({
    queryKey: [...suppliersKey(orgId), 'list', query],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/suppliers', {
          params: { path: { orgId }, query: { ...query, limit: 50, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

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

function useSupplierMutation<TVars, TResult>(orgId: string, fn: (vars: TVars) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: async () => {
      // AI systems show their suppliers' names
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'inventory'] });
      client.invalidateQueries({ queryKey: ['orgs', orgId, 'audit-log'] });
      await client.invalidateQueries({ queryKey: suppliersKey(orgId) });
    },
  });
}

export function useCreateSupplier(orgId: string) {
  return useSupplierMutation(orgId, (body: SupplierInput) =>
    unwrap(api.POST('/api/v1/orgs/{orgId}/suppliers', { params: { path: { orgId } }, body })),
  );
}

export function useUpdateSupplier(orgId: string, id: string) {
  return useSupplierMutation(orgId, (body: Partial<SupplierInput>) =>
    unwrap(api.PATCH('/api/v1/orgs/{orgId}/suppliers/{supplierId}', { params: { path: { orgId, supplierId: id } }, body })),
  );
}

export function useSetSupplierArchived(orgId: string, id: string) {
  return useSupplierMutation(orgId, (archived: boolean) =>
    unwrap(
      archived
        ? api.POST('/api/v1/orgs/{orgId}/suppliers/{supplierId}/archive', { params: { path: { orgId, supplierId: id } } })
        : api.POST('/api/v1/orgs/{orgId}/suppliers/{supplierId}/restore', { params: { path: { orgId, supplierId: id } } }),
    ),
  );
}

export function useRecordReview(orgId: string, id: string) {
  return useSupplierMutation(orgId, (body: ReviewInput) =>
    unwrap(
      api.POST('/api/v1/orgs/{orgId}/suppliers/{supplierId}/reviews', { params: { path: { orgId, supplierId: id } }, body }),
    ),
  );
}
