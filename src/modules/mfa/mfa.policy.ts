import type { FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { sha256 } from '../../platform/auth/secrets.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { forUpdate, nowIso } from '../../platform/db/db.js';
import type { DB, Row } from '../../platform/db/tables.js';
import { expressionBuilder } from 'kysely';
import { type AuthContext, addOrgAccessCheck, type OrgAccess } from '../../platform/http/auth-context.js';
import { AppError, conflict } from '../../platform/http/errors.js';
import { listOrgsOfUser } from '../organizations/index.js';
import { withTokenMark } from './mfa.verify.js';

// Enforcement per organization. The platform's org gate runs this check on
// every org-scoped request after the role check, so outsiders still get 404
// and learn nothing of the policy. Account routes are not org-scoped, so a
// member who is refused can still enrol.

export const MFA_REQUIRED_TITLE = 'Two-step verification required';
export const MFA_REQUIRED_MESSAGE = 'This organization requires two-step verification; set it up on your account page';

/** Whether a password sign-in must be completed with a second factor before a session starts. */
export async function secondFactorRequired(db: Executor, user: Row<'users'>): Promise<boolean> {
  return hasSecondFactor(db, user.id);
}

export async function hasSecondFactor(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('mfa_totp')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
  return Boolean(row);
}

export async function orgRequiresSecondFactor(db: Executor, orgId: string): Promise<boolean> {
  const row = await db.selectFrom('mfa_org_policies').select('required').where('org_id', '=', orgId).executeTakeFirst();
  return Boolean(row?.required);
}

/** Whether this request (its session, or the token's origin) carries the second factor. */
export async function requestHasSecondFactor(db: Executor, req: FastifyRequest, auth: AuthContext): Promise<boolean> {
  if (!(await hasSecondFactor(db, auth.user.id))) return false;
  if (auth.via === 'session') return auth.session?.mfa_verified === 1;
  const header = req.headers.authorization ?? '';
  const token = header.slice('Bearer '.length).trim();
  const row = await withTokenMark(db)
    .selectFrom('api_tokens')
    .select('mfa_verified')
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  return row?.mfa_verified === 1;
}

/** The org's policy as a scalar subquery: the platform reads it in the statement that authenticates the request. */
const policyOf = (orgId: string) =>
  expressionBuilder<DB, never>().selectFrom('mfa_org_policies').select('required').where('org_id', '=', orgId);

addOrgAccessCheck(
  async (db, req, auth, orgId, prefetched) => {
    // A verified session passes whatever the policy (turning MFA off clears the mark): no query.
    if (auth.via === 'session' && auth.session?.mfa_verified === 1) return;
    const required = prefetched ? Boolean(Number(prefetched.value ?? 0)) : await orgRequiresSecondFactor(db, orgId);
    if (!required) return;
    if (await requestHasSecondFactor(db, req, auth)) return;
    throw new AppError(403, MFA_REQUIRED_TITLE, MFA_REQUIRED_MESSAGE);
  },
  { prefetch: policyOf },
);

/** The organizations the user is an active member of that require the second factor. */
export async function enforcingOrgsOf(db: Executor, userId: string): Promise<{ id: string; name: string }[]> {
  const now = nowIso();
  const orgs = (await listOrgsOfUser(db, userId)).filter((o) => !o.expires_at || o.expires_at > now);
  if (orgs.length === 0) return [];
  const required = await db
    .selectFrom('mfa_org_policies')
    .select('org_id')
    .where(
      'org_id',
      'in',
      orgs.map((o) => o.id),
    )
    .where('required', '=', 1)
    .execute();
  const ids = new Set(required.map((r) => r.org_id));
  return orgs.filter((o) => ids.has(o.id)).map((o) => ({ id: o.id, name: o.name }));
}

export async function setOrgPolicy(db: Db, req: FastifyRequest, access: OrgAccess, required: boolean) {
  // Whoever turns it on must already pass it, or they would lock themselves out.
  if (required && !(await requestHasSecondFactor(db, req, req.auth as AuthContext))) {
    throw conflict('Turn on two-step verification for your own account, and sign in with it, before requiring it here.', [
      { field: 'body.required', message: 'needs two-step verification on your own account and this session' },
    ]);
  }
  return db.transaction().execute(async (tx) => {
    const before = await forUpdate(
      tx,
      tx.selectFrom('mfa_org_policies').selectAll().where('org_id', '=', access.orgId),
    ).executeTakeFirst();
    const row = { required: required ? 1 : 0, updated_at: nowIso(), updated_by: access.userId };
    // An upsert: two first-time changes at once must not collide on the key.
    await tx
      .insertInto('mfa_org_policies')
      .values({ org_id: access.orgId, ...row })
      .onConflict((oc) => oc.column('org_id').doUpdateSet(row))
      .execute();
    await appendAudit(tx, access.actor, {
      orgId: access.orgId,
      entityType: 'mfa_policy',
      entityId: access.orgId,
      action: 'update',
      before: { required: Boolean(before?.required) },
      after: { required },
    });
    return { required };
  });
}
