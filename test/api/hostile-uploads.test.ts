import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/platform/auth/secrets.js';
import { MAX_COMPONENT_NESTING, readBom } from '../../src/exports/cyclonedx.js';
import { readXlsx, XlsxReadError } from '../../src/exports/xlsx.js';
import { type Client, createTestApp, PASSWORD, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { workbookWithSharedStrings, writeTallXlsx, zipOf } from '../support/hostile-xlsx.js';

// Uploads made to hurt: a small workbook that unpacks to a million rows, a
// shared-strings part that lies about its size, a BOM nested a thousand
// deep, and big bodies sent by people who may not send them at all.

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;

/** A BOM whose components are nested `depth` deep, one inside the other. */
function deepBom(depth: number) {
  let component: Record<string, unknown> = { type: 'machine-learning-model', name: 'innermost' };
  for (let i = 0; i < depth - 1; i++)
    component = { type: 'application', name: `level ${depth - 1 - i}`, components: [component] };
  return { bomFormat: 'CycloneDX', specVersion: '1.6', version: 1, components: [component] };
}

/**
 * A user made in the database, a member of `orgId` with `role` or of
 * nothing, signed in: independent of how the members API adds people.
 */
async function addUser(t: TestApp, email: string, orgId: string | null, role: 'viewer' | null): Promise<Client> {
  const now = new Date().toISOString();
  const id = uuidv7();
  await t.database.db
    .insertInto('users')
    .values({
      id,
      email,
      name: email,
      password_hash: await hashPassword(PASSWORD),
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  if (orgId && role)
    await t.database.db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: id, role, created_at: now, expires_at: null, starts_at: null })
      .execute();
  return signIn(t.app, email);
}

interface RawAnswer {
  /** the status line's code, or null when no answer came within the wait */
  status: number | null;
  body: string;
}

/**
 * POSTs with a Content-Length of `declared` bytes but writes only the first
 * 64 KiB, then waits: an answer proves the server did not wait for (read)
 * the body; a route that reads the body first never answers.
 */
async function postWithoutBody(port: number, url: string, headers: Record<string, string>, declared: number, waitMs: number) {
  const socket = net.connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  const head = Object.entries({ host: 'localhost', 'content-length': String(declared), ...headers })
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  socket.write(`POST ${url} HTTP/1.1\r\n${head}\r\n`);
  socket.write(Buffer.alloc(64 * 1024, 'a'));
  return new Promise<RawAnswer>((resolve) => {
    let data = '';
    const done = (answer: RawAnswer) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done({ status: null, body: data }), waitMs);
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1');
      const end = data.indexOf('\r\n\r\n');
      const length = Number(/content-length: (\d+)/i.exec(data)?.[1] ?? 0);
      if (end >= 0 && data.length >= end + 4 + length)
        done({ status: Number(data.slice(9, 12)), body: data.slice(end + 4, end + 4 + length) });
    });
    socket.on('error', () => done({ status: null, body: data }));
  });
}

describe('hostile workbooks and BOMs, read directly', () => {
  it('stops at the byte budget when a part unpacks to more than its zip claims', async () => {
    // 3 MiB of shared strings claiming to be 100 bytes, read with a 1 MiB budget.
    const strings = `<sst>${'<si><t>x</t></si>'.repeat((3 * MB) / 16)}</sst>`;
    const liar = workbookWithSharedStrings(strings, 100);
    await expect(readXlsx(liar, { maxUnpackedBytes: MB })).rejects.toThrow(
      /^unpacks to more than 1 MiB; at most that much is read$/,
    );
    // Honest sizes over the budget are refused before anything is unpacked.
    await expect(readXlsx(workbookWithSharedStrings(strings), { maxUnpackedBytes: MB })).rejects.toThrow(/^unpacks to 3 MB/);
  });

  it('refuses a zip that is not a workbook, and one without a worksheet', async () => {
    await expect(readXlsx(Buffer.from('PK\u0003\u0004 not really'))).rejects.toBeInstanceOf(XlsxReadError);
    await expect(readXlsx(zipOf([{ name: 'hello.txt', data: 'hi' }]))).rejects.toThrow('has no worksheet');
  });

  it('caps component nesting with an iterative check before the schema validator', async () => {
    const error = await readBom(deepBom(1000)).catch((e) => e);
    expect(error.errors).toHaveLength(1);
    expect(error.errors[0].message).toBe(
      `is nested ${MAX_COMPONENT_NESTING + 1} levels of components deep; at most ${MAX_COMPONENT_NESTING} are allowed`,
    );
    expect(error.errors[0].path).toBe(`$${'.components[0]'.repeat(MAX_COMPONENT_NESTING + 1)}`);
    // At the cap the BOM is read.
    await expect(readBom(deepBom(MAX_COMPONENT_NESTING))).resolves.toMatchObject({ version: '1.6' });
    // Deep JSON of any other shape is refused too, before it reaches the validator.
    let deep: unknown = 'x';
    for (let i = 0; i < 10_000; i++) deep = { metadata: deep };
    const other = await readBom({ bomFormat: 'CycloneDX', specVersion: '1.6', metadata: deep }).catch((e) => e);
    expect(other.errors[0].message).toBe('is nested more than 128 levels deep; at most 128 are allowed');
  });
});

describe.each(testDialects())('hostile uploads (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let outsider: Client;
  let orgId: string;
  let port: number;
  const importUrl = () => `/api/v1/orgs/${orgId}/ai-systems/import`;
  const aiSystems = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('ai_systems')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    viewer = await addUser(t, 'viewer@example.com', orgId, 'viewer');
    outsider = await addUser(t, 'outsider@example.com', null, null);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as net.AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers a 5 MB workbook of 1,000,000 rows with the row limit, reading no further than the limit', async () => {
    const file = await writeTallXlsx(path.join(os.tmpdir(), 'openaims-tall-1000000.xlsx'), 1_000_000);
    const data = fs.readFileSync(file);
    expect(data.length).toBeLessThan(8 * MB);
    const started = Date.now();
    const res = await owner.request('POST', importUrl(), data, { 'content-type': XLSX });
    const ms = Date.now() - started;
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: null, field: 'file', message: 'has more than 50000 rows; import at most 50000 at a time' },
    ]);
    // Reading all of it took 15 s and 1.6 GB; stopping at the limit takes about 1.5 s.
    expect(ms).toBeLessThan(5_000);
    expect(await aiSystems()).toBe(0);
  }, 60_000);

  it('keeps answering the health check while three such workbooks are read', async () => {
    const data = fs.readFileSync(path.join(os.tmpdir(), 'openaims-tall-1000000.xlsx'));
    const uploads = Array.from({ length: 3 }, () => owner.request('POST', importUrl(), data, { 'content-type': XLSX }));
    const waits: number[] = [];
    let done = false;
    const all = Promise.all(uploads).finally(() => {
      done = true;
    });
    while (!done) {
      const started = Date.now();
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      waits.push(Date.now() - started);
      await new Promise((r) => setTimeout(r, 50));
    }
    expect((await all).map((r) => r.status)).toEqual([400, 400, 400]);
    console.log(`health checked ${waits.length} times during three hostile uploads; slowest answer ${Math.max(...waits)} ms`);
    // Reading yields between chunks: the event loop is never held for long (reading in full held it for seconds).
    expect(Math.max(...waits)).toBeLessThan(2_000);
  }, 60_000);

  it('refuses a workbook with more shared strings than it may hold, naming the limit', async () => {
    const strings = `<sst>${'<si><t>x</t></si>'.repeat(1_000_001)}</sst>`;
    const res = await owner.request('POST', importUrl(), workbookWithSharedStrings(strings), { 'content-type': XLSX });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { row: null, field: 'file', message: 'has more than 1000000 shared strings; at most that many are read' },
    ]);
  }, 30_000);

  it('answers a BOM nested 1,000 deep with 400 naming the limit and the place, never 500', async () => {
    const res = await owner.request('POST', `${importUrl()}?format=cyclonedx`, deepBom(1000), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toBe(`Components are nested more than ${MAX_COMPONENT_NESTING} levels deep. Nothing was imported.`);
    expect(res.body.errors[0].field).toBe(`$${'.components[0]'.repeat(MAX_COMPONENT_NESTING + 1)}`);
  });

  describe('refuses before reading the body: a 19 MB upload, of which 64 KiB is sent', () => {
    const DECLARED = 19 * MB;
    const routes = () => [
      { name: 'inventory import (CSV)', url: importUrl(), type: 'text/csv' },
      { name: 'inventory import (XLSX)', url: importUrl(), type: XLSX },
      { name: 'inventory import (CycloneDX)', url: `${importUrl()}?format=cyclonedx`, type: 'application/json' },
      { name: 'training records import', url: `/api/v1/orgs/${orgId}/training-records/import`, type: 'text/csv' },
      { name: 'file upload (evidence, documents)', url: `/api/v1/orgs/${orgId}/files`, type: 'multipart/form-data; boundary=x' },
      {
        name: 'observations push',
        url: `/api/v1/orgs/${orgId}/ai-systems/01900000-0000-7000-8000-000000000000/observations`,
        type: 'application/json',
      },
    ];
    const headersOf = (c: Client | null) =>
      c ? { cookie: c.cookie ?? '', 'x-csrf-token': c.csrf ?? '' } : ({} as Record<string, string>);

    it('anonymous: 401; outside the organization: 404; viewer: 403, each at once', async () => {
      const seen: string[] = [];
      for (const r of routes()) {
        for (const [who, client, status] of [
          ['anonymous', null, 401],
          ['outsider', outsider, 404],
          ['viewer', viewer, 403],
        ] as const) {
          const answer = await postWithoutBody(port, r.url, { 'content-type': r.type, ...headersOf(client) }, DECLARED, 5_000);
          seen.push(`${r.name} as ${who}: ${answer.status}`);
          expect(`${r.name} as ${who}: ${answer.status}`).toBe(`${r.name} as ${who}: ${status}`);
          expect(JSON.parse(answer.body).status).toBe(status);
        }
      }
      expect(seen).toHaveLength(18);
      expect(await aiSystems()).toBe(0);
    }, 60_000);

    it('outside organizations (no upload routes there), anonymous or over the 1 MiB limit is refused unread', async () => {
      const answers: string[] = [];
      for (const url of ['/api/v1/orgs', '/api/v1/session', '/api/v1/setup', '/api/v1/account/password']) {
        const answer = await postWithoutBody(port, url, { 'content-type': 'application/json' }, DECLARED, 5_000);
        // 401 where signing in is needed, else 413 from the declared length alone; never a wait for the body.
        answers.push(`${url}: ${[401, 413].includes(answer.status ?? 0) ? 'refused unread' : answer.status}`);
      }
      expect(answers).toEqual([
        '/api/v1/orgs: refused unread',
        '/api/v1/session: refused unread',
        '/api/v1/setup: refused unread',
        '/api/v1/account/password: refused unread',
      ]);
    });

    it('the owner, allowed to upload, is kept waiting for the body: the check above would see a route that reads first', async () => {
      const answer = await postWithoutBody(
        port,
        importUrl(),
        { 'content-type': 'text/csv', ...headersOf(owner) },
        DECLARED,
        1_000,
      );
      expect(answer.status).toBeNull();
    });
  });
});
