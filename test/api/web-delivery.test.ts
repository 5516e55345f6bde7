// Issue 17, web delivery: the built web app goes out precompressed with the
// right cache headers, and API responses are compressed when the client
// accepts it. Only SQLite: nothing here reads the database.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

const csvLines = Array.from({ length: 2000 }, (_, i) => `system ${i},vendor ${i % 7},in use\n`);
function* csvChunks() {
  for (let i = 0; i < csvLines.length; i += 100) yield csvLines.slice(i, i + 100).join('');
}
const IMMUTABLE = 'public, max-age=31536000, immutable';
const js = `export const greeting = ${JSON.stringify('hello '.repeat(400))};\n`;
const html = '<!doctype html><html><head><script type="module" src="/assets/app-abc123.js"></script></head></html>';

describe('web delivery', () => {
  let webDir: string;
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openaims-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), html);
    const asset = path.join(webDir, 'assets', 'app-abc123.js');
    fs.writeFileSync(asset, js);
    fs.writeFileSync(`${asset}.br`, zlib.brotliCompressSync(js));
    fs.writeFileSync(`${asset}.gz`, zlib.gzipSync(js));
    database = await createTestDatabase('sqlite');
    app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir }, {}));
    // Two downloads as the exports send them: a CSV streamed in chunks, and a
    // stream that is gzip already and says so.
    app.get('/test/stream.csv', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/csv').send(Readable.from(csvChunks())),
    );
    app.get('/test/stream.csv.gz', { schema: { hide: true } }, (_req, reply) =>
      reply.type('text/csv').header('content-encoding', 'gzip').send(Readable.from(csvChunks()).pipe(zlib.createGzip())),
    );
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    fs.rmSync(webDir, { recursive: true, force: true });
  });

  /** The body as the browser sees it, whatever encoding it came in. */
  const decoded = (res: { rawPayload: Buffer; headers: Record<string, unknown> }) => {
    const encoding = res.headers['content-encoding'];
    if (encoding === 'br') return zlib.brotliDecompressSync(res.rawPayload).toString();
    if (encoding === 'gzip') return zlib.gunzipSync(res.rawPayload).toString();
    return res.rawPayload.toString();
  };
  const get = (url: string, acceptEncoding?: string) =>
    app.inject({ method: 'GET', url, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });

  it('sends a hashed asset as its brotli file when accepted, cached for a year', async () => {
    const res = await get('/assets/app-abc123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(js);
  });

  it('falls back to gzip, then to the plain file, by Accept-Encoding', async () => {
    const gz = await get('/assets/app-abc123.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(js);
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    const plain = await get('/assets/app-abc123.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(js);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('never lets a browser keep index.html without asking, at / or as the app fallback', async () => {
    for (const url of ['/', '/index.html', '/orgs/some-org/inventory']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(decoded(res), url).toBe(html);
    }
  });

  it('answers a hashed asset that is gone (an old page after a deploy) with 404, not the app', async () => {
    const res = await get('/assets/app-old999.js', 'br');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('compresses a JSON response when the client accepts it, and not otherwise', async () => {
    const br = await get('/api/openapi.json', 'gzip, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const doc = JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString());
    expect(doc.openapi).toBe('3.1.0');
    expect(br.rawPayload.length).toBeLessThan(JSON.stringify(doc).length / 4);
    const gz = await get('/api/openapi.json', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString()).openapi).toBe('3.1.0');
    const plain = await get('/api/openapi.json');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(plain.body).openapi).toBe('3.1.0');
  });

  it('leaves a response under 1 KB as it is: compressing it saves nothing', async () => {
    const res = await get('/api/health', 'gzip, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().status).toBe('ok');
  });

  it('compresses a streamed export as it streams, and leaves one that is encoded already alone', async () => {
    const streamed = await get('/test/stream.csv', 'br');
    expect(streamed.statusCode).toBe(200);
    expect(streamed.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(streamed.rawPayload).toString()).toBe(csvLines.join(''));
    const own = await get('/test/stream.csv.gz', 'br');
    expect(own.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(own.rawPayload).toString()).toBe(csvLines.join(''));
  });

  /** A raw HTTP/1.1 exchange over a real socket: everything the server wrote, headers and any body. */
  async function rawExchange(method: string, url: string, headers: Record<string, string> = {}) {
    if (!app.server.listening) await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as net.AddressInfo;
    const lines = [
      `${method} ${url} HTTP/1.1`,
      'Host: localhost',
      'Connection: close',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    const socket = net.connect(port, '127.0.0.1');
    socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    const chunks: Buffer[] = [];
    for await (const chunk of socket) chunks.push(chunk as Buffer);
    const all = Buffer.concat(chunks).toString('latin1');
    const end = all.indexOf('\r\n\r\n');
    const [status, ...fields] = all.slice(0, end).split('\r\n');
    const head = Object.fromEntries(
      fields.map((f) => [f.slice(0, f.indexOf(':')).toLowerCase(), f.slice(f.indexOf(':') + 1).trim()]),
    );
    return { status: Number(status.split(' ')[1]), headers: head as Record<string, string>, body: all.slice(end + 4) };
  }

  it('answers HEAD as GET, with the same headers and no body, on pages, assets, API routes and downloads', async () => {
    for (const [url, encoding] of [
      ['/', 'br'],
      ['/orgs/some-org/inventory', ''],
      ['/assets/app-abc123.js', 'br'],
      ['/assets/app-abc123.js', ''],
      ['/api/health', ''],
      ['/api/openapi.json', 'gzip'],
      ['/test/stream.csv', ''],
    ]) {
      const h: Record<string, string> = encoding ? { 'accept-encoding': encoding } : {};
      const got = await rawExchange('GET', url, h);
      const head = await rawExchange('HEAD', url, h);
      expect(got.status, url).toBe(200);
      expect(head.status, url).toBe(200);
      expect(got.body.length, url).toBeGreaterThan(0);
      expect(head.body, url).toBe('');
      for (const field of ['content-type', 'content-length', 'content-encoding', 'cache-control']) {
        expect(head.headers[field], `${url} ${field}`).toBe(got.headers[field]);
      }
    }
  });

  it('answers HEAD for a URL without a GET route as GET would: 404', async () => {
    for (const url of ['/api/v1/no-such-route', '/assets/app-old999.js', '/api/v1/session/mfa']) {
      const got = await rawExchange('GET', url);
      const head = await rawExchange('HEAD', url);
      expect(got.status, url).toBe(404);
      expect(head.status, url).toBe(404);
      expect(head.body, url).toBe('');
    }
  });
});
