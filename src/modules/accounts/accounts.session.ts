import type { FastifyReply, FastifyRequest } from 'fastify';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { createSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { toPublicUser } from '../../platform/auth/users.js';
import type { Db } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { provideSessionStarter, type SignInMethod } from '../../platform/auth/session-start.js';
import { listOrgsOfUser, toOrganization } from '../organizations/index.js';
import { sessionSchema } from './accounts.schemas.js';

// Starting a session is shared by every way in: password, single sign-on,
// the second factor, first-run setup. Each proves who the user is; this sets
// the cookie and writes the sign-in to the audit log.

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

// Single sign-on and the second factor start their sessions with this one
// (platform/auth/session-start.ts: they cannot import accounts).
provideSessionStarter({ schema: sessionSchema, start: startSession });
