import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { DueItem, ReminderJob } from '../../platform/jobs/index.js';

// The daily reminder: a metric whose review is overdue (last review, or
// creation, plus its review interval) is told once to its owner, or to the
// organization's owners and admins when no member owns it. The key carries
// the due date, so the next missed review earns a new reminder.

async function recipients(db: Executor, orgIds: string[]) {
  const now = nowIso();
  const rows = orgIds.length
    ? await db
        .selectFrom('memberships')
        .innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['memberships.org_id', 'memberships.user_id', 'memberships.role'])
        .where('memberships.org_id', 'in', orgIds)
        .where('users.disabled_at', 'is', null)
        .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', now)]))
        .execute()
    : [];
  const members = new Map<string, Set<string>>();
  const admins = new Map<string, string[]>();
  for (const r of rows) {
    members.set(r.org_id, (members.get(r.org_id) ?? new Set()).add(r.user_id));
    if (r.role === 'owner' || r.role === 'admin') admins.set(r.org_id, [...(admins.get(r.org_id) ?? []), r.user_id].sort());
  }
  return { members, admins };
}

export async function monitoringReviewDue(db: Executor, now: Date): Promise<DueItem[]> {
  const metrics = await db
    .selectFrom('monitoring_metrics')
    .select(['id', 'org_id', 'name', 'owner_user_id', 'next_review_due', 'review_every_days'])
    .where('next_review_due', '<', now.toISOString())
    .where('archived_at', 'is', null)
    .orderBy('next_review_due')
    .limit(5000)
    .execute();
  const { members, admins } = await recipients(db, [...new Set(metrics.map((m) => m.org_id))]);
  return metrics.map((m) => {
    const owner = m.owner_user_id && members.get(m.org_id)?.has(m.owner_user_id) ? [m.owner_user_id] : null;
    return {
      key: `monitoring-review:${m.id}:${m.next_review_due}`,
      orgId: m.org_id,
      userIds: owner ?? admins.get(m.org_id) ?? [],
      title: `Review of the metric '${m.name}' is overdue since ${m.next_review_due.slice(0, 10)}`,
      body: `It is to be reviewed every ${m.review_every_days} days: check that its threshold and what it measures still fit the AI system, then record the review.`,
      link: `/orgs/${m.org_id}/monitoring/metrics/${m.id}`,
    };
  });
}

export const monitoringReviewJob: ReminderJob = { name: 'monitoring-review', cron: '0 7 * * *', due: monitoringReviewDue };
