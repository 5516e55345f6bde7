import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../shared/api';
import type { paths } from '../../../shared/api-types';
import { type Concurrency, ifMatchHeader, type RegisterItem, registerKey, useOrgMutation } from '../../../shared/register';

type MetricsPath = paths['/api/v1/orgs/{orgId}/monitoring-metrics'];
type ObservationsPath = paths['/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}/observations'];
type BreachesPath = paths['/api/v1/orgs/{orgId}/monitoring-breaches'];

export type Metric = RegisterItem<'monitoring-metrics'>;
export type MetricInput = MetricsPath['post']['requestBody']['content']['application/json'];
export type MetricListQuery = NonNullable<MetricsPath['get']['parameters']['query']>;
export type Observations = ObservationsPath['get']['responses'][200]['content']['application/json'];
export type BreachQuery = NonNullable<BreachesPath['get']['parameters']['query']>;
export type Breach = BreachesPath['get']['responses'][200]['content']['application/json']['items'][number];

// Everything monitoring caches sits under the metrics register's key or the
// breaches' key; every write here refreshes both (a value can open a breach).
const INVALIDATES = ['monitoring-metrics', 'monitoring-breaches', 'ai-systems'];
export const metricsKey = (orgId: string) => registerKey(orgId, 'monitoring-metrics');
const breachesKey = (orgId: string) => registerKey(orgId, 'monitoring-breaches');

export function useMetric(orgId: string, metricId: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'item', metricId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}', { params: { path: { orgId, metricId } } })),
  });
}

export function useMetricHistory(orgId: string, metricId: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'history', metricId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}/history', { params: { path: { orgId, metricId } } })),
  });
}

/** A metric's values in a period (from undefined: since the first). */
export function useObservations(orgId: string, metricId: string, from: string | undefined) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'observations', metricId, from ?? 'all'],
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}/observations', {
          params: { path: { orgId, metricId }, query: { ...(from ? { from } : {}), limit: 2000 } },
        }),
      ),
    placeholderData: keepPreviousData,
  });
}

export function useBreaches(orgId: string, query: BreachQuery) {
  return useQuery({
    queryKey: [...breachesKey(orgId), query],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/monitoring-breaches', { params: { path: { orgId }, query: { ...query } } })),
  });
}

/** One AI system's metrics with their latest values and states (the AI system page's card). */
export function useSystemMonitoring(orgId: string, aiSystemId: string) {
  return useQuery({
    queryKey: [...metricsKey(orgId), 'system', aiSystemId],
    queryFn: () =>
      unwrap(api.GET('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}/monitoring', { params: { path: { orgId, aiSystemId } } })),
  });
}

export function useCreateMetric(orgId: string) {
  return useOrgMutation(
    orgId,
    (body: MetricInput) => unwrap(api.POST('/api/v1/orgs/{orgId}/monitoring-metrics', { params: { path: { orgId } }, body })),
    { invalidates: INVALIDATES },
  );
}

export interface MetricEdit {
  body: Partial<MetricInput>;
  ifMatch: string;
}

export function useUpdateMetric(orgId: string, metricId: string, concurrency?: Concurrency<MetricEdit, Metric>) {
  return useOrgMutation(
    orgId,
    ({ body, ifMatch }: MetricEdit) =>
      unwrap(
        api.PATCH('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}', {
          params: { path: { orgId, metricId }, header: ifMatchHeader(ifMatch) },
          body,
        }),
      ),
    { invalidates: INVALIDATES, concurrency },
  );
}

export function useAddObservation(orgId: string, aiSystemId: string) {
  return useOrgMutation(
    orgId,
    (body: { metricId: string; value: number; observedAt?: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/ai-systems/{aiSystemId}/observations', {
          params: { path: { orgId, aiSystemId } },
          body,
        }),
      ),
    {
      invalidates: INVALIDATES,
      notify: (r) => (r.breachesOpened > 0 ? 'Value recorded. It is beyond the threshold: a breach is open.' : 'Value recorded.'),
    },
  );
}

export function useRecordReview(orgId: string, metricId: string) {
  return useOrgMutation(
    orgId,
    (note: string) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/monitoring-metrics/{metricId}/reviews', {
          params: { path: { orgId, metricId } },
          body: { note },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Review recorded.' },
  );
}

export function useResolveBreach(orgId: string) {
  return useOrgMutation(
    orgId,
    ({ breachId, note }: { breachId: string; note: string }) =>
      unwrap(
        api.POST('/api/v1/orgs/{orgId}/monitoring-breaches/{breachId}/resolve', {
          params: { path: { orgId, breachId } },
          body: { note },
        }),
      ),
    { invalidates: INVALIDATES, notify: 'Breach resolved.' },
  );
}
