import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { resolveLinks } from '../../platform/refs/index.js';

// What the home page shows of monitoring: counts for the organization, and
// what one person has to act on (breaches assigned to them, reviews of the
// metrics they own that are overdue).

export interface MonitoringSummary {
  metrics: number;
  systemsMonitored: number;
  openBreaches: number;
  reviewsOverdue: number;
  noData: number;
}

export async function monitoringSummary(db: Executor, orgId: string, now: Date): Promise<MonitoringSummary> {
  const at = now.toISOString();
  const [m, b] = await Promise.all([
    db
      .selectFrom('monitoring_metrics')
      .select([
        sql<number>`count(*)`.as('metrics'),
        sql<number>`count(distinct ai_system_id)`.as('systems'),
        sql<number>`coalesce(sum(case when next_review_due < ${at} then 1 else 0 end), 0)`.as('overdue'),
        sql<number>`coalesce(sum(case when latest_observed_at is null then 1 else 0 end), 0)`.as('no_data'),
      ])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('monitoring_breaches')
      .select(sql<number>`count(*)`.as('n'))
      .where('org_id', '=', orgId)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow(),
  ]);
  return {
    metrics: Number(m.metrics),
    systemsMonitored: Number(m.systems),
    openBreaches: Number(b.n),
    reviewsOverdue: Number(m.overdue),
    noData: Number(m.no_data),
  };
}

export interface MonitoringDueItem {
  kind: 'monitoring-breach' | 'monitoring-review';
  id: string;
  metricId: string;
  title: string;
  since: string;
}

export async function monitoringDue(db: Executor, orgId: string, userId: string, now: Date): Promise<MonitoringDueItem[]> {
  const [breaches, reviews] = await Promise.all([
    db
      .selectFrom('monitoring_breaches')
      .innerJoin('monitoring_metrics', 'monitoring_metrics.id', 'monitoring_breaches.metric_id')
      .select([
        'monitoring_breaches.id',
        'monitoring_breaches.metric_id',
        'monitoring_breaches.started_at',
        'monitoring_breaches.ai_system_id',
        'monitoring_metrics.name',
      ])
      .where('monitoring_breaches.org_id', '=', orgId)
      .where('monitoring_breaches.assignee_user_id', '=', userId)
      .where('monitoring_breaches.status', '=', 'open')
      .orderBy('monitoring_breaches.started_at')
      .limit(100)
      .execute(),
    db
      .selectFrom('monitoring_metrics')
      .select(['id', 'name', 'ai_system_id', 'next_review_due'])
      .where('org_id', '=', orgId)
      .where('owner_user_id', '=', userId)
      .where('archived_at', 'is', null)
      .where('next_review_due', '<', now.toISOString())
      .orderBy('next_review_due')
      .limit(100)
      .execute(),
  ]);
  const system = await resolveLinks(db, orgId, [
    ...breaches.map((b) => ({ type: 'ai-system', id: b.ai_system_id })),
    ...reviews.map((r) => ({ type: 'ai-system', id: r.ai_system_id })),
  ]);
  const of = (id: string) => system({ type: 'ai-system', id })?.label ?? 'an AI system';
  return [
    ...breaches.map((b) => ({
      kind: 'monitoring-breach' as const,
      id: b.id,
      metricId: b.metric_id,
      title: `${b.name} of ${of(b.ai_system_id)} went beyond its threshold`,
      since: b.started_at,
    })),
    ...reviews.map((r) => ({
      kind: 'monitoring-review' as const,
      id: r.id,
      metricId: r.id,
      title: `Review of ${r.name} (${of(r.ai_system_id)}) is overdue`,
      since: r.next_review_due,
    })),
  ];
}
