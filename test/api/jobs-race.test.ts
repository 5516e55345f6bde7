import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { listReminderJobs, registerReminderJob, runDueJobs, unregisterReminderJob } from '../../src/platform/jobs/index.js';
import { addMember, createTestApp, setupOwner } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { raceJob } from './jobs-race.fixture.js';

// Only this file's jobs run here: the modules' own (registered when the app is
// imported) have their tests, and would add their deliveries to the counts.
beforeAll(() => {
  for (const job of listReminderJobs()) unregisterReminderJob(job.name);
});

// Two app nodes on one database run the reminder jobs at the same time: each
// reminder reaches each member once, and only one node runs a job at a time.

const BASE = '2027-03-01T07:00:00.000Z';

async function seed(database: Database) {
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {}));
  await app.ready();
  const { client, orgId, userId } = await setupOwner(app);
  await addMember(client, app, orgId, { email: 'member@example.com', role: 'editor', name: 'Mia Member' });
  const member = await database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'member@example.com')
    .executeTakeFirstOrThrow();
  await app.close();
  return { orgId, userIds: [userId, member.id] };
}

async function perUserItem(database: Database) {
  const rows = await database.db
    .selectFrom('notifications')
    .select(['user_id', 'title', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['user_id', 'title'])
    .execute();
  return rows.map((r) => Number(r.n));
}

function runNode(file: string, orgId: string, userIds: string[], nodeId: string): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'test/api/jobs-node.ts', file, orgId, JSON.stringify(userIds), '10', BASE, nodeId],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`node ${nodeId} failed: ${err}`))));
  });
}

afterEach(() => unregisterReminderJob('race-test'));

describe('reminders on two SQLite connections (two processes, one file)', () => {
  it('delivers each reminder to each member exactly once over 20 concurrent runs', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-jobs-'));
    const file = path.join(dir, 'openaims.sqlite');
    const database = openDatabase({ dataDir: dir, databaseUrl: `sqlite:${file}` });
    await migrateToLatest(database);
    const { orgId, userIds } = await seed(database);

    const [a, b] = await Promise.all([runNode(file, orgId, userIds, 'node-a'), runNode(file, orgId, userIds, 'node-b')]);
    // Five items were delivered in all, whichever node won each.
    expect([...a, ...b].reduce((x, y) => x + y, 0)).toBe(5);
    const counts = await perUserItem(database);
    expect(counts).toHaveLength(10); // 5 items x 2 members
    expect(counts.every((n) => n === 1)).toBe(true);
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});

describe.skipIf(!process.env.PG_TEST_URL)('reminders on two PostgreSQL nodes', () => {
  it('delivers each reminder to each member exactly once over 20 concurrent runs', async () => {
    const t = await createTestApp('postgres');
    const second = openDatabase({ dataDir: '/tmp', databaseUrl: process.env.PG_TEST_URL, pgSchema: t.database.schema });
    try {
      const { orgId, userIds } = await seed(t.database);
      registerReminderJob(raceJob(orgId, userIds));
      const base = new Date(BASE).getTime();
      // Six minutes apart, longer than a lease: every run may take the lease and run the due query.
      const runs = Array.from({ length: 20 }, (_, i) =>
        runDueJobs((i % 2 ? second : t.database).db, {
          mailer: null,
          nodeId: i % 2 ? 'node-b' : 'node-a',
          now: new Date(base + i * 6 * 60_000),
        }),
      );
      const results = await Promise.all(runs);
      // Several runs overlapped in the due query: the delivery rows, not the lease, kept it to once.
      expect(results.filter((r) => r.ran.includes('race-test')).length).toBeGreaterThan(1);
      expect(results.reduce((n, r) => n + r.delivered, 0)).toBe(5);
      const counts = await perUserItem(t.database);
      expect(counts).toHaveLength(10);
      expect(counts.every((n) => n === 1)).toBe(true);
    } finally {
      await second.close();
      await t.close();
    }
  }, 60_000);
});

describe.each(testDialects())('the job lease (%s)', (dialect) => {
  it('keeps a second node from running the due query while the first runs it', async () => {
    let dir: string | undefined;
    let a: Database;
    let b: Database;
    let cleanup: () => Promise<void>;
    if (dialect === 'sqlite') {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-lease-'));
      const url = `sqlite:${path.join(dir, 'openaims.sqlite')}`;
      a = openDatabase({ dataDir: dir, databaseUrl: url });
      await migrateToLatest(a);
      b = openDatabase({ dataDir: dir, databaseUrl: url });
      cleanup = async () => {
        await b.close();
        await a.close();
        fs.rmSync(dir as string, { recursive: true, force: true });
      };
    } else {
      const t = await createTestApp('postgres');
      a = t.database;
      b = openDatabase({ dataDir: '/tmp', databaseUrl: process.env.PG_TEST_URL, pgSchema: t.database.schema });
      cleanup = async () => {
        await b.close();
        await t.close();
      };
    }
    let calls = 0;
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    let entered = () => {};
    const inDue = new Promise<void>((r) => {
      entered = r;
    });
    registerReminderJob({
      name: 'lease-test',
      cron: '0 * * * *',
      async due() {
        calls++;
        entered();
        await gate;
        return [];
      },
    });
    try {
      const now = new Date(BASE);
      const first = runDueJobs(a.db, { mailer: null, nodeId: 'node-a', now });
      await inDue;
      const second = await runDueJobs(b.db, { mailer: null, nodeId: 'node-b', now });
      expect(second.busy).toEqual(['lease-test']);
      expect(calls).toBe(1);
      release();
      expect((await first).ran).toEqual(['lease-test']);
      // Node B, once the lease is free, finds the tick already run.
      expect((await runDueJobs(b.db, { mailer: null, nodeId: 'node-b', now })).ran).toEqual([]);
      // The next hour's tick is B's to run.
      const later = new Date(now.getTime() + 3600_000);
      expect((await runDueJobs(b.db, { mailer: null, nodeId: 'node-b', now: later })).ran).toEqual(['lease-test']);
      expect(calls).toBe(2);
    } finally {
      unregisterReminderJob('lease-test');
      await cleanup();
    }
  }, 60_000);
});
