import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, forUpdate } from '../../platform/db/db.js';
import { applyKeyset, keysetPage } from '../../platform/db/keyset.js';
import { conflict, invalid, notFound } from '../../platform/http/errors.js';
import { resolveLinks, toPerson } from '../../platform/refs/index.js';
import { laterThan, lockRow } from '../../platform/register/index.js';
import { refreshOpenBreach } from './monitoring.breaches.js';
import { metricRegister } from './monitoring.register.js';
import { addDays, BREACH_STATUS_LABELS } from './monitoring.rules.js';
import type { Breach, BreachListQuery } from './monitoring.schemas.js';

// Breaches as tasks (list, resolve with a note) and reviews of a metric.

function breachQuery(db: Executor, orgId: string) {
  return db
    .selectFrom('monitoring_breaches')
    .innerJoin('monitoring_metrics', 'monitoring_metrics.id', 'monitoring_breaches.metric_id')
    .leftJoin('users', 'users.id', 'monitoring_breaches.resolved_by')
    .selectAll('monitoring_breaches')
    .select([
      'monitoring_metrics.name as metric_name',
      'monitoring_metrics.unit',
      'monitoring_metrics.threshold',
      'monitoring_metrics.direction',
      'users.name as resolver_name',
    ])
    .where('monitoring_breaches.org_id', '=', orgId);
}
type BreachJoined = Awaited<ReturnType<ReturnType<typeof breachQuery>['execute']>>[number];

async function presentBreaches(db: Executor, orgId: string, rows: BreachJoined[]): Promise<Breach[]> {
  const target = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'ai-system', id: r.ai_system_id })),
  );
  return rows.map((r) => ({
    id: r.id,
    metricId: r.metric_id,
    metricName: r.metric_name,
    unit: r.unit,
    threshold: Number(r.threshold),
    direction: r.direction,
    aiSystemId: r.ai_system_id,
    aiSystemName: target({ type: 'ai-system', id: r.ai_system_id })?.label ?? '(not found)',
    startedAt: r.started_at,
    endedAt: r.ended_at,
    worstValue: Number(r.worst_value),
    observations: Number(r.observations),
    assignee: toPerson(r.assignee_user_id, r.assignee_name, r.assignee_email),
    status: r.status,
    statusLabel: BREACH_STATUS_LABELS[r.status],
    resolutionNote: r.resolution_note,
    resolvedBy: r.resolved_by ? { userId: r.resolved_by, name: r.resolver_name ?? '' } : null,
    resolvedAt: r.resolved_at,
    incidentId: r.incident_id,
    createdAt: r.created_at,
  }));
}

export async function listBreaches(db: Executor, orgId: string, q: BreachListQuery) {
  let query = breachQuery(db, orgId);
  if (q.status) query = query.where('monitoring_breaches.status', '=', q.status);
  if (q.aiSystemId) query = query.where('monitoring_breaches.ai_system_id', '=', q.aiSystemId);
  if (q.metricId) query = query.where('monitoring_breaches.metric_id', '=', q.metricId);
  const rows = await applyKeyset(
    query as never,
    'monitoring_breaches',
    { expression: sql.ref('monitoring_breaches.started_at'), direction: 'desc' },
    q.cursor,
    q.limit,
  ).execute();
  const page = keysetPage(rows as BreachJoined[], q.limit, (r) => r.started_at);
  return { items: await presentBreaches(db, orgId, page.items), nextCursor: page.nextCursor };
}

export async function getBreach(db: Executor, orgId: string, id: string) {
  const row = await breachQuery(db, orgId).where('monitoring_breaches.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Breach');
  return (await presentBreaches(db, orgId, [row]))[0];
}

/** Resolves a breach with a note; 409 when someone already did. */
export async function resolveBreach(db: Db, actor: Actor, orgId: string, id: string, note: string) {
  await db.transaction().execute(async (tx) => {
    // The metric row first, as ingest locks it before the breaches it updates:
    // the same order everywhere, and the metric's open breach cannot be
    // overwritten by a resolution that did not see a breach ingest just opened.
    const of = await tx
      .selectFrom('monitoring_breaches')
      .select('metric_id')
      .where('org_id', '=', orgId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!of) throw notFound('Breach');
    const metric = await forUpdate(
      tx,
      tx.selectFrom('monitoring_metrics').select(['id', 'open_breach_id']).where('id', '=', of.metric_id),
    ).executeTakeFirstOrThrow();
    const row = await forUpdate(
      tx,
      tx.selectFrom('monitoring_breaches').selectAll().where('org_id', '=', orgId).where('id', '=', id),
    ).executeTakeFirstOrThrow();
    if (row.status === 'resolved') throw conflict(`This breach was already resolved on ${row.resolved_at?.slice(0, 10)}.`);
    const now = laterThan(row.updated_at);
    await tx
      .updateTable('monitoring_breaches')
      .set({ status: 'resolved', resolution_note: note, resolved_by: actor.userId, resolved_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await refreshOpenBreach(tx, metric);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'monitoring_breach',
      entityId: id,
      action: 'resolve',
      before: { status: row.status },
      after: { status: 'resolved', resolutionNote: note, resolvedAt: now },
    });
  });
  return getBreach(db, orgId, id);
}

/** Records a review of a metric: its next review falls reviewEveryDays later. */
export async function reviewMetric(db: Db, actor: Actor, orgId: string, metricId: string, note: string, reviewedAt?: string) {
  const at = reviewedAt ? new Date(reviewedAt).toISOString() : new Date().toISOString();
  if (at > new Date().toISOString()) throw invalid([{ field: 'body.reviewedAt', message: 'must not be in the future' }]);
  return db.transaction().execute(async (tx) => {
    const row = await lockRow(tx, metricRegister, orgId, metricId);
    if (row.archived_at) throw conflict('This metric is archived; restore it before recording a review.');
    const id = uuidv7();
    const now = laterThan(row.updated_at);
    // a review dated before the last one recorded keeps the later date
    const last = row.last_reviewed_at && row.last_reviewed_at > at ? row.last_reviewed_at : at;
    const nextDue = addDays(last, Number(row.review_every_days));
    await tx
      .insertInto('monitoring_reviews')
      .values({ id, org_id: orgId, metric_id: metricId, reviewed_at: at, note, reviewed_by: actor.userId, created_at: now })
      .execute();
    await tx
      .updateTable('monitoring_metrics')
      .set({ last_reviewed_at: last, next_review_due: nextDue, updated_at: now })
      .where('id', '=', metricId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'monitoring_metric',
      entityId: metricId,
      action: 'review',
      before: { lastReviewedAt: row.last_reviewed_at, nextReviewDue: row.next_review_due },
      after: { reviewId: id, reviewedAt: at, note, lastReviewedAt: last, nextReviewDue: nextDue },
    });
    const me = actor.userId
      ? await tx.selectFrom('users').select('name').where('id', '=', actor.userId).executeTakeFirst()
      : undefined;
    return {
      id,
      metricId,
      reviewedAt: at,
      note,
      reviewedBy: actor.userId ? { userId: actor.userId, name: me?.name ?? '' } : null,
      createdAt: now,
    };
  });
}

export async function listReviews(db: Executor, orgId: string, metricId: string) {
  const rows = await db
    .selectFrom('monitoring_reviews')
    .leftJoin('users', 'users.id', 'monitoring_reviews.reviewed_by')
    .selectAll('monitoring_reviews')
    .select('users.name as reviewer_name')
    .where('monitoring_reviews.org_id', '=', orgId)
    .where('monitoring_reviews.metric_id', '=', metricId)
    .orderBy('monitoring_reviews.reviewed_at', 'desc')
    .orderBy('monitoring_reviews.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    metricId: r.metric_id,
    reviewedAt: r.reviewed_at,
    note: r.note,
    reviewedBy: r.reviewed_by ? { userId: r.reviewed_by, name: r.reviewer_name ?? '' } : null,
    createdAt: r.created_at,
  }));
}
