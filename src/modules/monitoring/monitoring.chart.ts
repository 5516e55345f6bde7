import type { Executor } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { findRow } from '../../platform/register/index.js';
import { metricRegister } from './monitoring.register.js';
import { downsample } from './monitoring.rules.js';
import type { Chart } from './monitoring.schemas.js';

// A metric's chart: its observations in a time range (read from the covering
// index on metric and time), thinned to `limit` points keeping each run's
// lowest and highest value, with the breach windows that overlap the range.

export async function metricChart(
  db: Executor,
  orgId: string,
  metricId: string,
  q: { from?: string; to?: string; limit: number },
): Promise<Chart> {
  const metric = await findRow(db, metricRegister, orgId, metricId);
  if (!metric) throw notFound('Metric');
  const from = q.from ? new Date(q.from).toISOString() : undefined;
  const to = q.to ? new Date(q.to).toISOString() : undefined;
  let obs = db.selectFrom('monitoring_observations').select(['observed_at', 'value']).where('metric_id', '=', metricId);
  if (from) obs = obs.where('observed_at', '>=', from);
  if (to) obs = obs.where('observed_at', '<=', to);
  let breaches = db
    .selectFrom('monitoring_breaches')
    .select(['id', 'started_at', 'ended_at', 'status'])
    .where('org_id', '=', orgId)
    .where('metric_id', '=', metricId);
  if (to) breaches = breaches.where('started_at', '<=', to);
  if (from) breaches = breaches.where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from)]));
  const [rows, windows] = await Promise.all([
    obs.orderBy('observed_at').orderBy('id').execute(),
    breaches.orderBy('started_at').execute(),
  ]);
  const points = rows.map((r) => ({ t: r.observed_at, v: Number(r.value) }));
  return {
    metric: {
      id: metric.id,
      name: metric.name,
      unit: metric.unit,
      direction: metric.direction,
      threshold: Number(metric.threshold),
    },
    points: downsample(points, q.limit),
    breaches: windows.map((b) => ({ id: b.id, startedAt: b.started_at, endedAt: b.ended_at, status: b.status })),
    truncated: points.length > q.limit,
    total: points.length,
  };
}
