import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import type { FsBlobStore } from '../../src/platform/storage/index.js';
import { type Client, setupOwner } from '../support/app.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';

// Upload and download through the API on a data directory of its own, with a
// 3 MB upload limit: bigger than Fastify's 1 MiB JSON body limit (which must
// not cap uploads), small enough to cross quickly.

const LIMIT_MB = 3;

function multipart(name: string, content: Buffer, type = 'application/octet-stream', field = 'file') {
  const boundary = `----aims${randomBytes(8).toString('hex')}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`;
  const payload = Buffer.concat([Buffer.from(head, 'utf8'), content, Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(testDialects())('files (%s)', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let dataDir: string;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/files${p}`;

  const upload = (name: string, content: Buffer, type?: string, field?: string) => {
    const { payload, headers } = multipart(name, content, type, field);
    return app.inject({
      method: 'POST',
      url: url(),
      payload,
      headers: { ...headers, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
    });
  };
  const store = () => app.storage as FsBlobStore;
  const blobList = () => {
    const walk = (dir: string): string[] =>
      fs.existsSync(dir)
        ? fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [e.name]))
        : [];
    return walk(store().root);
  };
  const blobCount = () => blobList().length;
  const rowCount = async () =>
    (await database.db.selectFrom('stored_files').select('id').where('org_id', '=', orgId).execute()).length;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-files-'));
    database = await createTestDatabase(dialect);
    app = await buildApp(
      database,
      loadConfig({ logLevel: 'silent', dataDir, webDir: '/nonexistent', uploadMaxMb: LIMIT_MB }, {}),
    );
    await app.ready();
    ({ client: owner } = await setupOwner(app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    orgId = org.body.id;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a 2 MB PDF past the JSON body limit and sends it back as a safe download', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(2 * 1024 * 1024)]);
    const res = await upload('Risk report – Q3 (final) 100%.pdf', pdf, 'text/html');
    expect(res.statusCode, res.body).toBe(201);
    const file = res.json();
    // the first bytes decide the type, not the client's claim
    expect(file).toMatchObject({ name: 'Risk report – Q3 (final) 100%.pdf', mediaType: 'application/pdf', size: pdf.length });
    expect((await owner.get(url(`/${file.id}`))).body).toEqual(file);

    const dl = await owner.get(url(`/${file.id}/content`));
    expect(dl.status).toBe(200);
    expect(dl.raw.rawPayload.equals(pdf)).toBe(true);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Risk report _ Q3 (final) 100_.pdf"; filename*=UTF-8''Risk%20report%20%E2%80%93%20Q3%20%28final%29%20100%25.pdf`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(dl.headers['cache-control']).toBe('private, no-store');

    const audit = await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityId=${file.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['file.uploaded']);
  });

  it("answers 404 for another organization's file", async () => {
    const res = await upload('notes.txt', Buffer.from('only ours'));
    const id = res.json().id;
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    expect((await owner.get(`/api/v1/orgs/${other}/files/${id}`)).status).toBe(404);
    expect((await owner.get(`/api/v1/orgs/${other}/files/${id}/content`)).status).toBe(404);
  });

  it('sends SVG and unknown types as bytes, never as a document', async () => {
    const svg = await upload('chart.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"/></svg>'));
    expect(svg.statusCode, svg.body).toBe(201);
    expect(svg.json().mediaType).toBe('image/svg+xml');
    const dl = await owner.get(url(`/${svg.json().id}/content`));
    expect(dl.headers['content-type']).toBe('application/octet-stream');
  });

  const refusals: [string, string, Buffer, string][] = [
    ['../x.pdf', 'file.name', Buffer.from('%PDF-1.4'), 'path parts'],
    ['a\\b.pdf', 'file.name', Buffer.from('%PDF-1.4'), 'path parts'],
    ['a\u0000b.pdf', 'file.name', Buffer.from('%PDF-1.4'), 'control characters'],
    [`${'é'.repeat(150)}.pdf`, 'file.name', Buffer.from('%PDF-1.4'), '255 bytes'],
    ['empty.pdf', 'file', Buffer.alloc(0), 'empty'],
    ['page.pdf', 'file', Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'), 'HTML'],
    ['page.html', 'file', Buffer.from('just text'), 'HTML'],
    ['logo.svg', 'file', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'script'],
    ['logo.svg', 'file', Buffer.from('<svg><rect onload = "alert(1)"/></svg>'), 'event handler'],
    ['data.xml', 'file', Buffer.from('<?xml version="1.0"?><a href="JavaScript:alert(1)"/>'), 'javascript'],
  ];
  it.each(refusals)('refuses %j naming %s, storing nothing', async (name, field, content, why) => {
    const res = await upload(name, content);
    expect(res.statusCode, res.body).toBe(400);
    const problem = res.json();
    expect(problem.errors[0].field).toBe(field);
    expect(problem.errors[0].message).toContain(why);
    expect(await rowCount()).toBe(0);
    expect(fs.existsSync(store().tmpDir) ? fs.readdirSync(store().tmpDir) : []).toEqual([]);
  });

  it('refuses a file over the limit with 413 naming it, keeping no blob or temp file', async () => {
    const before = blobCount();
    const res = await upload('big.bin', randomBytes(LIMIT_MB * 1024 * 1024 + 10));
    expect(res.statusCode, res.body).toBe(413);
    expect(res.json().errors[0]).toEqual({ field: 'file', message: `is larger than the upload limit of ${LIMIT_MB} MB` });
    expect(await rowCount()).toBe(0);
    expect(blobCount(), JSON.stringify(blobList())).toBe(before);
  });

  it('asks for a part named file', async () => {
    const res = await upload('a.txt', Buffer.from('x'), 'text/plain', 'attachment');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('file');
    expect((await owner.post(url(), { file: 'x' })).status).toBe(400);
  });

  it('refuses to send a corrupted blob: a clean 500 blob-corrupted problem, never the wrong bytes', async () => {
    const res = await upload('minutes.txt', Buffer.from('The board approved the AI policy.'));
    const file = res.json();
    const blobPath = store().pathOf(file.sha256);
    const bytes = fs.readFileSync(blobPath);
    bytes[4] ^= 0xff;
    fs.writeFileSync(blobPath, bytes);
    const dl = await owner.get(url(`/${file.id}/content`));
    expect(dl.status).toBe(500);
    expect(dl.headers['content-type']).toContain('application/problem+json');
    expect(dl.body.title).toBe('blob-corrupted');
  });

  it('keeps nothing when the client goes away mid-upload', async () => {
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    const { payload, headers } = multipart('half.bin', randomBytes(2 * 1024 * 1024));
    const before = blobCount();
    await new Promise<void>((resolve) => {
      const req = http.request(`${base}${url()}`, {
        method: 'POST',
        headers: { ...headers, 'content-length': payload.length, cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '' },
      });
      req.on('error', () => resolve());
      req.write(payload.subarray(0, 1024 * 1024), () => setTimeout(() => req.destroy(), 100));
    });
    // the server notices the closed socket a moment later
    for (let i = 0; i < 50 && blobCount() !== before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(blobCount(), JSON.stringify(blobList())).toBe(before);
    expect(await rowCount()).toBe(0);
  });

  it('refuses an upload from someone not signed in', async () => {
    const noCsrf = await app.inject({ method: 'POST', url: url(), ...multipart('b.txt', Buffer.from('y')) });
    expect(noCsrf.statusCode).toBe(401);
  });
});
