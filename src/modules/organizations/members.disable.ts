import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { roleInOrg } from '../../platform/auth/access.js';
import type { Role } from '../../platform/auth/roles.js';
import { deleteSessionsOfUser } from '../../platform/auth/sessions.js';
import { type Db, type Executor, forUpdate, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { OrgAccess } from '../../platform/http/auth-context.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { countLastingOwners, lockMemberships } from './organizations.repository.js';

// Disabling a member's account: an account is one login across
// organizations, so it stops everywhere at once (sign-in refused, every
// session ended, every API token revoked). Like a password reset, only
// someone who manages the member in every organization they belong to may
// do it, so the admin of one organization cannot lock someone out of another.

const manages = (actorRole: Role | null, targetRole: Role) =>
  (actorRole === 'owner' || actorRole === 'admin') && (targetRole !== 'owner' || actorRole === 'owner');

async function membershipsOf(db: Executor, userId: string) {
  return db
    .selectFrom('memberships')
    .select(['org_id', 'role', 'expires_at'])
    .where('user_id', '=', userId)
    .orderBy('org_id')
    .execute();
}

async function checkMayManageAccount(tx: Executor, access: OrgAccess, target: Row<'users'>, verb: string) {
  if (target.id === access.userId)
    throw invalid([{ field: 'params.userId', message: 'is you' }], `You cannot ${verb} your own account.`);
  const memberships = await membershipsOf(tx, target.id);
  const here = memberships.find((m) => m.org_id === access.orgId);
  if (!here) throw notFound('Member');
  if (!manages(access.role, here.role)) throw forbidden(`An admin cannot ${verb} an owner's account; ask an owner.`);
  for (const m of memberships) {
    if (m.org_id === access.orgId) continue;
    if (!manages(await roleInOrg(tx, access.userId, m.org_id), m.role)) {
      throw forbidden(
        `${target.email} also belongs to an organization you do not manage; an owner there can ${verb} the account.`,
      );
    }
  }
  return memberships;
}

/** The member as the members list shows them after the change. */
const result = (u: Row<'users'>, disabledAt: string | null) => ({
  userId: u.id,
  email: u.email,
  name: u.name,
  disabled: disabledAt !== null,
});

export async function setMemberDisabled(db: Db, access: OrgAccess, userId: string, disable: boolean) {
  const verb = disable ? 'disable' : 'enable';
  return db.transaction().execute(async (tx) => {
    const memberships = await membershipsOf(tx, userId);
    // the organizations whose owners this may change, locked in id order (two disables cannot deadlock)
    for (const m of memberships) if (m.role === 'owner') await lockMemberships(tx, m.org_id);
    const user = await forUpdate(tx, tx.selectFrom('users').selectAll().where('id', '=', userId)).executeTakeFirst();
    if (!user) throw notFound('Member');
    await checkMayManageAccount(tx, access, user, verb);
    if (Boolean(user.disabled_at) === disable) return { ...result(user, user.disabled_at), endedSessions: 0, revokedTokens: 0 };
    if (disable) {
      for (const m of memberships) {
        if (m.role === 'owner' && m.expires_at === null && (await countLastingOwners(tx, m.org_id, user.id)) === 0) {
          throw new AppError(
            409,
            'Conflict',
            `${user.email} is the only lasting owner of an organization; make someone else owner first.`,
          );
        }
      }
    }
    const now = nowIso();
    const disabledAt = disable ? now : null;
    await tx.updateTable('users').set({ disabled_at: disabledAt, updated_at: now }).where('id', '=', user.id).execute();
    let endedSessions = 0;
    let revokedTokens = 0;
    if (disable) {
      endedSessions = await deleteSessionsOfUser(tx, user.id);
      const r = await tx
        .updateTable('api_tokens')
        .set({ revoked_at: now })
        .where('user_id', '=', user.id)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      revokedTokens = Number(r.numUpdatedRows ?? 0);
    }
    await appendAudit(tx, access.actor, {
      orgId: access.orgId,
      entityType: 'user',
      entityId: user.id,
      action: verb,
      before: { email: user.email, disabled: Boolean(user.disabled_at) },
      after: { email: user.email, disabled: disable, endedSessions, revokedTokens },
    });
    return { ...result(user, disabledAt), endedSessions, revokedTokens };
  });
}
