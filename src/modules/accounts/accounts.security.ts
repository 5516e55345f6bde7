import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { roleInOrg } from '../../platform/auth/access.js';
import { checkPasswordStrength } from '../../platform/auth/password-policy.js';
import type { Role } from '../../platform/auth/roles.js';
import { temporaryPassword, verifyPassword } from '../../platform/auth/secrets.js';
import { deleteSessionsOfUser, listSessionsOfUser, sessionHandle } from '../../platform/auth/sessions.js';
import { clearFailedSignIns, lockoutMessage, recordSignInAttempt, signInBlocked } from '../../platform/auth/throttle.js';
import { findUserByEmail, findUserById, setPassword } from '../../platform/auth/users.js';
import type { Db, Executor } from '../../platform/db/db.js';
import { forUpdate } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { actorOf, type AuthContext, type OrgAccess } from '../../platform/http/auth-context.js';
import { AppError, forbidden, invalid, notFound } from '../../platform/http/errors.js';

// The signed-in user's own password and sessions, and what an organization's
// owner or admin may do for a member who is locked out or lost their password.

export function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(429, 'Too Many Requests', lockoutMessage(retryAfterSeconds), [], {
    'retry-after': String(retryAfterSeconds),
  });
}

/**
 * Changes the caller's password. A wrong current password counts as a failed
 * sign-in (so this is no way around the sign-in limit) and changes nothing.
 * Every other session of the user ends; the one making the change stays.
 */
export async function changeOwnPassword(
  db: Db,
  auth: AuthContext,
  input: { currentPassword: string; newPassword: string },
  ip: string,
): Promise<{ endedSessions: number }> {
  const user = auth.user;
  const blocked = await signInBlocked(db, user.email, ip);
  if (blocked) throw tooManyAttempts(blocked.retryAfterSeconds);
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    await recordSignInAttempt(db, user.email, ip, false);
    throw invalid([{ field: 'body.currentPassword', message: 'is not your current password' }], 'The current password is wrong.');
  }
  if (input.newPassword === input.currentPassword) {
    throw invalid([{ field: 'body.newPassword', message: 'must differ from the current password' }]);
  }
  const strength = checkPasswordStrength(input.newPassword, [user.email, user.name]);
  if (!strength.ok) throw invalid([{ field: 'body.newPassword', message: strength.message }]);
  return db.transaction().execute(async (tx) => {
    // Lock the user: two changes at once end in one password, not a mix of sessions.
    const row = await forUpdate(tx, tx.selectFrom('users').selectAll().where('id', '=', user.id)).executeTakeFirst();
    if (!row || row.password_hash !== user.password_hash) {
      throw new AppError(409, 'Conflict', 'Your password was changed by another request; sign in again.');
    }
    await setPassword(tx, user.id, input.newPassword, false);
    const endedSessions = await deleteSessionsOfUser(tx, user.id, auth.session?.id);
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'user',
      entityId: user.id,
      action: 'change-password',
      before: { mustChangePassword: Boolean(row.must_change_password) },
      after: { mustChangePassword: false, endedSessions },
    });
    return { endedSessions };
  });
}

export function toAccountSession(r: Row<'sessions'>, currentId: string | undefined) {
  return {
    id: sessionHandle(r.id),
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    expiresAt: r.expires_at,
    userAgent: r.user_agent,
    ip: r.ip,
    current: r.id === currentId,
  };
}

export async function listOwnSessions(db: Executor, auth: AuthContext) {
  const rows = await listSessionsOfUser(db, auth.user.id);
  return rows.map((r) => toAccountSession(r, auth.session?.id));
}

/** Ends one of the caller's sessions; `current` tells the route to clear the cookie. */
export async function endOwnSession(db: Db, auth: AuthContext, handle: string): Promise<{ current: boolean }> {
  return db.transaction().execute(async (tx) => {
    const rows = await listSessionsOfUser(tx, auth.user.id);
    const row = rows.find((r) => sessionHandle(r.id) === handle);
    if (!row) throw notFound('Session');
    await tx.deleteFrom('sessions').where('id', '=', row.id).execute();
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'session',
      entityId: auth.user.id,
      action: 'revoke',
      before: { session: handle, createdAt: row.created_at, userAgent: row.user_agent, ip: row.ip },
    });
    return { current: row.id === auth.session?.id };
  });
}

export async function endOtherSessions(db: Db, auth: AuthContext): Promise<{ ended: number }> {
  return db.transaction().execute(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, auth.user.id, auth.session?.id);
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'session',
      entityId: auth.user.id,
      action: 'revoke-others',
      after: { ended },
    });
    return { ended };
  });
}

/**
 * Ends every session of the caller, this one included. API tokens stay: each
 * is a script's credential, listed and revoked on its own, and a browser
 * sign-out should not silently stop an integration (disabling the account
 * ends both).
 */
export async function signOutEverywhere(db: Db, auth: AuthContext): Promise<{ ended: number }> {
  return db.transaction().execute(async (tx) => {
    const ended = await deleteSessionsOfUser(tx, auth.user.id);
    await appendAudit(tx, actorOf(auth), {
      orgId: null,
      entityType: 'session',
      entityId: auth.user.id,
      action: 'sign-out-everywhere',
      after: { ended },
    });
    return { ended };
  });
}

// ------------------------------------------------------------ for members

async function membershipsOf(db: Executor, userId: string) {
  return db.selectFrom('memberships').select(['org_id', 'role']).where('user_id', '=', userId).execute();
}

const manages = (actorRole: Role | null, targetRole: Role) =>
  (actorRole === 'owner' || actorRole === 'admin') && (targetRole !== 'owner' || actorRole === 'owner');

/**
 * An account is one login across organizations, so a reset must not let the
 * admin of one organization take over someone who holds more elsewhere: the
 * caller must manage the member in every organization the member belongs to
 * (owners manage everyone, admins everyone but owners).
 */
async function checkMayReset(db: Executor, access: OrgAccess, target: Row<'users'>) {
  if (target.id === access.userId) {
    throw invalid([{ field: 'params.userId', message: 'is you' }], 'Change your own password on your account page.');
  }
  const memberships = await membershipsOf(db, target.id);
  const here = memberships.find((m) => m.org_id === access.orgId);
  if (!here) throw notFound('Member');
  if (!manages(access.role, here.role)) throw forbidden("An admin cannot reset an owner's password; ask an owner.");
  for (const m of memberships) {
    if (m.org_id === access.orgId) continue;
    if (!manages(await roleInOrg(db, access.userId, m.org_id), m.role)) {
      throw forbidden(
        `${target.email} also belongs to an organization you do not manage; an owner there, or the instance operator (aims user reset-password), can reset the password.`,
      );
    }
  }
}

/**
 * Gives the user a one-time password (returned once, never stored in clear)
 * that must be changed at the next sign-in; every session of theirs ends and
 * the sign-in lock on the account is lifted.
 */
async function setTemporaryPassword(tx: Executor, actor: Actor, user: Row<'users'>, orgId: string | null) {
  const pw = temporaryPassword();
  await setPassword(tx, user.id, pw, true);
  const endedSessions = await deleteSessionsOfUser(tx, user.id);
  await clearFailedSignIns(tx, user.email);
  await appendAudit(tx, actor, {
    orgId,
    entityType: 'user',
    entityId: user.id,
    action: 'reset-password',
    after: { email: user.email, mustChangePassword: true, endedSessions },
  });
  return { userId: user.id, email: user.email, temporaryPassword: pw };
}

async function lockedUser(tx: Executor, userId: string) {
  const user = await forUpdate(tx, tx.selectFrom('users').selectAll().where('id', '=', userId)).executeTakeFirst();
  if (!user) throw notFound('Member');
  return user;
}

export async function resetMemberPassword(db: Db, access: OrgAccess, userId: string) {
  return db.transaction().execute(async (tx) => {
    const user = await lockedUser(tx, userId);
    await checkMayReset(tx, access, user);
    return setTemporaryPassword(tx, access.actor, user, access.orgId);
  });
}

/** For the instance operator (`aims user reset-password`): any account. */
export async function resetPasswordByEmail(db: Db, actor: Actor, email: string) {
  const found = await findUserByEmail(db, email);
  if (!found) throw notFound('User');
  return db.transaction().execute(async (tx) => setTemporaryPassword(tx, actor, await lockedUser(tx, found.id), null));
}

/** Lifts the sign-in lock on a member's account (any owner or admin of an organization they belong to). */
export async function unlockMember(db: Db, access: OrgAccess, userId: string) {
  return db.transaction().execute(async (tx) => {
    const user = await findUserById(tx, userId);
    const member = user && (await membershipsOf(tx, user.id)).some((m) => m.org_id === access.orgId);
    if (!user || !member) throw notFound('Member');
    const clearedAttempts = await clearFailedSignIns(tx, user.email);
    await appendAudit(tx, access.actor, {
      orgId: access.orgId,
      entityType: 'user',
      entityId: user.id,
      action: 'unlock',
      after: { email: user.email, clearedAttempts },
    });
    return { userId: user.id, email: user.email, clearedAttempts };
  });
}
