import { uuidv7 } from 'uuidv7';
import type { Actor } from '../../platform/audit-log/audit-log.js';
import { CompiledQuery, PostgresAdapter } from 'kysely';
import { type Db, type Executor, forUpdate, orgOfIds } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { type Evaluation, evaluateMetric, finishEvaluation, refreshOpenBreach } from './monitoring.breaches.js';
import { nameKey } from './monitoring.register.js';
import { FUTURE_TOLERANCE_MS, type Obs } from './monitoring.rules.js';
import type { IngestBody, ObservationInput } from './monitoring.schemas.js';

// Ingest: observations pushed for an AI system's metrics, one or a batch of
// up to 10,000, all or nothing. Checked against one read of the system's
// metrics (no query per row), inserted in multi-row chunks in one
// transaction, then each metric's breach windows evaluated under a lock on
// its row.

/** 8 columns a row: 1,000 rows stay well under both databases' bound-parameter limits. */
const CHUNK = 1000;
const COLUMNS = ['id', 'org_id', 'metric_id', 'ai_system_id', 'observed_at', 'value', 'source', 'created_at'] as const;

/**
 * Multi-row inserts written directly: building Kysely's tree for 80,000
 * values a request cost more than the insert itself (bench/monitoring.ts).
 */
async function insertObservations(tx: Executor, rows: Row<'monitoring_observations'>[]) {
  const pg = tx.getExecutor().adapter instanceof PostgresAdapter;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const params: unknown[] = [];
    const tuples: string[] = [];
    for (const r of chunk) {
      const n = params.length;
      tuples.push(pg ? `($${n + 1},$${n + 2},$${n + 3},$${n + 4},$${n + 5},$${n + 6},$${n + 7},$${n + 8})` : '(?,?,?,?,?,?,?,?)');
      params.push(r.id, r.org_id, r.metric_id, r.ai_system_id, r.observed_at, r.value, r.source, r.created_at);
    }
    await tx.executeQuery(
      CompiledQuery.raw(`insert into monitoring_observations (${COLUMNS.join(', ')}) values ${tuples.join(',')}`, params),
    );
  }
}

export interface IngestResult {
  accepted: number;
  breachesOpened: number;
  breachesClosed: number;
}

export async function ingestObservations(
  db: Db,
  actor: Actor,
  orgId: string,
  aiSystemId: string,
  body: IngestBody,
  now = new Date(),
): Promise<IngestResult> {
  const batch = body.observations !== undefined;
  const items: ObservationInput[] = body.observations ?? [{ ...body, value: body.value as number }];
  const at = (i: number, field: string) => (batch ? `body.observations.${i}.${field}` : `body.${field}`);

  const system = (await resolveLinks(db, orgId, [{ type: 'ai-system', id: aiSystemId }]))({ type: 'ai-system', id: aiSystemId });
  if (!system) throw notFound('AI system');
  const metrics = await db
    .selectFrom('monitoring_metrics')
    .select(['id', 'name_key', 'archived_at'])
    .where('org_id', '=', orgId)
    .where('ai_system_id', '=', aiSystemId)
    .execute();
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const byName = new Map(metrics.filter((m) => !m.archived_at).map((m) => [m.name_key, m]));

  const errors: FieldError[] = [];
  const latestAllowed = now.getTime() + FUTURE_TOLERANCE_MS;
  const createdAt = now.toISOString();
  const rows: Row<'monitoring_observations'>[] = new Array(items.length);
  items.forEach((o, i) => {
    let metricId: string | undefined;
    if (o.metricId !== undefined && o.metric !== undefined)
      errors.push({ field: at(i, 'metricId'), message: 'give metricId or metric (its name), not both' });
    else if (o.metricId !== undefined) {
      const m = byId.get(o.metricId);
      if (!m) errors.push({ field: at(i, 'metricId'), message: 'is not a metric of this AI system' });
      else if (m.archived_at)
        errors.push({ field: at(i, 'metricId'), message: 'is an archived metric; restore it to record observations' });
      else metricId = m.id;
    } else if (o.metric !== undefined) {
      const m = byName.get(nameKey(o.metric));
      if (!m) errors.push({ field: at(i, 'metric'), message: 'is not the name of a current metric of this AI system' });
      else metricId = m.id;
    } else errors.push({ field: at(i, 'metricId'), message: 'is required: give metricId, or metric (its name)' });
    let observedAt = createdAt;
    if (o.observedAt !== undefined) {
      const ms = Date.parse(o.observedAt);
      if (ms > latestAllowed)
        errors.push({ field: at(i, 'observedAt'), message: 'must not be more than 5 minutes in the future' });
      else observedAt = new Date(ms).toISOString();
    }
    if (metricId)
      rows[i] = {
        id: uuidv7(),
        org_id: orgId,
        metric_id: metricId,
        ai_system_id: aiSystemId,
        observed_at: observedAt,
        value: o.value,
        source: o.source ?? '',
        created_at: createdAt,
      };
  });
  if (errors.length)
    throw invalid(
      errors,
      `No observation was stored: ${errors.length === 1 ? 'one is' : `${errors.length} are`} invalid (see errors).`,
    );

  // each metric's new observations in (observed_at, id) order
  const fresh = new Map<string, Obs[]>();
  const sorted = [...rows].sort((a, b) =>
    a.observed_at < b.observed_at ? -1 : a.observed_at > b.observed_at ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const r of sorted) {
    const list = fresh.get(r.metric_id);
    if (list) list.push({ t: r.observed_at, v: r.value });
    else fresh.set(r.metric_id, [{ t: r.observed_at, v: r.value }]);
  }

  return db.transaction().execute(async (tx) => {
    // Lock the metrics first (in id order, so two requests never wait on each other in a cycle):
    // evaluation of one metric runs one request at a time, on every app node.
    const locked = await forUpdate(
      tx,
      tx
        .selectFrom('monitoring_metrics')
        .selectAll()
        .where(orgOfIds(tx), '=', orgId)
        .where('id', 'in', [...fresh.keys()])
        .orderBy('id'),
    ).execute();
    await insertObservations(tx, rows);
    const out: Evaluation = { opened: 0, closed: 0, audit: [], notices: [] };
    for (const metric of locked) {
      const obs = fresh.get(metric.id) as Obs[];
      await evaluateMetric(tx, actor, metric, system.label, obs, out);
      const last = obs[obs.length - 1];
      if (metric.latest_observed_at === null || last.t >= metric.latest_observed_at)
        await tx
          .updateTable('monitoring_metrics')
          .set({ latest_value: last.v, latest_observed_at: last.t })
          .where('id', '=', metric.id)
          .execute();
      await refreshOpenBreach(tx, metric);
    }
    await finishEvaluation(tx, actor, orgId, out);
    return { accepted: rows.length, breachesOpened: out.opened, breachesClosed: out.closed };
  });
}
