import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import type { Role } from '../../platform/auth/roles.js';
import { randomSecret, sha256 } from '../../platform/auth/secrets.js';
import { findUserByEmail, normalizeEmail } from '../../platform/auth/users.js';
import { type Db, type Executor, forUpdate, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, forbidden, invalid, notFound } from '../../platform/http/errors.js';
import { lockMemberships } from '../organizations/index.js';
import type { InvitationEmailState } from './invitations.tables.js';

// Inviting: the admin names an email and a role; nothing about the person is
// looked up in a way the answer could show. The membership exists only once
// the invitee accepts (invitations.accept.ts).

/** How long a link works. A week covers a holiday; a re-invite sends a fresh one. */
export const INVITATION_TTL_DAYS = 7;

export function toInvitation(r: Row<'invitations'>) {
  return {
    id: r.id,
    email: r.email,
    role: r.role,
    expiresAt: r.expires_at,
    invitedAt: r.invited_at,
    invitedBy: r.invited_by,
    acceptBy: r.accept_by,
    emailState: r.email_state,
  };
}

export const acceptPath = (token: string) => `/invite/${token}`;

export function acceptUrl(token: string, publicUrl: string | undefined): string {
  return `${publicUrl ? publicUrl.replace(/\/+$/, '') : ''}${acceptPath(token)}`;
}

export const tokenHash = (token: string) => sha256(`invitation:${token}`);

/**
 * Opens an invitation, or refreshes the open one for the same email (new
 * token, role and dates; the old link stops working). 409 only when the
 * email is already a member of this organization, which the admin can see
 * on the members page anyway.
 */
export async function invite(
  db: Db,
  actor: Actor,
  actorRole: Role,
  orgId: string,
  input: { email: string; role: Role; expiresAt?: string },
  opts: { emailing: boolean; now?: Date },
): Promise<{ invitation: Row<'invitations'>; token: string }> {
  if (input.role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can invite another owner.');
  const now = opts.now ?? new Date();
  if (input.expiresAt && Date.parse(input.expiresAt) <= now.getTime()) {
    throw invalid([{ field: 'body.expiresAt', message: 'must be in the future' }]);
  }
  const email = normalizeEmail(input.email);
  const token = randomSecret();
  return db.transaction().execute(async (tx) => {
    // one membership change of this organization at a time (PostgreSQL); the
    // partial unique index keeps one open invitation per email regardless
    await lockMemberships(tx, orgId);
    const user = await findUserByEmail(tx, email);
    if (user && (await isMember(tx, orgId, user.id))) {
      throw conflict('This person is already a member.', [{ field: 'body.email', message: 'is already a member' }]);
    }
    const before = await openInvitation(tx, orgId, email);
    const row: Row<'invitations'> = {
      id: before?.id ?? uuidv7(),
      org_id: orgId,
      email,
      role: input.role,
      expires_at: input.expiresAt ? new Date(input.expiresAt).toISOString() : null,
      accept_by: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000).toISOString(),
      token_hash: tokenHash(token),
      invited_at: now.toISOString(),
      invited_by_user_id: actor.userId,
      invited_by: actor.label,
      accepted_at: null,
      accepted_by_user_id: null,
      revoked_at: null,
      email_state: (opts.emailing ? 'pending' : 'none') as InvitationEmailState,
      email_error: null,
    };
    if (before) {
      if (before.role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can change an owner invitation.');
      const { id: _id, org_id: _org, email: _email, ...set } = row;
      await tx.updateTable('invitations').set(set).where('id', '=', before.id).execute();
    } else {
      await tx.insertInto('invitations').values(row).execute();
    }
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'invite',
      before: before ? toInvitation(before) : undefined,
      after: toInvitation(row),
    });
    return { invitation: row, token };
  });
}

async function isMember(db: Executor, orgId: string, userId: string): Promise<boolean> {
  const m = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return !!m;
}

function openInvitation(tx: Executor, orgId: string, email: string) {
  const q = tx
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null);
  return forUpdate(tx, q).executeTakeFirst();
}

/** Open invitations, newest first; expired ones too (marked by acceptBy) until revoked or renewed. */
export async function listInvitations(db: Executor, orgId: string) {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .orderBy('invited_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toInvitation);
}

export async function revokeInvitation(db: Db, actor: Actor, actorRole: Role, orgId: string, id: string): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const q = tx.selectFrom('invitations').selectAll().where('id', '=', id).where('org_id', '=', orgId);
    const before = await forUpdate(tx, q).executeTakeFirst();
    if (!before || before.accepted_at || before.revoked_at) throw notFound('Invitation');
    if (before.role === 'owner' && actorRole !== 'owner') throw forbidden('Only an owner can revoke an owner invitation.');
    const revokedAt = nowIso();
    await tx.updateTable('invitations').set({ revoked_at: revokedAt }).where('id', '=', id).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'invitation',
      entityId: id,
      action: 'revoke',
      before: toInvitation(before),
      after: { ...toInvitation(before), revokedAt },
    });
  });
}

/** Records how sending the invitation email went (after the invite committed). */
export async function setEmailState(db: Db, id: string, state: InvitationEmailState, error: string | null = null) {
  await db.updateTable('invitations').set({ email_state: state, email_error: error }).where('id', '=', id).execute();
}
