import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_TABLES, authVersion } from '../../src/platform/db/auth-version.js';
import { orgLookup } from '../../src/platform/http/auth-context.js';
import { type Database, nowIso, openDatabase } from '../../src/platform/db/db.js';
import '../../src/modules/mfa/mfa.tables.js';
import { addMember, Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { recordQueries } from '../support/query-log.js';

// Issue 17: the auth cache serves a request's session, user and membership
// from memory while nothing they come from has changed. What must hold: a
// repeated request reads none of them from the database, and any change to
// them, made through the API or by another process on the same database,
// decides the next request (SQLite), or one a moment later (PostgreSQL: the
// notice from another node).

const readsSession = (statements: string[]) => statements.some((s) => /from "(sessions|api_tokens)"/.test(s));

/** Retries `probe` every 10 ms until it is true or 3 s have passed; answers the milliseconds it took, or -1. */
async function within(probe: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < 3000) {
    if (await probe()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 10));
  }
  return -1;
}

describe.each(testDialects())('the auth cache (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  /** another process's connection to the same database: the CLI, or a second node */
  let other: Database;
  const org = (p = '') => `/api/v1/orgs/${orgId}${p}`;
  let n = 0;

  /** A new member with `role`, signed in on the app. */
  async function member(role: string) {
    const email = `cache.${dialect}.${++n}@example.com`;
    const { userId } = await addMember(owner, t.app, orgId, { email, role, name: `Member ${n}` });
    return { client: await signIn(t.app, email), userId };
  }

  /** Repeats `get` until a request of it reads no session (PostgreSQL starts listening on first use). */
  async function cached(client: Client, url: string) {
    const log = recordQueries(t.database.db);
    const ms = await within(async () => {
      log.reset();
      expect((await client.get(url)).status).toBe(200);
      return !readsSession(log.statements);
    });
    expect(ms, 'a repeated request should be served from the cache').toBeGreaterThanOrEqual(0);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const set = await setupOwner(t.app, `owner.cache.${dialect}@example.com`);
    owner = set.client;
    orgId = set.orgId;
    other =
      dialect === 'sqlite'
        ? openDatabase({ dataDir: '/unused', databaseUrl: `sqlite:${t.database.file}` })
        : openDatabase({ dataDir: '/tmp', databaseUrl: process.env.PG_TEST_URL, pgSchema: t.database.schema });
  });
  afterAll(async () => {
    await other.close();
    await t.close();
  });

  it('serves a repeated request without reading the session, the user or the membership again', async () => {
    const { client } = await member('viewer');
    await cached(client, org('/members'));
    const log = recordQueries(t.database.db);
    for (let i = 0; i < 5; i++) expect((await client.get(org('/members'))).status).toBe(200);
    expect(readsSession(log.statements)).toBe(false);
    // A transaction never reads from the cache (it may roll back, and sees its own writes).
    await t.database.db.transaction().execute(async (tx) => expect(authVersion(tx)).toBeNull());
  });

  it('decides the very next request after a change through the API: role, removal, sign-out, token revoked', async () => {
    const { client, userId } = await member('admin');
    await cached(client, org('/audit-log'));
    expect((await owner.patch(org(`/members/${userId}`), { role: 'viewer' })).status).toBe(200);
    expect((await client.get(org('/audit-log'))).status).toBe(403);
    await cached(client, org('/members'));
    expect((await owner.delete(org(`/members/${userId}`))).status).toBe(204);
    expect((await client.get(org('/members'))).status).toBe(404);

    const second = await member('viewer');
    await cached(second.client, org('/members'));
    expect((await second.client.delete('/api/v1/session')).status).toBe(204);
    expect((await second.client.get(org('/members'))).status).toBe(401);

    const third = await member('viewer');
    const issued = await third.client.post('/api/v1/tokens', { name: 'script' });
    expect(issued.status).toBe(201);
    const script = new Client(t.app, undefined, undefined, issued.body.token);
    await cached(script, org('/members'));
    expect((await third.client.delete(`/api/v1/tokens/${issued.body.id}`)).status).toBe(204);
    expect((await script.get(org('/members'))).status).toBe(401);
  });

  // Each row: a change another process makes to one of the tables the
  // authentication statement reads, and what the member's next request gets.
  const changes: [string, number, (db: Database, s: { userId: string; orgId: string }) => Promise<unknown>][] = [
    [
      'users: account disabled',
      401,
      (d, s) => d.db.updateTable('users').set({ disabled_at: nowIso() }).where('id', '=', s.userId).execute(),
    ],
    ['sessions: ended', 401, (d, s) => d.db.deleteFrom('sessions').where('user_id', '=', s.userId).execute()],
    [
      'sessions: expired',
      401,
      (d, s) =>
        d.db.updateTable('sessions').set({ expires_at: '2020-01-01T00:00:00.000Z' }).where('user_id', '=', s.userId).execute(),
    ],
    [
      'memberships: role lowered',
      403,
      (d, s) =>
        d.db
          .updateTable('memberships')
          .set({ role: 'viewer' })
          .where('user_id', '=', s.userId)
          .where('org_id', '=', s.orgId)
          .execute(),
    ],
    [
      'mfa_org_policies: two-step verification required',
      403,
      (d, s) =>
        d.db
          .insertInto('mfa_org_policies')
          .values({ org_id: s.orgId, required: 1, updated_at: nowIso(), updated_by: null })
          .execute(),
    ],
    [
      'organizations: archived',
      404,
      (d, s) => d.db.updateTable('organizations').set({ archived_at: nowIso() }).where('id', '=', s.orgId).execute(),
    ],
  ];

  for (const [what, status, change] of changes) {
    it(`sees a change made by another process: ${what}`, async () => {
      // An organization of its own: archiving or an MFA policy must not reach the other tests.
      const own = (await owner.post('/api/v1/orgs', { name: `Cache ${what}` })).body.id as string;
      const email = `cache.${dialect}.${++n}@example.com`;
      const { userId } = await addMember(owner, t.app, own, { email, role: 'admin', name: `Member ${n}` });
      const client = await signIn(t.app, email);
      const url = `/api/v1/orgs/${own}/audit-log`;
      await cached(client, url);
      await change(other, { userId, orgId: own });
      if (dialect === 'sqlite') {
        expect((await client.get(url)).status).toBe(status);
      } else {
        // Another node's change arrives as a notice: within milliseconds, and never not at all.
        const ms = await within(async () => (await client.get(url)).status === status);
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(1000);
      }
    });
  }

  it('is told of changes to every table the authentication statement reads, org checks included', async () => {
    const { client } = await member('viewer');
    const log = recordQueries(t.database.db);
    await client.get(org('/members'));
    const auth = log.statements.find((s) => /from "sessions"/.test(s)) ?? '';
    const read = [...auth.matchAll(/(?:from|join) "([a-z_]+)"/g)].map((m) => m[1]);
    expect(read).toContain('mfa_org_policies');
    for (const table of read) expect(AUTH_TABLES).toContain(table);
    expect(orgLookup(orgId).extras.length).toBeGreaterThan(0);
    if (dialect === 'postgres') {
      const { rows } = await sql<{ table: string }>`select distinct c.relname as table from pg_trigger g
        join pg_class c on c.oid = g.tgrelid join pg_namespace s on s.oid = c.relnamespace
        where s.nspname = ${t.database.schema} and g.tgname like '%auth_%'`.execute(t.database.db);
      expect(rows.map((r) => r.table).sort()).toEqual([...AUTH_TABLES].sort());
    }
  });

  it.runIf(dialect === 'postgres')(
    'caches nothing behind a pooler in transaction mode (prepared statements off), where LISTEN hears nothing',
    async () => {
      const pooled = openDatabase({
        dataDir: '/tmp',
        databaseUrl: process.env.PG_TEST_URL,
        pgSchema: t.database.schema,
        pgPrepare: false,
      });
      try {
        await pooled.db.selectFrom('users').select('id').limit(1).execute();
        // With a version, the first call starts listening and a later one has it.
        expect(authVersion(pooled.db)).toBeNull();
        await new Promise((r) => setTimeout(r, 300));
        expect(authVersion(pooled.db)).toBeNull();
      } finally {
        await pooled.close();
      }
    },
  );

  it.runIf(dialect === 'postgres')(
    'reads the database on every request while it cannot hear notices, and catches up after',
    async () => {
      const { client, userId } = await member('admin');
      await cached(client, org('/audit-log'));
      const listener = () =>
        sql<{
          pid: number;
        }>`select pid from pg_stat_activity where application_name = ${`aims-auth ${t.database.schema}`}`.execute(other.db);
      expect((await listener()).rows).toHaveLength(1);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`aims-auth ${t.database.schema}`}`.execute(
        other.db,
      );
      expect(await within(async () => authVersion(t.database.db) === null)).toBeGreaterThanOrEqual(0);
      // Unheard: made while no one listens. The next request reads the database itself.
      await other.db
        .updateTable('memberships')
        .set({ role: 'viewer' })
        .where('user_id', '=', userId)
        .where('org_id', '=', orgId)
        .execute();
      expect((await client.get(org('/audit-log'))).status).toBe(403);
      // Listening again within a few seconds, and caching again.
      expect(await within(async () => authVersion(t.database.db) !== null)).toBeGreaterThanOrEqual(0);
      await cached(client, org('/members'));
      expect((await listener()).rows).toHaveLength(1);
    },
  );
});
