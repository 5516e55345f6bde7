import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../../platform/audit-log/audit-log.js';
import { deleteSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { hashPassword, verifyPassword } from '../../platform/auth/secrets.js';
import { warnIfForwardedButUntrusted } from '../../platform/auth/proxy.js';
import { claimSignInAttempt, settleSignInAttempt } from '../../platform/auth/throttle.js';
import { findUserByEmail } from '../../platform/auth/users.js';
import { actorOf, requireUser } from '../../platform/http/auth-context.js';
import { AppError } from '../../platform/http/errors.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { apiTokenSchema, createdTokenSchema, createTokenBody, sessionSchema, setupBody, signInBody } from './accounts.schemas.js';
import { tooManyAttempts } from './accounts.security.js';
import { sessionView, startSession } from './accounts.session.js';
import { passwordSignInRefusal } from '../sso/index.js';
import { challengeSchema, markTokenFromSession, secondFactorChallenge } from '../mfa/index.js'; // MFA (issue 16)
import { accountSecurityRoutes } from './accounts.security.routes.js';
import * as service from './accounts.service.js';

const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  429: problemSchema,
};

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  await app.register(accountSecurityRoutes);
  // A real hash to compare against when the email is unknown, so the response
  // time does not reveal which emails have accounts.
  // Made on first use, not at start-up, to keep cold start short.
  let dummyHash: Promise<string> | undefined;
  const timingHash = () => {
    dummyHash ??= hashPassword('openaims-timing-equaliser');
    return dummyHash;
  };

  app.get(
    '/api/v1/setup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Whether first-run setup is still needed',
        security: [],
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await service.setupNeeded(db) }),
  );

  app.post(
    '/api/v1/setup',
    {
      schema: {
        tags: ['accounts'],
        summary: 'First run: create the first owner and organization, and sign in',
        security: [],
        body: setupBody,
        response: { 201: sessionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const { user } = await service.initInstance(db, req.body, 'web');
      return reply.code(201).send(await startSession(req, reply, user, { method: 'setup' }));
    },
  );

  app.post(
    '/api/v1/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in',
        security: [],
        body: signInBody,
        response: { 200: sessionSchema, 202: challengeSchema /* MFA (issue 16) */, ...errors },
      },
    },
    async (req, reply) => {
      const { email, password } = req.body;
      warnIfForwardedButUntrusted(req.log, app.config.trustProxy, req.headers, req.ip);
      const attempt = await claimSignInAttempt(db, email, req.ip);
      if (attempt.blocked) throw tooManyAttempts(attempt.blocked.retryAfterSeconds);
      const user = await findUserByEmail(db, email);
      const ok = await verifyPassword(user?.password_hash ?? (await timingHash()), password);
      await settleSignInAttempt(db, attempt.attemptId, Boolean(user && ok && !user.disabled_at));
      if (!user || !ok || user.disabled_at) throw new AppError(401, 'Unauthorized', 'The email or password is wrong.');
      // Rotation: a session cookie that came with the sign-in (someone else's
      // planted one, or the user's own old one) ends here; a fresh id is issued.
      const planted = req.cookies[SESSION_COOKIE];
      if (planted) await deleteSession(db, planted);
      // An organization that enforces single sign-on refuses its members' passwords.
      const refusal = await passwordSignInRefusal(db, user);
      if (refusal) throw new AppError(403, 'Single sign-on required', refusal);
      // MFA (issue 16): an account with a second factor gets a challenge (202), not a session;
      // POST /api/v1/session/mfa completes the sign-in with a code.
      const challenge = await secondFactorChallenge(db, user);
      if (challenge) return reply.code(202).send(challenge);
      return startSession(req, reply, user, { method: 'password' });
    },
  );

  app.get(
    '/api/v1/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The signed-in user, CSRF token and organizations',
        response: { 200: sessionSchema, 401: problemSchema },
      },
    },
    async (req) => {
      const auth = requireUser(req);
      return sessionView(db, auth.user, auth.session?.csrf_token ?? null);
    },
  );

  app.delete(
    '/api/v1/session',
    { schema: { tags: ['accounts'], summary: 'Sign out', response: { 204: z.null(), 401: problemSchema, 403: problemSchema } } },
    async (req, reply) => {
      const auth = requireUser(req);
      const cookie = req.cookies[SESSION_COOKIE];
      if (cookie) {
        await db.transaction().execute(async (tx) => {
          await deleteSession(tx, cookie);
          await appendAudit(tx, actorOf(auth), {
            orgId: null,
            entityType: 'session',
            entityId: auth.user.id,
            action: 'sign-out',
          });
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: "The caller's API tokens (never the secret)",
        response: { 200: z.object({ items: z.array(apiTokenSchema) }), 401: problemSchema },
      },
    },
    async (req) => ({ items: await service.listApiTokens(db, requireUser(req).user.id) }),
  );

  app.post(
    '/api/v1/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token; the secret is shown once',
        body: createTokenBody,
        response: { 201: createdTokenSchema, ...errors },
      },
    },
    async (req, reply) => {
      const auth = requireUser(req);
      const created = await service.issueApiToken(db, actorOf(auth), auth.user.id, req.body.name, req.body.expiresAt ?? null);
      await markTokenFromSession(db, created.id, auth); // MFA (issue 16): a token inherits its session's second-factor mark
      return reply.code(201).send(created);
    },
  );

  app.delete(
    '/api/v1/tokens/:tokenId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke an API token',
        params: z.object({ tokenId: uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const auth = requireUser(req);
      await service.revokeApiToken(db, actorOf(auth), auth.user.id, req.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
