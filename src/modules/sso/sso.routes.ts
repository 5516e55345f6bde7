import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeEqual } from '../../platform/auth/secrets.js';
import { problemSchema } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { type PublicLimit, throttlePublic } from '../../platform/http/public-throttle.js';
import { secondFactorChallenge } from '../mfa/index.js';
import { callbackQuery, putSsoBody, ssoSettingsSchema, startBody, startResponse } from './sso.schemas.js';
import { sessionStarter } from '../../platform/auth/session-start.js';
import { CALLBACK_PATH, deleteSettings, getSettings, putSettings, redirectUriOf } from './sso.settings.js';
import { accountFor, SsoRefusal, startSignIn, verifiedIdentity } from './sso.signin.js';

const tags = ['single-sign-on'];
/** binds a sign-in to the browser that started it: a code sent to another browser is refused */
const STATE_COOKIE = 'aims_sso_state';
const START_LIMIT: PublicLimit = {
  bucket: 'sso-start',
  max: 30,
  windowMs: 10 * 60_000,
  message: (s) => `Too many single sign-on attempts from this address; try again in ${s} seconds.`,
};

/** Single sign-on with OpenID Connect: the organization's settings, and sign-in through its provider. */
export const ssoRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = `${ORG_ROUTE_PREFIX}/sso`;

  app.get(
    base,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "The organization's single sign-on settings (the client secret is never returned, only hasSecret)",
        params: orgParams,
        response: { 200: ssoSettingsSchema, ...problemResponses },
      },
    },
    async (req) => getSettings(db, orgAccess(req).orgId, redirectUriOf(req)),
  );

  app.put(
    base,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary:
          'Set up or change single sign-on; the issuer is discovered before saving (400 on body.issuer). Turning enforcement on or off, or any change while it is on, needs an owner',
        params: orgParams,
        body: putSsoBody,
        response: { 200: ssoSettingsSchema, ...problemResponses },
      },
    },
    async (req) => {
      const a = orgAccess(req);
      return putSettings(db, a.actor, a.role, a.orgId, req.body, redirectUriOf(req));
    },
  );

  app.delete(
    base,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Remove single sign-on (its email domains are released); an owner only while it is enforced',
        params: orgParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const a = orgAccess(req);
      await deleteSettings(db, a.actor, a.role, a.orgId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/sso/start',
    {
      schema: {
        tags,
        summary:
          "Start signing in through the provider of the organization that claims the email's domain: open authorizationUrl in the browser. 404 (the same for every email) when none does",
        security: [],
        body: startBody,
        response: { 200: startResponse, 400: problemSchema, 404: problemSchema, 429: problemSchema, 503: problemSchema },
      },
    },
    async (req, reply) => {
      await throttlePublic(db, START_LIMIT, req.ip);
      const { authorizationUrl, state } = await startSignIn(db, req.body.email, redirectUriOf(req));
      reply.setCookie(STATE_COOKIE, state, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        path: CALLBACK_PATH,
        maxAge: 600,
      });
      return { authorizationUrl };
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      schema: {
        tags,
        summary:
          'Where the provider sends the browser back: checks state, nonce and PKCE, a verified email in an allowed domain, adds the member on first sign-in, starts the session and redirects to the web app (or to /sign-in?sso_error=…)',
        security: [],
        // Not an API operation: only the provider's redirect of a browser lands
        // here, and it answers with a redirect, never a body a client would read.
        hide: true,
        querystring: callbackQuery,
        response: { 302: z.null().describe('a redirect to the web app') },
      },
    },
    async (req, reply) => {
      const web = (path: string) => (app.config.publicUrl ? new URL(path, app.config.publicUrl).toString() : path);
      const fail = (message: string) => reply.redirect(web(`/sign-in?sso_error=${encodeURIComponent(message)}`), 302);
      const bound = req.cookies[STATE_COOKIE];
      reply.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
      const { state, error, error_description } = req.query;
      if (error) return fail(`The identity provider refused the sign-in: ${error_description ?? error}.`);
      if (!state) return fail('The identity provider sent no state. Start again.');
      if (!bound || !safeEqual(bound, state))
        return fail('This sign-in was started in another browser or has expired. Start again.');
      try {
        const at = req.url.indexOf('?');
        const query = at >= 0 ? req.url.slice(at) : '';
        const { orgId, identity } = await verifiedIdentity(db, state, query);
        const user = await accountFor(db, orgId, identity);
        // An account with its own second factor proves it here too, unless the
        // provider already checked one: the code step of the sign-in page takes over.
        const challenge = identity.multiFactor ? null : await secondFactorChallenge(db, user);
        if (challenge) return reply.redirect(web(`/sign-in#mfa=${encodeURIComponent(challenge.challenge)}`), 302);
        await sessionStarter().start(req, reply, user, { method: 'sso', secondFactor: identity.multiFactor });
        return reply.redirect(web('/'), 302);
      } catch (e) {
        if (e instanceof SsoRefusal) return fail(e.message);
        req.log.warn({ err: e }, 'single sign-on callback failed');
        return fail('Single sign-on failed. Start again, or ask your administrator.');
      }
    },
  );
};
