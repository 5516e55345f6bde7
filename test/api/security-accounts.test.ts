import type { FastifyInstance } from 'fastify';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { ACCOUNT_BACKOFF, PAIR_BACKOFF } from '../../src/platform/auth/throttle.rules.js';
import { Client, createTestApp, PASSWORD, setupOwner, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';
import { makeMember } from './security-accounts.support.js';

// Issue 16, item 1: sign-in throttling a client cannot walk around by writing
// its own X-Forwarded-For, a per-account backoff that an attacker cannot turn
// into a long lockout of the real user, and a per-source limit.

type Attempt = { email: string; password?: string; ip?: string; xff?: string };

function attempt(app: FastifyInstance, a: Attempt) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/session',
    remoteAddress: a.ip ?? '127.0.0.1',
    headers: a.xff ? { 'x-forwarded-for': a.xff } : {},
    payload: { email: a.email, password: a.password ?? 'a wrong guess here' },
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('sign-in throttling (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;

  const addMember = (email: string) => makeMember(t, orgId, email);
  /** Failures stored as if they had happened `agoMs` ago, one per address: the database is where nodes count them. */
  const pastFailures = async (email: string, n: number, ips: (i: number) => string, agoMs = 1000) => {
    const at = new Date(Date.now() - agoMs).toISOString();
    const rows = Array.from({ length: n }, (_, i) => ({ id: uuidv7(), email, ip: ips(i), succeeded: 0, at }));
    await t.database.db.insertInto('sign_in_attempts').values(rows).execute();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('ignores X-Forwarded-For by default: 25 failures from one socket with rotating headers are throttled', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await attempt(t.app, { email: `nobody${i}@example.com`, ip: '192.0.2.10', xff: `198.51.100.${i}` });
      statuses.push(res.statusCode);
      if (res.statusCode === 429) expect(Number(res.headers['retry-after'])).toBeGreaterThan(800);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    // the limit is that socket's, not everyone's
    expect((await attempt(t.app, { email: 'nobody@example.com', ip: '192.0.2.11' })).statusCode).toBe(401);
  });

  it('waits 1 s after 5 failures on an account, then 2 s, with Retry-After in real seconds', async () => {
    await addMember('backoff@example.com');
    const from = { email: 'backoff@example.com', ip: '192.0.2.20' };
    for (let i = 0; i < PAIR_BACKOFF.free; i++) expect((await attempt(t.app, from)).statusCode).toBe(401);
    const first = await attempt(t.app, { ...from, password: PASSWORD });
    expect(first.statusCode).toBe(429);
    expect(first.headers['retry-after']).toBe('1');
    expect(first.json().detail).toBe('Too many attempts. Try again in 1 second or ask an administrator to unlock your account.');
    // Refused attempts are not counted: hammering does not lengthen the wait.
    for (let i = 0; i < 5; i++) expect((await attempt(t.app, from)).statusCode).toBe(429);
    await sleep(1100);
    expect((await attempt(t.app, from)).statusCode).toBe(401);
    const second = await attempt(t.app, from);
    expect(second.statusCode).toBe(429);
    expect(second.headers['retry-after']).toBe('2');
    const stored = await t.database.db
      .selectFrom('sign_in_attempts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('email', '=', 'backoff@example.com')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(6);
  });

  it('caps the wait per account and source at 15 minutes, however many failures', async () => {
    await pastFailures('capped@example.com', 60, () => '192.0.2.30');
    const res = await attempt(t.app, { email: 'capped@example.com', ip: '192.0.2.30' });
    expect(res.statusCode).toBe(429);
    const wait = Number(res.headers['retry-after']);
    expect(wait).toBeLessThanOrEqual(PAIR_BACKOFF.capMs / 1000);
    expect(wait).toBeGreaterThan(PAIR_BACKOFF.capMs / 1000 - 10);
    expect(res.json().detail).toMatch(/Try again in 15 minutes/);
  });

  it('cannot lock the real user out for long: failures from elsewhere cost a new address at most a minute, a known one nothing', async () => {
    await addMember('target@example.com');
    // the user signed in yesterday from their usual address
    await t.database.db
      .insertInto('sign_in_attempts')
      .values({
        id: uuidv7(),
        email: 'target@example.com',
        ip: '192.0.2.40',
        succeeded: 1,
        at: new Date(Date.now() - 86_000_000).toISOString(),
      })
      .execute();
    // an attacker fails 200 times from 200 addresses
    await pastFailures('target@example.com', 200, (i) => `203.0.113.${i}`);
    const fresh = await attempt(t.app, { email: 'target@example.com', password: PASSWORD, ip: '192.0.2.41' });
    expect(fresh.statusCode).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeLessThanOrEqual(ACCOUNT_BACKOFF.capMs / 1000);
    expect((await attempt(t.app, { email: 'target@example.com', password: PASSWORD, ip: '192.0.2.40' })).statusCode).toBe(200);
  });

  it('resets the count on a successful sign-in', async () => {
    await addMember('forgetful@example.com');
    const from = { email: 'forgetful@example.com', ip: '192.0.2.50' };
    for (let i = 0; i < 4; i++) expect((await attempt(t.app, from)).statusCode).toBe(401);
    expect((await attempt(t.app, { ...from, password: PASSWORD })).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(t.app, from)).statusCode).toBe(401);
    expect((await attempt(t.app, { ...from, password: PASSWORD })).statusCode).toBe(200);
  });

  it('counts guesses sent at the same moment: of 12 at once only 5 are checked', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () => attempt(t.app, { email: 'burst@example.com', ip: '192.0.2.60' })),
    );
    const checked = results.filter((r) => r.statusCode === 401).length;
    expect(checked).toBeLessThanOrEqual(PAIR_BACKOFF.free);
    expect(results.every((r) => r.statusCode === 401 || r.statusCode === 429)).toBe(true);
  });

  it('lets an owner unlock a member: every source may try again', async () => {
    const id = await addMember('unlockme@example.com');
    await pastFailures('unlockme@example.com', 30, (i) => `203.0.113.${i % 3}`);
    expect((await attempt(t.app, { email: 'unlockme@example.com', ip: '203.0.113.1', password: PASSWORD })).statusCode).toBe(429);
    const unlocked = await owner.post(`/api/v1/orgs/${orgId}/members/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.clearedAttempts).toBe(30);
    expect((await attempt(t.app, { email: 'unlockme@example.com', ip: '203.0.113.1', password: PASSWORD })).statusCode).toBe(200);
  });
});

describe.each(testDialects())('trusted proxies (%s)', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = loadConfig(
      { logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' },
      { OPENAIMS_TRUST_PROXY: '127.0.0.1' },
    );
    app = await buildApp(database, config);
    await app.ready();
    await setupOwner(app);
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it("believes X-Forwarded-For from a configured proxy: the client's address is the header's", async () => {
    const res = await attempt(app, { email: 'lead@example.com', password: PASSWORD, xff: '198.51.100.7' });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const sessions = await new Client(app, cookie).get('/api/v1/account/sessions');
    expect(sessions.body.items.find((s: { current: boolean }) => s.current).ip).toBe('198.51.100.7');
    // so each client behind the proxy has its own per-source limit
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push((await attempt(app, { email: `x${i}@example.com`, xff: `198.51.100.${i}` })).statusCode);
    expect(statuses.every((s) => s === 401)).toBe(true);
  });

  it('does not believe it from any other peer', async () => {
    const res = await attempt(app, { email: 'lead@example.com', password: PASSWORD, ip: '192.0.2.99', xff: '198.51.100.8' });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']).split(';')[0];
    const sessions = await new Client(app, cookie).get('/api/v1/account/sessions');
    expect(sessions.body.items.find((s: { current: boolean }) => s.current).ip).toBe('192.0.2.99');
  });
});
