import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type CertificationBody = Schemas['CertificationBody'];
export type QuoteRequestPack = Schemas['QuoteRequestPack'];
type BodiesPath = paths['/api/v1/orgs/{orgId}/certification-bodies'];
export type BodyInput = BodiesPath['post']['requestBody']['content']['application/json'];
export type BodyListQuery = NonNullable<BodiesPath['get']['parameters']['query']>;
export type ChooseReasons = NonNullable<
  NonNullable<
    paths['/api/v1/orgs/{orgId}/certification-bodies/{bodyId}/choose']['post']['requestBody']
  >['content']['application/json']
>['reasons'];

export const bodiesKey = (orgId: string) => registerKey(orgId, 'certification-bodies');
const bodyKey = (orgId: string, id: string) => [...bodiesKey(orgId), 'body', id] as const;
const INVALIDATES = ['certification-bodies'];

export function useCertificationBody(orgId: string, id: string) {
  return useQuery({
    queryKey: bodyKey(orgId, id),
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/certification-bodies/{bodyId}', { params: { path: { orgId, bodyId: id } } })),
  });
}

export function useCertificationBodyHistory(orgId: string, id: string) {
  return useQuery({
    queryKey: [...bodyKey(orgId, id), 'history'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/certification-bodies/{bodyId}/history', { params: { path: { orgId, bodyId: id } } })),
  });
}

/** Every current candidate at once, for the side-by-side comparison (a page of 200 is more than anyone compares). */
export function useAllCertificationBodies(orgId: string) {
  return useQuery({
    queryKey: [...bodiesKey(orgId), 'all'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/certification-bodies', {
          params: { path: { orgId }, query: { limit: 200, sort: 'name' } },
        }),
      ),
  });
}

export function useQuoteRequest(orgId: string) {
  return useQuery({
    queryKey: [...bodiesKey(orgId), 'quote-request'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/certification-bodies/quote-request', {
          params: { path: { orgId }, query: { format: 'json' } },
        }),
      ) as Promise<QuoteRequestPack>,
  });
}

export function useCreateCertificationBody(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: BodyInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/certification-bodies', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

/** An edit: the fields it sends, the ETag of the copy the form opened on, and the values as shown (for the conflict dialog). */
export interface BodyEdit {
  body: Partial<BodyInput>;
  ifMatch: string;
  shown: Record<string, unknown>;
}

export function useUpdateCertificationBody(orgId: string, id: string, concurrency?: Concurrency<BodyEdit, CertificationBody>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: BodyEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/certification-bodies/{bodyId}', {
          params: { path: { orgId, bodyId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useChooseCertificationBody(orgId: string, id: string) {
  return useOrgMutation(
    orgId,
    (reasons: ChooseReasons) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/certification-bodies/{bodyId}/choose', {
          params: { path: { orgId, bodyId: id } },
          body: { reasons },
        }),
      ),
    { invalidates: INVALIDATES },
  );
}

export function useSaveQuoteSettings(orgId: string) {
  return useOrgMutation(
    orgId,
    (desiredStage2Month: string | null) =>
      unwrap(
        api.PUT('/api/v1/orgs/{orgId}/certification-bodies/settings', {
          params: { path: { orgId } },
          body: { desiredStage2Month },
        }),
      ),
    { invalidates: INVALIDATES },
  );
}
