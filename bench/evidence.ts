// Evidence coverage at scale (issue 12): GET /evidence/coverage on 100,000
// evidence items in one organization with about 1.5 links each (Annex A
// controls, clauses, some own controls), a fifth expired, a tenth expiring,
// a few hundred archived. Targets: coverage under 200 ms (aim p95 < 100 ms),
// the list by control p95 < 50 ms. Prints numbers; the target is printed
// beside them, never asserted. Alone: `npx tsx bench/evidence.ts`
// (PostgreSQL too with PG_TEST_URL). Measured 2026-12-01, 2 cores at load 6-8
// (p50/p95 ms, month buckets + IN subquery -> day buckets + EXISTS):
// coverage SQLite 290/853 -> 22-32/93-183, PostgreSQL 164/334 -> 36-68/64-155;
// by control SQLite 113/234 -> 10-27/23-51, PostgreSQL 387/512 -> 28-34/59-156.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../src/app.js';
import { ANNEX_A, CLAUSES } from '../src/catalogue/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { type Database, type Db, openDatabase } from '../src/platform/db/db.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { settleAfterBulkLoad } from '../src/platform/db/bulk-load.js';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { testDialects } from '../test/support/db.js';
import { filterEvidence } from '../src/modules/evidence/evidence.repository.js';

const ITEMS = 100_000;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function sqliteFileApp(dir: string): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: dir, webDir: '/nonexistent' }, {}));
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** 100,000 items straight into the tables (the API would take minutes), links with the item's dates. */
export async function seedEvidence(db: Db, orgId: string): Promise<number> {
  const now = new Date().toISOString();
  let links = 0;
  // what the app keeps per target (and area) and end date on every write
  const counts = new Map<
    string,
    { target_kind: string; target_id: string; valid_day: string; n: number; latest_collected_on: string }
  >();
  const count = (target_kind: string, target_id: string, validUntil: string | null, collectedOn: string) => {
    const valid_day = validUntil ?? '9999-12-31';
    const key = `${target_kind}|${target_id}|${valid_day}`;
    const c = counts.get(key) ?? { target_kind, target_id, valid_day, n: 0, latest_collected_on: collectedOn };
    c.n++;
    if (collectedOn > c.latest_collected_on) c.latest_collected_on = collectedOn;
    counts.set(key, c);
  };
  for (let start = 0; start < ITEMS; start += 2000) {
    const items = [];
    const rows = [];
    for (let i = start; i < Math.min(ITEMS, start + 2000); i++) {
      const id = uuidv7();
      const validUntil =
        i % 5 === 0 ? day(-(i % 300) - 1) : i % 10 === 1 ? day(i % 30) : i % 3 === 0 ? null : day(60 + (i % 600));
      const collectedOn = day(-(i % 700));
      const targets: [string, string][] = [['control', ANNEX_A[i % ANNEX_A.length].id]];
      if (i % 2 === 0) targets.push(i % 8 === 0 ? ['control', `OC-0${i % 5}`] : ['requirement', CLAUSES[i % CLAUSES.length].id]);
      items.push({
        id,
        org_id: orgId,
        number_seq: i + 1,
        title: `Evidence ${i + 1}`,
        title_key: `evidence ${i + 1}`,
        description: '',
        kind: 'link' as const,
        file_id: null,
        url: 'https://intranet.example.com/evidence',
        record_kind: null,
        record_id: null,
        collected_on: collectedOn,
        period_from: null,
        period_to: null,
        valid_until: validUntil,
        owner_user_id: null,
        owner_name: 'Owner',
        owner_email: null,
        area: 'operation' as const,
        link_count: targets.length,
        created_at: now,
        updated_at: now,
        archived_at: i % 300 === 7 ? now : null,
      });
      count('area', 'operation', validUntil, collectedOn);
      for (const [target_kind, target_id] of targets) count(target_kind, target_id, validUntil, collectedOn);
      for (const [target_kind, target_id] of targets)
        rows.push({
          org_id: orgId,
          evidence_id: id,
          target_kind: target_kind as 'control',
          target_id,
          valid_until: validUntil,
          collected_on: collectedOn,
        });
    }
    for (let i = 0; i < items.length; i += 500)
      await db
        .insertInto('evidence')
        .values(items.slice(i, i + 500))
        .execute();
    for (let i = 0; i < rows.length; i += 1000)
      await db
        .insertInto('evidence_links')
        .values(rows.slice(i, i + 1000))
        .execute();
    links += rows.length;
  }
  const all = [...counts.values()].map((c) => ({ org_id: orgId, ...c, target_kind: c.target_kind as 'control' }));
  for (let i = 0; i < all.length; i += 1000)
    await db
      .insertInto('evidence_counts')
      .values(all.slice(i, i + 1000))
      .execute();
  return links;
}

/** The plan of the list's first page filtered by a control (the register kit's keyset query, newest first). */
async function explainByControl(db: Db, orgId: string) {
  const plan = await filterEvidence(
    db.selectFrom('evidence').selectAll().where('org_id', '=', orgId).where('archived_at', 'is', null),
    { controlId: 'A.6.2.6' },
    orgId,
    day(0),
  )
    .orderBy('number_seq', 'desc')
    .orderBy('id', 'desc')
    .limit(51)
    .explain<{ 'QUERY PLAN': string }>(undefined, sql`analyze`);
  console.log(`postgres EXPLAIN ANALYZE list by control:\n  ${plan.map((r) => r['QUERY PLAN']).join('\n  ')}`);
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-evidence-'));
  const t = dialect === 'sqlite' ? await sqliteFileApp(dir) : await createTestApp('postgres');
  try {
    const { client, orgId } = await setupOwner(t.app);
    const db = t.database.db;
    const t0 = performance.now();
    const links = await seedEvidence(db, orgId);
    await settleAfterBulkLoad(db);
    console.log(
      `${dialect.padEnd(8)} seed ${ITEMS.toLocaleString('en')} evidence items, ${links} links (${ms(performance.now() - t0)})`,
    );
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const get = async (q: string) => {
      const r = await fetch(`${base}/api/v1/orgs/${orgId}/evidence${q}`, { headers: { cookie: client.cookie as string } });
      if (r.status !== 200) throw new Error(`${q}: HTTP ${r.status}`);
      return r.json();
    };
    if (dialect === 'postgres') await explainByControl(db, orgId);
    const cov = (await get('/coverage')) as { totals: Record<string, number> };
    console.log(`${dialect.padEnd(8)} coverage totals ${JSON.stringify(cov.totals)}`);
    for (const [label, q, runs] of [
      ['GET evidence/coverage', '/coverage', 30],
      ['GET evidence?controlId=A.6.2.6 (first 50)', '?controlId=A.6.2.6', 30],
      ['GET evidence?state=expiring (first 50)', '?state=expiring', 30],
    ] as const) {
      for (let i = 0; i < 3; i++) await get(q);
      const wall: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await get(q);
        wall.push(performance.now() - s);
      }
      const p95 = pct(wall, 95);
      console.log(
        `${dialect.padEnd(8)} ${label.padEnd(44)} p50 ${ms(pct(wall, 50))} p95 ${ms(p95)}  (n=${runs}; target < 200 ms: ${p95 < 200 ? 'met' : 'MISSED'})`,
      );
    }
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchEvidence(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect);
}

// Keeps the bench runnable alone: `npx tsx bench/evidence.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await benchEvidence();
}
