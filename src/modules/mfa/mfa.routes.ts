import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deleteSession, SESSION_COOKIE } from '../../platform/auth/sessions.js';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { confirmEnrolment, mfaStatus, regenerateRecoveryCodes, startEnrolment, turnOff } from './mfa.enrol.js';
import { orgRequiresSecondFactor, setOrgPolicy } from './mfa.policy.js';
import {
  codeBody,
  completeSignInBody,
  enrolmentSchema,
  mfaStatusSchema,
  orgPolicyBody,
  orgPolicySchema,
  recoveryCodesSchema,
  turnOffBody,
} from './mfa.schemas.js';
import { sessionStarter } from '../../platform/auth/session-start.js';
import { completeSecondFactor } from './mfa.sign-in.js';

const tags = ['mfa'];
/** Nothing to send but the session: `{}`. */
const noBody = z.strictObject({});
const errors = {
  400: problemSchema,
  401: problemSchema,
  403: problemSchema,
  404: problemSchema,
  409: problemSchema,
  429: problemSchema,
};

/** TOTP second factor and recovery codes; the sign-in step; the organization's policy. */
export const mfaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/account/mfa',
    {
      schema: {
        tags,
        summary: 'Your two-step verification: on or off, recovery codes left',
        response: { 200: mfaStatusSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (req) => mfaStatus(db, requireUser(req)),
  );

  app.post(
    '/api/v1/account/mfa/totp',
    {
      schema: {
        tags,
        summary: 'Start setting up an authenticator app: the secret and otpauth URI, shown only now',
        body: noBody,
        response: { 201: enrolmentSchema, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await startEnrolment(db, requireUser(req))),
  );

  app.post(
    '/api/v1/account/mfa/totp/confirm',
    {
      schema: {
        tags,
        summary: 'Turn it on with a first code; answers the 10 recovery codes, shown once',
        body: codeBody,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (req) => confirmEnrolment(db, requireUser(req), req.body.code, req.ip),
  );

  app.post(
    '/api/v1/account/mfa/recovery-codes',
    {
      schema: {
        tags,
        summary: 'New recovery codes (the old ones stop working); needs a current code',
        body: codeBody,
        response: { 200: recoveryCodesSchema, ...errors },
      },
    },
    async (req) => regenerateRecoveryCodes(db, requireUser(req), req.body.code, req.ip),
  );

  app.delete(
    '/api/v1/account/mfa',
    {
      schema: {
        tags,
        summary: 'Turn two-step verification off (password and a code); refused while an organization of yours requires it',
        body: turnOffBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await turnOff(db, requireUser(req), req.body, req.ip);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/session/mfa',
    {
      schema: {
        tags,
        summary: 'Sign in, second step: the challenge from the password step and a code (or a recovery code)',
        security: [],
        body: completeSignInBody,
        response: { 200: sessionStarter().schema, ...errors },
      },
    },
    async (req, reply) => {
      const user = await completeSecondFactor(db, req.body, req.ip);
      // As the password step does: a session cookie that came along (planted
      // between the two steps) ends; the sign-in gets a fresh one.
      const planted = req.cookies[SESSION_COOKIE];
      if (planted) await deleteSession(db, planted);
      return sessionStarter().start(req, reply, user, { method: 'mfa', secondFactor: true });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/mfa-policy',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Whether the organization requires two-step verification',
        params: orgParams,
        response: { 200: orgPolicySchema, ...problemResponses },
      },
    },
    async (req) => ({ required: await orgRequiresSecondFactor(db, orgAccess(req).orgId) }),
  );

  app.put(
    '/api/v1/orgs/:orgId/mfa-policy',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Require two-step verification of every member (you need it yourself first)',
        params: orgParams,
        body: orgPolicyBody,
        response: { 200: orgPolicySchema, ...problemResponses },
      },
    },
    async (req) => setOrgPolicy(db, req, orgAccess(req), req.body.required),
  );
};
