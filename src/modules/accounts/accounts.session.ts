import type { FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { createSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { toPublicUser } from '../../platform/auth/users.js';
import type { Db } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { provideSessionStarter } from '../mfa/index.js';
import { listOrgsOfUser, toOrganization } from '../organizations/index.js';
import { sessionSchema } from './accounts.schemas.js';

// Starting a session is shared by every way in: password, single sign-on,
// the second factor, first-run setup. Each proves who the user is; this sets
// the cookie and writes the sign-in to the audit log.

export interface SignInMethod {
  /** how the user proved who they are, written to the audit log */
  method: 'password' | 'sso' | 'setup' | 'mfa';
  /**
   * The second factor was shown (TOTP or recovery code, or an identity
   * provider's MFA): the session carries the mark an organization that
   * requires two-step verification asks for.
   */
  secondFactor?: boolean;
}

export async function sessionView(db: Db, user: Row<'users'>, csrfToken: string | null) {
  const now = new Date().toISOString();
  const orgs = await listOrgsOfUser(db, user.id);
  return {
    user: toPublicUser(user),
    csrfToken,
    organizations: orgs.filter((o) => !o.expires_at || o.expires_at > now).map((o) => toOrganization(o, o.role)),
    mustChangePassword: Boolean(user.must_change_password),
  };
}

export async function startSession(req: FastifyRequest, reply: FastifyReply, user: Row<'users'>, how: SignInMethod) {
  const db = req.server.database.db;
  const { sessionTtlHours, secureCookies } = req.server.config;
  const s = await db.transaction().execute(async (tx) => {
    const userAgent = req.headers['user-agent'];
    const created = await createSession(tx, user.id, sessionTtlHours, {
      userAgent: typeof userAgent === 'string' ? userAgent : null,
      ip: req.ip,
    });
    if (how.secondFactor) await tx.updateTable('sessions').set({ mfa_verified: 1 }).where('id', '=', created.id).execute();
    await appendAudit(
      tx,
      { userId: user.id, label: user.email },
      {
        orgId: null,
        entityType: 'session',
        entityId: user.id,
        action: 'sign-in',
        after: { method: how.method, ...(how.secondFactor ? { secondFactor: true } : {}) },
      },
    );
    return created;
  });
  reply.setCookie(SESSION_COOKIE, s.cookieValue, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies,
    path: '/',
    expires: new Date(s.expiresAt),
  });
  return sessionView(db, user, s.csrfToken);
}

// MFA (issue 16): the second step of sign-in (POST /api/v1/session/mfa) lives
// in the mfa module, which cannot import this one (accounts depends on it).
provideSessionStarter({
  schema: sessionSchema,
  start: (req, reply, user) => startSession(req, reply, user, { method: 'mfa', secondFactor: true }),
});
