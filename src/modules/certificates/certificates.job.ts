import { todayUtc } from '../../platform/dates.js';
import { type Executor, nowIso } from '../../platform/db/db.js';
import type { DueItem, ReminderJob } from '../../platform/jobs/index.js';
import { listCertificationAuditRefs } from '../certification-audits/index.js';
import * as repo from './certificates.repository.js';
import { cycleTimeline, reminderWindow } from './certificates.rules.js';

// The daily reminder of the certification cycle: 90 and 30 days before each
// surveillance audit and the recertification decision are due, the
// organization's owners and admins are told once each. The key carries the
// due date, so a renewed cycle earns new reminders.

async function ownersAndAdmins(db: Executor, orgIds: string[]) {
  if (orgIds.length === 0) return new Map<string, string[]>();
  const now = nowIso();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.org_id', 'memberships.user_id'])
    .where('memberships.org_id', 'in', orgIds)
    .where('memberships.role', 'in', ['owner', 'admin'])
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', now)]))
    .execute();
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.org_id, [...(out.get(r.org_id) ?? []), r.user_id].sort());
  return out;
}

export async function certificationCycleDue(db: Executor, now: Date): Promise<DueItem[]> {
  const today = todayUtc(now);
  const certificates = await repo.validEverywhere(db, today);
  const renewals = new Map<string, { decidedOn: string; auditId: string }[]>();
  const items: DueItem[] = [];
  for (const c of certificates) {
    // one organization's audits and renewals per certificate in force: few certificates, each with a short list
    const audits = await listCertificationAuditRefs(db, c.org_id);
    if (!renewals.has(c.org_id))
      renewals.set(
        c.org_id,
        (await repo.grantedRenewals(db, c.org_id)).map((r) => ({ decidedOn: r.decided_on, auditId: r.audit_id })),
      );
    const timeline = cycleTimeline(
      { decidedOn: c.decided_on, expiryDate: c.expiry_date, audits, renewals: renewals.get(c.org_id) ?? [] },
      today,
    );
    for (const t of timeline) {
      if ((t.kind !== 'surveillance' && t.kind !== 'recertification') || t.state === 'done') continue;
      const window = reminderWindow(t.date, today);
      if (!window) continue;
      items.push({
        key: `certificate:${c.id}:${t.kind}${t.number ?? ''}:${t.date}:${window}`,
        orgId: c.org_id,
        userIds: [],
        title: `${t.label} for certificate ${c.certificate_number} is due by ${t.date}`,
        body:
          t.kind === 'surveillance'
            ? 'Agree the audit dates with the certification body and check the surveillance readiness page for what changed since the last audit.'
            : 'The recertification audit and decision must be complete before the certificate expires; plan them with the certification body.',
        link: `/orgs/${c.org_id}/surveillance`,
      });
    }
  }
  const admins = await ownersAndAdmins(db, [...new Set(items.map((i) => i.orgId))]);
  return items.map((i) => ({ ...i, userIds: admins.get(i.orgId) ?? [] }));
}

export const certificationCycleJob: ReminderJob = { name: 'certification-cycle', cron: '0 7 * * *', due: certificationCycleDue };
