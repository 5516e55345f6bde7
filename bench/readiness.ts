// Readiness at scale (brief D): GET /readiness for an organization with 1,000
// AI systems (in scope, with owners and risk levels), 5,000 risks on them and
// 20,000 evidence items linked to Annex A controls, seeded with multi-row
// inserts in one transaction. Target: p95 under 300 ms. Prints numbers; the
// target is printed beside them, never asserted. Alone: `npx tsx bench/readiness.ts`
// (PostgreSQL too with PG_TEST_URL).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../src/app.js';
import { ANNEX_A } from '../src/catalogue/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import { type Database, type Db, openDatabase } from '../src/platform/db/db.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { fold } from '../src/platform/text.js';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { testDialects } from '../test/support/db.js';

const SYSTEMS = 1_000;
const RISKS = 5_000;
const ITEMS = 20_000;
const TARGET_MS = 300;

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

async function inChunks<T>(rows: T[], size: number, write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

const LEVELS = ['low', 'medium', 'high'];

async function seed(db: Db, orgId: string, userId: string) {
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const systems = Array.from({ length: SYSTEMS }, (_, i) => {
      const name = `System ${String(i + 1).padStart(4, '0')}`;
      return {
        id: uuidv7(),
        org_id: orgId,
        external_id: null,
        name,
        name_key: fold(name),
        kind: null,
        business_owner_user_id: userId,
        business_owner_name: null,
        business_owner_email: null,
        technical_owner_user_id: null,
        technical_owner_name: i % 50 === 0 ? null : 'Platform team',
        technical_owner_email: null,
        purpose: `Purpose ${i}`,
        user_impact: '[]',
        data_categories: '[]',
        data_source: '',
        data_sensitivity: null,
        risk_level: i % 40 === 0 ? null : LEVELS[i % 3],
        monitoring_method: i % 7 === 0 ? '' : 'Weekly drift report',
        ai_role: null,
        lifecycle_stage: null,
        in_scope: 1,
        intended_use: '',
        foreseeable_misuse: '',
        human_oversight: '',
        deployment_date: null,
        last_review_date: day(-10),
        tags: '[]',
        created_at: now,
        updated_at: now,
        archived_at: null,
        merged_into_id: null,
      };
    });
    await inChunks(systems, 400, (c) => tx.insertInto('ai_systems').values(c).execute());
    const risks = [];
    const links = [];
    for (let n = 1; n <= RISKS; n++) {
      const id = uuidv7();
      const title = `Risk ${n}`;
      risks.push({
        id,
        org_id: orgId,
        number_seq: n,
        title,
        title_key: fold(title),
        source_category: 'fairness',
        cause: 'Seeded cause',
        event: 'Seeded event',
        consequence: 'Seeded consequence',
        owner_user_id: null,
        owner_name: 'Owner',
        owner_email: null,
        inherent_likelihood: 2,
        inherent_impact: 2,
        inherent_level: 'low',
        inherent_rank: 1,
        treatment_option: null,
        residual_likelihood: null,
        residual_impact: null,
        residual_level: null,
        residual_rank: 0,
        current_rank: 1,
        supplier_ids: '[]',
        accepted_by_user_id: null,
        accepted_by_name: null,
        accepted_by_email: null,
        accepted_at: null,
        acceptance_reason: null,
        next_review_date: day(100),
        status: 'open' as const,
        action_count: 0,
        created_at: now,
        updated_at: now,
        archived_at: null,
      });
      // most systems get risks; every 10th system none
      const s = (n * 7) % SYSTEMS;
      if (s % 10 !== 0) links.push({ org_id: orgId, risk_id: id, ai_system_id: systems[s].id });
    }
    await inChunks(risks, 300, (c) => tx.insertInto('risks').values(c).execute());
    await inChunks(links, 1000, (c) => tx.insertInto('risk_ai_systems').values(c).execute());

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
    const items = [];
    const rows = [];
    for (let i = 0; i < ITEMS; i++) {
      const id = uuidv7();
      const validUntil = i % 5 === 0 ? day(-(i % 300) - 1) : i % 3 === 0 ? null : day(60 + (i % 600));
      const collectedOn = day(-(i % 700));
      // leave the last few controls without evidence, as real organizations do
      const control = ANNEX_A[i % (ANNEX_A.length - 3)].id;
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
        link_count: 1,
        created_at: now,
        updated_at: now,
        archived_at: null,
      });
      count('area', 'operation', validUntil, collectedOn);
      count('control', control, validUntil, collectedOn);
      rows.push({
        org_id: orgId,
        evidence_id: id,
        target_kind: 'control' as const,
        target_id: control,
        valid_until: validUntil,
        collected_on: collectedOn,
      });
    }
    await inChunks(items, 500, (c) => tx.insertInto('evidence').values(c).execute());
    await inChunks(rows, 1000, (c) => tx.insertInto('evidence_links').values(c).execute());
    const all = [...counts.values()].map((c) => ({ org_id: orgId, ...c, target_kind: c.target_kind as 'control' }));
    await inChunks(all, 1000, (c) => tx.insertInto('evidence_counts').values(c).execute());
  });
}

async function benchDialect(dialect: 'sqlite' | 'postgres', runs = 40) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-readiness-'));
  const t = dialect === 'sqlite' ? await sqliteFileApp(dir) : await createTestApp('postgres');
  try {
    const { client, orgId, userId } = await setupOwner(t.app);
    const db = t.database.db;
    const t0 = performance.now();
    await seed(db, orgId, userId);
    console.log(
      `${dialect.padEnd(8)} seed ${SYSTEMS} AI systems, ${RISKS} risks, ${ITEMS} evidence items (one transaction)`.padEnd(80) +
        ` ${ms(performance.now() - t0)}`,
    );
    // an SoA draft, so the evidence sample draws from its applicable controls
    const soa = await client.patch(`/api/v1/orgs/${orgId}/soa/rows/A.2.2`, { justification: 'Policy in force' });
    if (soa.status >= 300) throw new Error(`SoA draft: HTTP ${soa.status} ${JSON.stringify(soa.body).slice(0, 200)}`);
    await sql`analyze`.execute(db);
    const get = async (q = '') => {
      const r = await client.get(`/api/v1/orgs/${orgId}/readiness${q}`);
      if (r.status !== 200) throw new Error(`readiness: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      return r.body;
    };
    const body = await get();
    const sampled = body.sample.rows.reduce((n: number, r: { items: unknown[] }) => n + r.items.length, 0);
    for (let i = 0; i < 3; i++) await get(); // warm caches and prepared statements
    // wall clock, and this process's CPU time: on a busy machine the wall clock waits for other
    // processes; with SQLite in process the CPU time is the work a request costs (bench/risks.ts)
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const c0 = process.cpuUsage();
      const s = performance.now();
      await get(`?seed=run-${i}`);
      wall.push(performance.now() - s);
      const c = process.cpuUsage(c0);
      cpu.push((c.user + c.system) / 1000);
    }
    const p95 = pct(wall, 95);
    const cpu95 = pct(cpu, 95);
    console.log(
      `${dialect.padEnd(8)} GET readiness (${body.sample.rows.length} controls, ${sampled} items sampled)`.padEnd(72) +
        ` wall p50 ${ms(pct(wall, 50))} p95 ${ms(p95)} | cpu p50 ${ms(pct(cpu, 50))} p95 ${ms(cpu95)}` +
        ` (n=${runs}; target < ${TARGET_MS} ms: wall ${p95 < TARGET_MS ? 'met' : 'MISSED'}, cpu ${cpu95 < TARGET_MS ? 'met' : 'MISSED'})`,
    );
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchReadiness(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect);
}

// Keeps the bench runnable alone: `npx tsx bench/readiness.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await benchReadiness();
}
