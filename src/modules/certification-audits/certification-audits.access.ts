import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, type Executor, nowIso, type Tx } from '../../platform/db/db.js';
import { conflict, notFound } from '../../platform/http/errors.js';
import { lockRow } from '../../platform/register/index.js';
import { accountForMember, lockMemberships } from '../organizations/index.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import { accessWindow, certificationAuditNumber } from './certification-audits.rules.js';

// The audit room's door: the certification body's auditor becomes a member
// with the 'auditor' role for the audit's days only. The membership itself
// carries the window (starts_at, expires_at), so access opens and ends by
// itself with no job; this module remembers which audit granted it, moves it
// with the audit's dates, and ends it early on request.

export interface AccessGrant {
  userId: string;
  email: string;
  name: string;
  startsAt: string | null;
  expiresAt: string | null;
  grantedAt: string;
  revokedAt: string | null;
  active: boolean;
}

/** Moves every standing grant of the audit to its new days (inside the audit's write). */
export async function moveAccess(tx: Executor, orgId: string, auditId: string, days: { startDate: string; endDate: string }) {
  const window = accessWindow(days.startDate, days.endDate);
  const users = await tx
    .selectFrom('certification_audit_access')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .where('revoked_at', 'is', null)
    .execute();
  if (users.length === 0) return;
  await tx
    .updateTable('memberships')
    .set({ starts_at: window.startsAt, expires_at: window.expiresAt })
    .where('org_id', '=', orgId)
    .where('role', '=', 'auditor')
    .where(
      'user_id',
      'in',
      users.map((u) => u.user_id),
    )
    .execute();
}

/** A cancelled audit needs no auditors: its standing grants end now (inside the audit's write). */
export async function endAccessOfAudit(tx: Executor, orgId: string, auditId: string) {
  const now = nowIso();
  const users = await tx
    .selectFrom('certification_audit_access')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .where('revoked_at', 'is', null)
    .execute();
  if (users.length === 0) return;
  const ids = users.map((u) => u.user_id);
  await tx
    .updateTable('memberships')
    .set({ expires_at: now })
    .where('org_id', '=', orgId)
    .where('role', '=', 'auditor')
    .where('user_id', 'in', ids)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .execute();
  await tx
    .updateTable('certification_audit_access')
    .set({ revoked_at: now })
    .where('org_id', '=', orgId)
    .where('audit_id', '=', auditId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function listAccess(db: Executor, orgId: string, auditId: string): Promise<AccessGrant[]> {
  const rows = await db
    .selectFrom('certification_audit_access as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .leftJoin('memberships as m', (j) => j.onRef('m.org_id', '=', 'a.org_id').onRef('m.user_id', '=', 'a.user_id'))
    .select(['a.user_id', 'u.email', 'u.name', 'm.starts_at', 'm.expires_at', 'm.role', 'a.granted_at', 'a.revoked_at'])
    .where('a.org_id', '=', orgId)
    .where('a.audit_id', '=', auditId)
    .orderBy('a.granted_at')
    .execute();
  const now = nowIso();
  return rows.map((r) => ({
    userId: r.user_id,
    email: r.email,
    name: r.name,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
    grantedAt: r.granted_at,
    revokedAt: r.revoked_at,
    active:
      !r.revoked_at && r.role === 'auditor' && (!r.starts_at || r.starts_at <= now) && (!r.expires_at || r.expires_at > now),
  }));
}

async function lockAudit(tx: Tx, orgId: string, auditId: string) {
  const audit = await lockRow(tx, certificationAuditRegister, orgId, auditId);
  if (audit.archived_at) throw conflict('This certification audit is archived; restore it first.');
  if (audit.status === 'cancelled') throw conflict('This certification audit is cancelled: no one needs access to it.');
  return audit;
}

/**
 * Gives the body's auditor the 'auditor' role for the audit's days. An
 * account is created for a new email (name and password then required). A
 * member with another role, or an auditor whose access from another audit
 * still runs, is refused (409): they already have access.
 */
export async function grantAccess(
  db: Db,
  actor: Actor,
  orgId: string,
  auditId: string,
  input: { email: string; name?: string; password?: string },
) {
  const userId = await db.transaction().execute(async (tx) => {
    const audit = await lockAudit(tx, orgId, auditId);
    await lockMemberships(tx, orgId);
    const user = await accountForMember(tx, actor, input);
    const window = accessWindow(audit.start_date, audit.end_date);
    const member = await tx
      .selectFrom('memberships')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    const grants = await tx
      .selectFrom('certification_audit_access')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', user.id)
      .execute();
    const here = grants.find((g) => g.audit_id === auditId);
    if (here && !here.revoked_at)
      throw conflict('This auditor already has access to this audit.', [{ field: 'body.email', message: 'already has access' }]);
    if (member) {
      const now = nowIso();
      // only an auditor membership that audits granted, and that has ended, may be reused for this one
      const lapsed = member.expires_at !== null && member.expires_at <= now;
      if (member.role !== 'auditor' || grants.length === 0 || !lapsed)
        throw conflict(
          member.role === 'auditor'
            ? 'This person already has auditor access to the organization.'
            : `This person is already a member (${member.role}) and already has access.`,
          [{ field: 'body.email', message: 'is already a member: they already have access' }],
        );
      await tx
        .updateTable('memberships')
        .set({ starts_at: window.startsAt, expires_at: window.expiresAt })
        .where('org_id', '=', orgId)
        .where('user_id', '=', user.id)
        .execute();
    } else {
      await tx
        .insertInto('memberships')
        .values({
          org_id: orgId,
          user_id: user.id,
          role: 'auditor',
          created_at: nowIso(),
          starts_at: window.startsAt,
          expires_at: window.expiresAt,
        })
        .execute();
    }
    if (here)
      await tx
        .updateTable('certification_audit_access')
        .set({ revoked_at: null, granted_at: nowIso() })
        .where('org_id', '=', orgId)
        .where('audit_id', '=', auditId)
        .where('user_id', '=', user.id)
        .execute();
    else
      await tx
        .insertInto('certification_audit_access')
        .values({ org_id: orgId, audit_id: auditId, user_id: user.id, granted_at: nowIso(), revoked_at: null })
        .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'certification_audit',
      entityId: auditId,
      action: 'grant-access',
      after: {
        audit: certificationAuditNumber(Number(audit.number_seq)),
        userId: user.id,
        email: user.email,
        role: 'auditor',
        ...window,
      },
    });
    return user.id;
  });
  const grant = (await listAccess(db, orgId, auditId)).find((g) => g.userId === userId);
  if (!grant) throw new Error('the grant just written is missing');
  return grant;
}

/** Ends one auditor's access to the audit now. */
export async function revokeAccess(db: Db, actor: Actor, orgId: string, auditId: string, userId: string) {
  await db.transaction().execute(async (tx) => {
    const audit = await lockRow(tx, certificationAuditRegister, orgId, auditId);
    await lockMemberships(tx, orgId);
    const grant = await tx
      .selectFrom('certification_audit_access')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('audit_id', '=', auditId)
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!grant) throw notFound('Access grant');
    const now = nowIso();
    await tx
      .updateTable('memberships')
      .set({ expires_at: now })
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .where('role', '=', 'auditor')
      .execute();
    await tx
      .updateTable('certification_audit_access')
      .set({ revoked_at: now })
      .where('org_id', '=', orgId)
      .where('audit_id', '=', auditId)
      .where('user_id', '=', userId)
      .execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'certification_audit',
      entityId: auditId,
      action: 'end-access',
      before: { audit: certificationAuditNumber(Number(audit.number_seq)), userId },
      after: { audit: certificationAuditNumber(Number(audit.number_seq)), userId, endedAt: now },
    });
  });
  return listAccess(db, orgId, auditId);
}
