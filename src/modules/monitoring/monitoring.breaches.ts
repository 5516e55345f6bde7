import { uuidv7 } from 'uuidv7';
import { type Actor, type AuditEntry, appendAuditMany } from '../../platform/audit-log/audit-log.js';
import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { type NotifyInput, notifyMany } from '../../platform/notify/index.js';
import { openIncident } from '../incidents/index.js';
import { type BreachWindow, evaluateWindows, METRIC_DIRECTION_LABELS, type Obs } from './monitoring.rules.js';

// Breach windows of one metric after new observations, under the lock on the
// metric row (so concurrent requests, on any app node, evaluate one after the
// other and see each other's observations): in-order arrival continues the
// open window from its stored count; a late observation re-reads the
// observations from the window it falls in (or from itself) onwards. New
// windows become breach records assigned to the metric's owner, who is told;
// an incident is opened when the metric asks for one.

type MetricRow = Row<'monitoring_metrics'>;
type BreachRow = Row<'monitoring_breaches'>;

const toWindow = (b: BreachRow): BreachWindow => ({
  id: b.id,
  startedAt: b.started_at,
  endedAt: b.ended_at,
  worst: Number(b.worst_value),
  count: Number(b.observations),
});

export interface Evaluation {
  opened: number;
  closed: number;
  audit: AuditEntry[];
  notices: NotifyInput[];
}

/** Owners and admins of an organization: told when a breach has no member to assign. */
export async function orgAdmins(db: Executor, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .where('users.disabled_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id).sort();
}

/**
 * Re-evaluates a locked metric's windows after `fresh` (its new observations,
 * already inserted, in (observed_at, id) order) and writes what changed.
 */
export async function evaluateMetric(
  tx: Executor,
  actor: Actor,
  metric: MetricRow,
  systemName: string,
  fresh: Obs[],
  out: Evaluation,
): Promise<void> {
  const direction = metric.direction;
  const threshold = Number(metric.threshold);
  const t0 = fresh[0].t;
  const breaches = () => tx.selectFrom('monitoring_breaches').selectAll().where('metric_id', '=', metric.id);
  let windows: BreachWindow[];
  let recorded: BreachRow[];
  if (metric.latest_observed_at === null || t0 > metric.latest_observed_at) {
    // in order: only the open window (if any) can continue
    recorded = await breaches().where('ended_at', 'is', null).orderBy('started_at', 'desc').limit(1).execute();
    windows = evaluateWindows(fresh, [], direction, threshold, recorded[0] ? toWindow(recorded[0]) : undefined);
  } else {
    const containing = await breaches()
      .where('started_at', '<=', t0)
      .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>', t0)]))
      .orderBy('started_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const from = containing?.started_at ?? t0;
    const obs = await tx
      .selectFrom('monitoring_observations')
      .select(['observed_at as t', 'value as v'])
      .where('metric_id', '=', metric.id)
      .where('observed_at', '>=', from)
      .orderBy('observed_at')
      .orderBy('id')
      .execute();
    recorded = await breaches().where('started_at', '>=', from).orderBy('started_at').execute();
    windows = evaluateWindows(
      obs.map((o) => ({ t: o.t, v: Number(o.v) })),
      recorded.map(toWindow),
      direction,
      threshold,
    );
  }
  const byId = new Map(recorded.map((r) => [r.id, r]));
  const now = new Date().toISOString();
  for (const w of windows) {
    const before = w.id ? byId.get(w.id) : undefined;
    if (!before) {
      const id = uuidv7();
      let incidentId: string | null = null;
      if (metric.open_incident_on_breach) {
        const incident = await openIncident(tx, actor, metric.org_id, {
          aiSystemId: metric.ai_system_id,
          title: `Monitoring: ${metric.name} beyond its threshold`,
          description: `${metric.name} of ${systemName} was ${w.worst}${metric.unit ? ` ${metric.unit}` : ''} at worst from ${w.startedAt}; its threshold is ${threshold} (${METRIC_DIRECTION_LABELS[direction].toLowerCase()}).`,
          detectedAt: w.startedAt,
          detectedHow: 'monitoring',
          severity: 'medium',
          source: { kind: 'monitoring-breach', id },
        });
        incidentId = incident.id;
      }
      const row: BreachRow = {
        id,
        org_id: metric.org_id,
        metric_id: metric.id,
        ai_system_id: metric.ai_system_id,
        started_at: w.startedAt,
        ended_at: w.endedAt,
        worst_value: w.worst,
        observations: w.count,
        assignee_user_id: metric.owner_user_id,
        assignee_name: metric.owner_name,
        assignee_email: metric.owner_email,
        status: 'open',
        resolution_note: null,
        resolved_by: null,
        resolved_at: null,
        incident_id: incidentId,
        created_at: now,
        updated_at: now,
      };
      await tx.insertInto('monitoring_breaches').values(row).execute();
      out.opened++;
      if (w.endedAt) out.closed++;
      out.audit.push({
        orgId: metric.org_id,
        entityType: 'monitoring_breach',
        entityId: id,
        action: 'create',
        after: {
          id,
          metricId: metric.id,
          aiSystemId: metric.ai_system_id,
          startedAt: w.startedAt,
          endedAt: w.endedAt,
          worstValue: w.worst,
          threshold,
          incidentId,
        },
      });
      const unit = metric.unit ? ` ${metric.unit}` : '';
      out.notices.push({
        orgId: metric.org_id,
        userIds: metric.owner_user_id ? [metric.owner_user_id] : [],
        kind: 'monitoring-breach',
        title: `${metric.name} of ${systemName} is beyond its threshold`,
        body: `From ${w.startedAt} the metric was ${w.worst}${unit} at worst against a threshold of ${threshold}${unit} (${METRIC_DIRECTION_LABELS[direction].toLowerCase()}). Look into it and resolve the breach with a note.`,
        link: `/orgs/${metric.org_id}/monitoring/metrics/${metric.id}`,
        email: true,
      });
      continue;
    }
    const changed =
      before.started_at !== w.startedAt ||
      before.ended_at !== w.endedAt ||
      Number(before.worst_value) !== w.worst ||
      Number(before.observations) !== w.count;
    if (!changed) continue;
    await tx
      .updateTable('monitoring_breaches')
      .set({ started_at: w.startedAt, ended_at: w.endedAt, worst_value: w.worst, observations: w.count, updated_at: now })
      .where('id', '=', before.id)
      .execute();
    if (before.ended_at === null && w.endedAt !== null) {
      out.closed++;
      out.audit.push({
        orgId: metric.org_id,
        entityType: 'monitoring_breach',
        entityId: before.id,
        action: 'window-ended',
        before: { startedAt: before.started_at, endedAt: null, worstValue: Number(before.worst_value) },
        after: { startedAt: w.startedAt, endedAt: w.endedAt, worstValue: w.worst },
      });
    }
  }
}

/** The latest breach of a metric still to be resolved, kept on the metric row. */
export async function refreshOpenBreach(tx: Executor, metric: Pick<MetricRow, 'id' | 'open_breach_id'>) {
  const open = await tx
    .selectFrom('monitoring_breaches')
    .select('id')
    .where('metric_id', '=', metric.id)
    .where('status', '=', 'open')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const id = open?.id ?? null;
  if (id !== metric.open_breach_id)
    await tx.updateTable('monitoring_metrics').set({ open_breach_id: id }).where('id', '=', metric.id).execute();
}

/** Writes the audit entries and notifications an ingest collected; unassigned breaches go to the owners and admins. */
export async function finishEvaluation(tx: Executor, actor: Actor, orgId: string, out: Evaluation) {
  if (out.notices.some((n) => n.userIds.length === 0)) {
    const admins = await orgAdmins(tx, orgId);
    for (const n of out.notices) if (n.userIds.length === 0) n.userIds = admins;
  }
  await notifyMany(tx, out.notices);
  await appendAuditMany(tx, actor, out.audit);
}
