import { useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, registerKey, useOrgMutation } from '../../../shared/register';

export type Evidence = Schemas['Evidence'];
export type Coverage = Schemas['EvidenceCoverage'];
export type EvidenceInput = paths['/api/v1/orgs/{orgId}/evidence']['post']['requestBody']['content']['application/json'];
export type EvidenceListQuery = NonNullable<paths['/api/v1/orgs/{orgId}/evidence']['get']['parameters']['query']>;

export const evidenceKey = (orgId: string) => registerKey(orgId, 'evidence');

export function useEvidenceItem(orgId: string, id: string) {
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'item', id],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/evidence/{evidenceId}', { params: { path: { orgId, evidenceId: id } } })),
  });
}

/** Coverage sits under the register's key: every evidence write refreshes it. */
export function useCoverage(orgId: string) {
  return useQuery({
    queryKey: [...evidenceKey(orgId), 'coverage'],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/evidence/coverage', { params: { path: { orgId } } })),
  });
}

/** Applicability per control, for greying out excluded ones on the dashboard. */
export function useSoaApplicability(orgId: string) {
  return useQuery({
    queryKey: ['orgs', orgId, 'soa', 'applicability'],
    queryFn: async () => {
      const soa = await unwrap(api.GET('/api/v1/orgs/{orgId}/soa', { params: { path: { orgId } } }));
      return new Map(soa.rows.map((r) => [r.controlId, r.applicable]));
    },
  });
}

export function useCreateEvidence(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: EvidenceInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/evidence', { params: { path: { orgId } }, body })),
    { invalidates: ['evidence', 'soa'] },
  );
}

export interface EvidenceEdit {
  body: Partial<EvidenceInput>;
  ifMatch: string;
}

/** Saves an edit with If-Match; an item saved by someone else since opens the conflict. */
export function useUpdateEvidence(orgId: string, id: string, concurrency?: Concurrency<EvidenceEdit, Evidence>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: EvidenceEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/evidence/{evidenceId}', {
          params: { path: { orgId, evidenceId: id }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: ['evidence', 'soa'], concurrency },
  );
}
