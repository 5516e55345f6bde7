import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { installSecurityHeaders } from './security-headers.js';

const OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"] } },
  hsts: true,
};

/** The routes whose headers are compared: a plain answer, one that sets its own CSP, a refusal in a later onRequest hook. */
async function withRoutes(app: FastifyInstance) {
  app.addHook('onRequest', async (req) => {
    if (req.url === '/refused') throw Object.assign(new Error('no'), { statusCode: 401 });
  });
  app.get('/plain', async () => ({ ok: true }));
  app.get('/own-csp', async (_req, reply) => reply.header('content-security-policy', "default-src 'none'; sandbox").send('x'));
  app.get('/refused', async () => ({ ok: true }));
  await app.ready();
  const out: Record<string, Record<string, unknown>> = {};
  for (const url of ['/plain', '/own-csp', '/refused', '/missing']) {
    const { date: _date, ...headers } = (await app.inject(url)).headers;
    out[url] = headers;
  }
  await app.close();
  return out;
}

describe('security headers computed once', () => {
  it('are the headers @fastify/helmet sends, on answers, refusals and 404s, and a route may set its own CSP', async () => {
    const plugin = Fastify();
    await plugin.register(helmet, OPTIONS);
    const ours = Fastify();
    await installSecurityHeaders(ours, OPTIONS);
    const expected = await withRoutes(plugin);
    const got = await withRoutes(ours);
    expect(got).toEqual(expected);
    expect(got['/plain']['strict-transport-security']).toMatch(/max-age=/);
    expect(got['/refused']['content-security-policy']).toMatch(/^default-src 'self';.*frame-ancestors 'none'/);
    expect(got['/own-csp']['content-security-policy']).toBe("default-src 'none'; sandbox");
  });
});
