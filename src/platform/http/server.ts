import fs from 'node:fs';
import path from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { blockedUntilPasswordChange, PASSWORD_CHANGE_REQUIRED_TITLE } from '../auth/password-change.js';
import { trustProxyOption } from '../auth/proxy.js';
import { API_TOKEN_PREFIX, findSession, findUserByApiToken, SESSION_COOKIE } from '../auth/sessions.js';
import { safeEqual } from '../auth/secrets.js';
import type { Config } from '../config/config.js';
import type { Database } from '../db/db.js';
import { AppError, type FieldError, unauthorized } from './errors.js';
import { installIdempotency } from './idempotency.js';
import { installSecurityHeaders } from './security-headers.js';
import { schemaSerializerCompiler, validatingSerializerCompiler } from './serializer.js';
import { installOrgRoutes, ORG_ROUTE_PREFIX } from './org-routes.js';
import { isUuid } from './fields.js';
import { type AuthContext, orgLookup } from './auth-context.js';
import { type BlobStore, createBlobStore } from '../storage/index.js';

export type App = FastifyInstance & { withTypeProvider(): FastifyInstance };

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    /** every API route as "METHOD /path", kept so tests can hold the OpenAPI document to it */
    apiRoutes: string[];
    /** the evidence store (uploaded files), as the settings name it */
    storage: BlobStore;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * At the default level (info) the log holds start-up, warnings and errors,
 * not a line per request: Fastify's own two lines per request are off, and
 * logRequestsAtDebug writes one at debug. `stream` is for tests.
 */
export function loggerOptions(level: Config['logLevel'], stream?: { write(line: string): void }) {
  return {
    logger: level === 'silent' ? false : { level, ...(stream ? { stream } : {}) },
    logController: new LogController({ disableRequestLogging: true }),
  };
}

/**
 * One line per request (method, URL, status, milliseconds) when the level is
 * debug or finer. At other levels no hook at all: an async hook costs every
 * request a promise even when it logs nothing.
 */
export function logRequestsAtDebug(app: FastifyInstance) {
  if (!(app.log as { isLevelEnabled?(level: string): boolean }).isLevelEnabled?.('debug')) return;
  app.addHook('onResponse', async (req, reply) => {
    req.log.debug(
      { method: req.method, url: req.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
  });
}

/**
 * HEAD is answered by the GET route of the same URL, without a second route:
 * Fastify's own HEAD routes (exposeHeadRoutes) doubled the ~190 GET routes a
 * start registers, about 85 ms of a ~800 ms cold start (issue 17). The
 * request is routed as a GET before routing (Fastify's one pre-routing hook
 * is rewriteUrl; the URL is kept). Node decided when the request arrived that
 * a HEAD's response carries no body, so the GET's headers, Content-Length
 * included, go out and its body does not.
 */
function answerHeadAsGet(req: { method?: string; url?: string }): string {
  if (req.method === 'HEAD') req.method = 'GET';
  return req.url ?? '/';
}

/**
 * The Fastify instance every module registers on: validation, OpenAPI,
 * authentication, CSRF, security headers and problem+json errors.
 */
export async function createServer(database: Database, config: Config, version: string) {
  const app = Fastify({
    ...loggerOptions(config.logLevel),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: trustProxyOption(config.trustProxy),
    ajv: { customOptions: { removeAdditional: false } },
    exposeHeadRoutes: false,
    rewriteUrl: answerHeadAsGet,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  // Tests validate every response with zod; production writes it from its JSON Schema (serializer.ts).
  app.setSerializerCompiler(config.responseValidation ? validatingSerializerCompiler : schemaSerializerCompiler);
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('storage', createBlobStore(config));
  app.decorateRequest('auth', null);
  app.decorate('apiRoutes', [] as string[]);
  logRequestsAtDebug(app);
  installOrgRoutes(app, database.db);
  installIdempotency(app, database.db);
  app.addHook('onRoute', (route) => {
    const hidden = (route.schema as { hide?: boolean } | undefined)?.hide;
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs') || hidden) return;
    for (const m of [route.method].flat()) if (m !== 'HEAD') app.apiRoutes.push(`${m} ${route.url}`);
  });

  // Registered before any route: it attaches to each route as it is added.
  // Brotli at quality 4 costs about what gzip costs on a JSON list and sends
  // less (issue 17); quality 11 is for the precompressed web assets only.
  // Already-encoded replies (precompressed assets, a download that sets its
  // own Content-Encoding) pass through; binary types are not recompressed.
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: 1024,
    customTypes: /^text\/(?!event-stream)|[+/](?:json|xml|javascript)(?:;|$)/,
    globalDecompression: false,
  });
  await installSecurityHeaders(app, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    hsts: config.secureCookies,
  });
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'OpenAIMS API', version, description: 'ISO/IEC 42001 AI management system' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.addHook('onRequest', async (req) => {
    req.auth = await authenticate(req, database);
    // Authorization matrix (issue 16): a route that does not declare itself
    // public (`security: []`) refuses an anonymous caller here, before its
    // body is read and validated, as org routes already do.
    if (!req.auth && needsSignIn(req)) throw unauthorized();
    if (req.auth?.via === 'session' && UNSAFE.has(req.method)) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, req.auth.session?.csrf_token ?? '')) {
        throw new AppError(403, 'CSRF token missing or wrong', 'Send the X-CSRF-Token header returned at sign-in.');
      }
    }
    if (req.auth && blockedUntilPasswordChange(req.auth.user, req.method, req.routeOptions.url)) {
      throw new AppError(
        403,
        PASSWORD_CHANGE_REQUIRED_TITLE,
        'Your password was set by an administrator: choose a new one (PUT /api/v1/account/password) before anything else.',
      );
    }
  });

  app.setErrorHandler((err: FastifyError, req, reply) => sendProblem(err, req, reply));

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check',
        security: [],
        response: {
          200: z.object({ status: z.literal('ok'), database: z.enum(['sqlite', 'postgres']), version: z.string() }),
          503: z.object({ status: z.literal('unavailable'), detail: z.string() }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await sql`select 1`.execute(database.db);
        return { status: 'ok' as const, database: database.dialect, version };
      } catch (e) {
        return reply.code(503).send({ status: 'unavailable' as const, detail: (e as Error).message });
      }
    },
  );

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  return app;
}

/** An API route that is neither public (`security: []`) nor hidden from the document (docs, redirects). */
function needsSignIn(req: FastifyRequest): boolean {
  const url = req.routeOptions.url;
  if (!url?.startsWith('/api/')) return false;
  const schema = req.routeOptions.schema as { security?: unknown[]; hide?: boolean } | undefined;
  if (schema?.hide) return false;
  return !(Array.isArray(schema?.security) && schema.security.length === 0);
}

/**
 * The caller, from the bearer token or the session cookie. On an org route
 * the same statement reads the caller's membership in the org the URL names
 * (and what the org checks prefetch), so the gate in auth-context.ts needs
 * no query of its own.
 */
async function authenticate(req: FastifyRequest, database: Database): Promise<AuthContext | null> {
  const lookup = orgRouteLookup(req);
  const header = req.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice('Bearer '.length).trim();
    if (!token.startsWith(API_TOKEN_PREFIX)) return null;
    const found = await findUserByApiToken(database.db, token, lookup);
    return found ? { user: found.user, via: 'token', ...(found.org ? { org: found.org } : {}) } : null;
  }
  const cookieValue = req.cookies[SESSION_COOKIE];
  if (!cookieValue) return null;
  const found = await findSession(database.db, cookieValue, lookup);
  return found ? { user: found.user, session: found.session, via: 'session', ...(found.org ? { org: found.org } : {}) } : null;
}

function orgRouteLookup(req: FastifyRequest) {
  const url = req.routeOptions.url;
  if (url !== ORG_ROUTE_PREFIX && !url?.startsWith(`${ORG_ROUTE_PREFIX}/`)) return undefined;
  const { orgId } = (req.params ?? {}) as { orgId?: string };
  // a malformed id is refused by the org gate with a 400; nothing to read for it
  return isUuid(orgId) ? orgLookup(orgId) : undefined;
}

function sendProblem(err: FastifyError | AppError, req: FastifyRequest, reply: FastifyReply) {
  let status = 500;
  let title = 'Internal Server Error';
  let detail = 'Something went wrong on our side; the change was not saved.';
  let errors: FieldError[] | undefined;
  if (err instanceof AppError) {
    status = err.status;
    title = err.title;
    detail = err.message;
    errors = err.errors.length ? err.errors : undefined;
    for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
  } else if (hasZodFastifySchemaValidationErrors(err)) {
    status = 400;
    title = 'Invalid request';
    detail = 'The request has invalid fields.';
    const where = err.validationContext ?? 'body';
    errors = err.validation.map((v) => ({
      field: [where, ...(v.instancePath ? v.instancePath.split('/').filter(Boolean) : [])].join('.'),
      message: v.message ?? 'is invalid',
    }));
  } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError)) {
    status = 400;
    title = 'Malformed JSON';
    detail = 'The request body is not valid JSON.';
    errors = [{ field: 'body', message: err.message }];
  } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
    status = 413;
    title = 'Payload Too Large';
    detail = `The request body is larger than the limit.`;
    errors = [{ field: 'body', message: 'is too large' }];
  } else if (isUniqueViolation(err)) {
    // Two requests raced for the same unique value; the loser changed nothing.
    status = 409;
    title = 'Conflict';
    detail = 'The record was changed by another request at the same time; reload and try again.';
  } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    status = err.statusCode;
    title = err.name && err.name !== 'FastifyError' ? err.name : 'Bad Request';
    detail = err.message;
  } else {
    req.log.error({ err }, 'unhandled error');
  }
  return reply
    .code(status)
    .type('application/problem+json')
    .send(JSON.stringify({ type: 'about:blank', title, status, detail, ...(errors ? { errors } : {}) }));
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Serves the built web app with an SPA fallback; unknown /api paths stay 404 problems.
 * Files go out as the .br or .gz written at build time (scripts/compress-web.ts)
 * when the client accepts one; hashed assets are cached for a year, everything
 * else (index.html, which names the current assets) is revalidated on every
 * load, so a deploy is seen at once.
 */
export async function registerWeb(app: FastifyInstance, webDir: string | undefined) {
  const dir = webDir && fs.existsSync(path.join(webDir, 'index.html')) ? webDir : undefined;
  if (dir)
    await app.register(fastifyStatic, {
      root: dir,
      // One route that looks files up as they are asked for. `wildcard: false`
      // globbed the build at start and added a route per file (435 with the
      // compressed copies and source maps): about 90 ms of every start.
      wildcard: true,
      index: ['index.html'],
      preCompressed: true,
      cacheControl: false,
      setHeaders(res, file) {
        // vite's assets/ carry their content hash in the name: they never change under it.
        const hashed = path.relative(dir, file).startsWith(`assets${path.sep}`);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        res.setHeader('Vary', 'Accept-Encoding');
      },
    });
  app.setNotFoundHandler((req, reply) => {
    // A hashed asset that is gone (an old page after a deploy) is a 404, not the app's HTML.
    if (!dir || req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') {
      return sendProblem(new AppError(404, 'Not Found', `No route for ${req.method} ${req.url.split('?')[0]}.`), req, reply);
    }
    return reply.type('text/html').sendFile('index.html');
  });
}
