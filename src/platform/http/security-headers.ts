import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';

// @fastify/helmet builds helmet's middleware anew on every request (parsing
// the CSP directives, checking every option) and runs two async hooks: about
// a tenth of a small GET's server time (issue 17). Our headers are the same
// for every request (no CSP nonces), so helmet computes them once at start,
// on a probe instance, and one synchronous hook copies them onto each reply.
// A route that sets its own (a download's sandbox CSP) still overrides them.

/** The headers helmet sets with these options, lower-cased, as [name, value]. */
export async function helmetHeaders(options: FastifyHelmetOptions): Promise<Record<string, string>> {
  const probe = Fastify({ logger: false });
  let headers: Record<string, string> = {};
  try {
    await probe.register(helmet, options);
    // In the handler only helmet has set anything: Fastify writes its own headers later.
    probe.get('/', async (_req, reply) => {
      headers = Object.fromEntries(Object.entries(reply.raw.getHeaders()).map(([k, v]) => [k.toLowerCase(), String(v)]));
      return '';
    });
    await probe.inject('/');
  } finally {
    await probe.close();
  }
  return headers;
}

/** Sends helmet's headers (with these options) on every reply of `app`. */
export async function installSecurityHeaders(app: FastifyInstance, options: FastifyHelmetOptions): Promise<void> {
  const headers = await helmetHeaders(options);
  if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy: check its options');
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
}
