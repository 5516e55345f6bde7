import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';
import { findRow } from '../../platform/register/index.js';
import { metricRegister } from './monitoring.register.js';
import { downsample } from './monitoring.rules.js';
import type { Chart } from './monitoring.schemas.js';

// A metric's chart: its observations in a time range (read from the covering
// index on metric and time), thinned to `limit` points keeping each run's
// lowest and highest value, with the breach windows that overlap the range.

/** The observations of a metric in a range, in (observed_at, id) order, as chart points. */
async function series(db: Executor, metricId: string, from?: string, to?: string): Promise<{ t: string; v: number }[]> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    // One text value instead of 10,000 rows: node-postgres builds a row object
    // per row, which cost more than the index-only scan itself (bench/monitoring.ts).
    // float8::text is the shortest exact form (PostgreSQL 12+), so values round-trip.
    const r = await sql<{
      s: string | null;
    }>`select string_agg(observed_at || ' ' || value::text, ',' order by observed_at, id) as s
      from monitoring_observations where metric_id = ${metricId}
      ${from ? sql`and observed_at >= ${from}` : sql``} ${to ? sql`and observed_at <= ${to}` : sql``}`.execute(db);
    const text = r.rows[0]?.s;
    if (!text) return [];
    return text.split(',').map((p) => {
      const i = p.indexOf(' ');
      return { t: p.slice(0, i), v: Number(p.slice(i + 1)) };
    });
  }
  let obs = db.selectFrom('monitoring_observations').select(['observed_at', 'value']).where('metric_id', '=', metricId);
  if (from) obs = obs.where('observed_at', '>=', from);
  if (to) obs = obs.where('observed_at', '<=', to);
  const rows = await obs.orderBy('observed_at').orderBy('id').execute();
  return rows.map((r) => ({ t: r.observed_at, v: Number(r.value) }));
}

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
  let breaches = db
    .selectFrom('monitoring_breaches')
    .select(['id', 'started_at', 'ended_at', 'status'])
    .where('org_id', '=', orgId)
    .where('metric_id', '=', metricId);
  if (to) breaches = breaches.where('started_at', '<=', to);
  if (from) breaches = breaches.where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', from)]));
  const [points, windows] = await Promise.all([series(db, metricId, from, to), breaches.orderBy('started_at').execute()]);
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
