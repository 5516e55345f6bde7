import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Improvement = Schemas['Improvement'];
export type ImprovementInput = paths['/api/v1/orgs/{orgId}/improvements']['post']['requestBody']['content']['application/json'];
export type ImprovementListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/improvements']['get']['parameters']['query']>;

export const improvementsKey = (orgId: string) => registerKey(orgId, 'improvements');
const improvementKey = (orgId: string, id: string) => [...improvementsKey(orgId), 'improvement', id] as const;

export function useImprovement(orgId: string, id: string) {
  return useQuery({
    queryKey: improvementKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/improvements/{improvementId}', { params: { path: { orgId, improvementId: id } } })),
  });
}

export function useImprovementHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...improvementKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/improvements/{improvementId}/history', { params: { path: { orgId, improvementId: id } } }),
      ),
  });
}

export function useImprovementSummary(orgId: string) {
  return useQuery({
    queryKey: [...improvementsKey(orgId), 'summary'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/improvements/summary', { params: { path: { orgId } } })),
  });
}

const INVALIDATES = ['improvements'];

export function useCreateImprovement(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: ImprovementInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/improvements', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit: the fields it sends, the ETag of the copy the form opened on, and the values as shown (for the conflict dialog). */
export interface ImprovementEdit {
  body: Partial<ImprovementInput>;
  ifMatch: string;
  shown: Record<string, unknown>;
}

export function useUpdateImprovement(orgId: string, id: string, concurrency?: Concurrency<ImprovementEdit, Improvement>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: ImprovementEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/improvements/{improvementId}', {
          params: { path: { orgId, improvementId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}
