import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../../shared/api';

export type Readiness = Schemas['Readiness'];
export type ReadinessCheck = Schemas['ReadinessCheck'];
export type ReadinessStep = Schemas['ReadinessStep'];
export type ReadinessSampleRow = Schemas['ReadinessSampleRow'];
export type ReadinessSnapshot = Schemas['ReadinessSnapshot'];

const key = (orgId: string) => ['orgs', orgId, 'readiness'] as const;

/** The rehearsal; a seed redraws the evidence sample (undefined: the day's). */
export function useReadiness(orgId: string, seed: string | undefined) {
  return useQuery({
    queryKey: [...key(orgId), 'checks', seed ?? 'today'],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/readiness', { params: { path: { orgId }, query: seed ? { seed } : {} } })),
    // a redraw keeps the page in place while the new sample loads
    placeholderData: keepPreviousData,
  });
}

export function useReadinessHistory(orgId: string, days = 90) {
  return useQuery({
    queryKey: [...key(orgId), 'history', days],
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/readiness/history', { params: { path: { orgId }, query: { days } } })),
  });
}
