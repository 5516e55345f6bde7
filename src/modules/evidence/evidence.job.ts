import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { DueItem, ReminderJob } from '../../platform/jobs/index.js';
import { dueEverywhere } from './evidence.repository.js';
import { EXPIRING_DAYS, evidenceNumber, evidenceState } from './evidence.rules.js';

// The daily reminder: evidence about to run out (30 days ahead) and evidence
// that has run out, told once each to its owner, or to the organization's
// owners and admins when no member owns it. The keys carry the end date, so
// renewing an item (a new validUntil) earns a new reminder.

/** Active members per organization: who may be told, and the owners and admins to fall back on. */
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

export async function evidenceExpiryDue(db: Executor, now: Date): Promise<DueItem[]> {
  const today = todayUtc(now);
  const items = await dueEverywhere(db, today);
  const { members, admins } = await recipients(db, [...new Set(items.map((i) => i.org_id))]);
  return items.map((i) => {
    const validUntil = i.valid_until as string;
    const expired = evidenceState(validUntil, today) === 'expired';
    const owner = i.owner_user_id && members.get(i.org_id)?.has(i.owner_user_id) ? [i.owner_user_id] : null;
    const name = `${evidenceNumber(Number(i.number_seq))} '${i.title}'`;
    return {
      key: expired ? `evidence:${i.id}:expired:${validUntil}` : `evidence:${i.id}:expires:${validUntil}:${EXPIRING_DAYS}d`,
      orgId: i.org_id,
      userIds: owner ?? admins.get(i.org_id) ?? [],
      title: expired ? `Evidence ${name} expired on ${validUntil}` : `Evidence ${name} expires on ${validUntil}`,
      body: expired
        ? 'It no longer counts as valid evidence for the controls and requirements it is linked to. Collect a fresh one, or archive it.'
        : 'Collect a fresh one before then so the controls and requirements it is linked to stay covered.',
      link: `/orgs/${i.org_id}/evidence/${i.id}`,
    };
  });
}

export const evidenceExpiryJob: ReminderJob = { name: 'evidence-expiry', cron: '0 7 * * *', due: evidenceExpiryDue };
