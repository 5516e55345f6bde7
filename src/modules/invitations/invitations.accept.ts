import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { checkPasswordStrength } from '../../platform/auth/password-policy.js';
import { verifyPassword } from '../../platform/auth/secrets.js';
import { findUserByEmail, insertUser, toPublicUser } from '../../platform/auth/users.js';
import { type Executor, forUpdate, nowIso, type Tx } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { AppError, forbidden, invalid } from '../../platform/http/errors.js';
import { startSession } from '../accounts/index.js';
import { lockMemberships } from '../organizations/index.js';
import { tokenHash, toInvitation } from './invitations.service.js';

// Accepting: the one moment a membership is made. Signed in as the invited
// email, or (no account yet) by creating the account here. The invitation row
// is locked first, so a double click or two tabs make one membership.

/** A repeat of the accept that created an account, this long after, signs in again instead of failing. */
const REPEAT_WINDOW_MS = 60_000;

const gone = () =>
  new AppError(404, 'Not Found', 'This invitation is unknown, expired, revoked or already used; ask for a new one.');

function usable(inv: Row<'invitations'> | undefined, now: string): inv is Row<'invitations'> {
  return !!inv && !inv.revoked_at && !inv.accepted_at && inv.accept_by > now && (!inv.expires_at || inv.expires_at > now);
}

async function orgOf(db: Executor, orgId: string) {
  const org = await db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
  return org && !org.archived_at ? org : undefined;
}

/** What the link shows before accepting: never whether an account has the email. */
export async function previewInvitation(db: Executor, token: string) {
  const inv = await db.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash(token)).executeTakeFirst();
  const org = inv && (await orgOf(db, inv.org_id));
  if (!usable(inv, nowIso()) || !org) throw gone();
  return {
    organization: { name: org.name },
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expires_at,
    acceptBy: inv.accept_by,
    invitedBy: inv.invited_by,
  };
}

export async function acceptInvitation(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  body: { name?: string; password?: string },
) {
  const db = req.server.database.db;
  const auth = req.auth;
  if (!auth && body.password) {
    // checked before the transaction: zxcvbn takes a moment and needs nothing locked
    const inv = await db.selectFrom('invitations').select('email').where('token_hash', '=', tokenHash(token)).executeTakeFirst();
    const strength = checkPasswordStrength(body.password, [inv?.email ?? '', body.name ?? '']);
    if (!strength.ok) throw invalid([{ field: 'body.password', message: strength.message }], 'Choose a stronger password.');
  }
  const result = await db.transaction().execute(async (tx) => {
    const q = tx.selectFrom('invitations').selectAll().where('token_hash', '=', tokenHash(token));
    const inv = await forUpdate(tx, q).executeTakeFirst();
    if (!inv) throw gone();
    const org = await orgOf(tx, inv.org_id);
    if (!org) throw gone();
    const user = auth ? auth.user : await findUserByEmail(tx, inv.email);
    if (auth && auth.user.email !== inv.email) {
      throw forbidden(`This invitation is for ${inv.email}; sign out and sign in with that address to accept it.`);
    }
    // a repeat by the person who already accepted (double click, second tab): the same answer, nothing new
    if (inv.accepted_at && user && inv.accepted_by_user_id === user.id) {
      const repeatOk =
        auth ||
        (body.password &&
          Date.now() - Date.parse(inv.accepted_at) < REPEAT_WINDOW_MS &&
          (await verifyPassword(user.password_hash, body.password)));
      if (repeatOk) return { org, user, role: inv.role, created: false };
    }
    if (!usable(inv, nowIso())) throw gone();
    let account = user;
    if (!account) {
      const missing = [
        ...(!body.name ? [{ field: 'body.name', message: 'is required to create your account' }] : []),
        ...(!body.password ? [{ field: 'body.password', message: 'is required to create your account' }] : []),
      ];
      if (missing.length) throw invalid(missing, 'Give your name and choose a password to create your account.');
      account = await insertUser(
        tx,
        { userId: null, label: inv.email },
        { email: inv.email, name: body.name!, password: body.password! },
      );
    } else if (!auth) {
      throw new AppError(401, 'Unauthorized', `Sign in as ${inv.email} first, then open the invitation link again.`);
    }
    const role = await makeMember(tx, inv, account);
    return { org, user: account, role, created: !auth };
  });
  const csrfToken = result.created ? (await startSession(req, reply, result.user, { method: 'password' })).csrfToken : null;
  return {
    organization: { id: result.org.id, slug: result.org.slug, name: result.org.name, role: result.role },
    csrfToken,
  };
}

/** The membership and the invitation's end, in the accepting transaction. */
async function makeMember(tx: Tx, inv: Row<'invitations'>, user: Row<'users'>) {
  const actor: Actor = { userId: user.id, label: user.email };
  await lockMemberships(tx, inv.org_id);
  const existing = await tx
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', inv.org_id)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const now = nowIso();
  if (!existing) {
    const row = {
      org_id: inv.org_id,
      user_id: user.id,
      role: inv.role,
      created_at: now,
      expires_at: inv.expires_at,
      starts_at: null,
    };
    await tx.insertInto('memberships').values(row).execute();
    await appendAudit(tx, actor, {
      orgId: inv.org_id,
      entityType: 'membership',
      entityId: user.id,
      action: 'create',
      after: { ...toPublicUser(user), role: row.role, expiresAt: row.expires_at, invitedBy: inv.invited_by },
    });
  }
  await tx.updateTable('invitations').set({ accepted_at: now, accepted_by_user_id: user.id }).where('id', '=', inv.id).execute();
  await appendAudit(tx, actor, {
    orgId: inv.org_id,
    entityType: 'invitation',
    entityId: inv.id,
    action: 'accept',
    before: toInvitation(inv),
    after: { ...toInvitation(inv), acceptedAt: now, userId: user.id },
  });
  // already a member some other way (an audit's auditor access): the invitation is used up, the role stays
  return existing ? existing.role : inv.role;
}
