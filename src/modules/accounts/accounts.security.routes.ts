import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CHANGE_PASSWORD_ROUTE } from '../../platform/auth/password-change.js';
import { SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { accountSessionSchema, changePasswordBody, temporaryPasswordSchema, unlockResultSchema } from './accounts.schemas.js';
import * as security from './accounts.security.js';

const tags = ['accounts'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const memberParams = orgParams.extend({ userId: uuid() });
/** The member in the path is all these actions need; send `{}`. */
const noBody = z.strictObject({});

/** The caller's own password and sessions; an owner's or admin's help for a member. */
export const accountSecurityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.put(
    CHANGE_PASSWORD_ROUTE,
    {
      schema: {
        tags,
        summary: 'Change your password; your other sessions end, this one stays',
        body: changePasswordBody,
        response: { 200: z.object({ endedSessions: z.number().int() }), ...errors, 429: problemSchema },
      },
    },
    async (req) => security.changeOwnPassword(db, requireUser(req), req.body, req.ip),
  );

  app.get(
    '/api/v1/account/sessions',
    {
      schema: {
        tags,
        summary: 'Your signed-in sessions; `current` marks the one making this request',
        response: { 200: z.object({ items: z.array(accountSessionSchema) }), 401: problemSchema, 403: problemSchema },
      },
    },
    async (req) => ({ items: await security.listOwnSessions(db, requireUser(req)) }),
  );

  app.delete(
    '/api/v1/account/sessions',
    {
      schema: {
        tags,
        summary: 'End all your sessions but this one',
        response: { 200: z.object({ ended: z.number().int() }), ...errors },
      },
    },
    async (req) => security.endOtherSessions(db, requireUser(req)),
  );

  app.post(
    '/api/v1/account/sign-out-everywhere',
    {
      schema: {
        tags,
        summary: 'End all your sessions, this one included (API tokens stay; revoke them on their own)',
        body: noBody,
        response: { 200: z.object({ ended: z.number().int() }), ...errors },
      },
    },
    async (req, reply) => {
      const result = await security.signOutEverywhere(db, requireUser(req));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return result;
    },
  );

  app.delete(
    '/api/v1/account/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'End one of your sessions (ending this one signs you out)',
        params: z.object({ sessionId: z.string().regex(/^[0-9a-f]{32}$/, 'must be a session id') }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { current } = await security.endOwnSession(db, requireUser(req), req.params.sessionId);
      if (current && req.cookies[SESSION_COOKIE]) reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/members/:userId/password-reset',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "Give a member a one-time password, shown once, to change at next sign-in (an admin cannot reset an owner's)",
        params: memberParams,
        body: noBody,
        response: { 200: temporaryPasswordSchema, ...problemResponses },
      },
    },
    async (req) => security.resetMemberPassword(db, orgAccess(req), req.params.userId),
  );

  app.post(
    '/api/v1/orgs/:orgId/members/:userId/unlock',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "Lift the sign-in lock on a member's account after too many failed attempts",
        params: memberParams,
        body: noBody,
        response: { 200: unlockResultSchema, ...problemResponses },
      },
    },
    async (req) => security.unlockMember(db, orgAccess(req), req.params.userId),
  );
};
