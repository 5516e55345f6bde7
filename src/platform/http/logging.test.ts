import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions, logRequestsAtDebug } from './server.js';

async function linesAt(level: 'info' | 'debug') {
  const lines: { level: number; msg: string; statusCode?: number; url?: string }[] = [];
  const app = Fastify(loggerOptions(level, { write: (l) => lines.push(JSON.parse(l)) }));
  logRequestsAtDebug(app);
  app.get('/ok', async () => ({ ok: true }));
  app.get('/boom', async (req) => {
    req.log.warn('something to look at');
    return { ok: false };
  });
  await app.ready();
  app.log.info('started');
  await app.inject({ url: '/ok' });
  await app.inject({ url: '/boom' });
  await app.inject({ url: '/missing' });
  await app.close();
  return lines;
}

describe('request logging', () => {
  it('at info logs start-up and warnings, no line per request', async () => {
    const lines = await linesAt('info');
    expect(lines.map((l) => l.msg)).toEqual(['started', 'something to look at']);
  });

  it('at debug logs one line per request', async () => {
    const lines = await linesAt('debug');
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests.map((l) => [l.url, l.statusCode])).toEqual([
      ['/ok', 200],
      ['/boom', 200],
      ['/missing', 404],
    ]);
    expect(lines.filter((l) => /incoming request|request completed/.test(l.msg))).toEqual([]);
  });
});
