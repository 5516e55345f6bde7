// Statement of Applicability at scale (issue 11): GET /soa on 20,000 risks
// over 10,000 AI systems, every risk with a treatment action relying on one
// or two controls (Annex A and five own controls), so hundreds of risks rely
// on each control; each row counts them and lists the first 20. Target:
// under 100 ms. Prints numbers; the target is printed beside them, never
// asserted. Alone: `npx tsx bench/soa.ts` (PostgreSQL too with PG_TEST_URL).
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
import { type Client, createTestApp, setupOwner } from '../test/support/app.js';
import { testDialects } from '../test/support/db.js';
import { seedForProfile } from './risks.js';

const OWN = ['OC-01', 'OC-02', 'OC-03', 'OC-04', 'OC-05'];

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

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

/** Wall clock and this process's CPU time per call (on a busy machine the wall clock also waits for others). */
async function measure(label: string, dialect: string, target: number, runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 5; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const [p95, cpu95] = [pct(wall, 95), pct(cpu, 95)];
  console.log(
    `${dialect.padEnd(8)} ${label.padEnd(62)} wall p50 ${ms(pct(wall, 50))} p95 ${ms(p95)} | cpu p50 ${ms(pct(cpu, 50))} p95 ${ms(cpu95)}  (n=${runs}; target < ${target} ms: wall ${p95 < target ? 'met' : 'MISSED'}, cpu ${cpu95 < target ? 'met' : 'MISSED'})`,
  );
}

/** The risk bench's 10,000 systems and 20,000 risks, then a treatment action on every risk that has none. */
async function seed(db: Db, orgId: string, userId: string): Promise<number> {
  await seedForProfile(db, orgId, userId);
  const untreated = await db
    .selectFrom('risks')
    .select(['id'])
    .where('org_id', '=', orgId)
    .where('action_count', '=', 0)
    .orderBy('number_seq')
    .execute();
  const now = new Date().toISOString();
  const actions = [];
  const controls = [];
  for (const [i, r] of untreated.entries()) {
    const id = uuidv7();
    const ids = [ANNEX_A[i % ANNEX_A.length].id, ...(i % 4 === 0 ? [OWN[i % OWN.length]] : [])];
    actions.push({
      id,
      org_id: orgId,
      risk_id: r.id,
      title: 'Seeded treatment',
      owner_user_id: null,
      owner_name: 'Owner',
      owner_email: null,
      due_date: '2026-12-01',
      status: 'planned' as const,
      control_ids: JSON.stringify(ids),
      created_at: now,
      updated_at: now,
    });
    for (const control_id of ids) controls.push({ org_id: orgId, action_id: id, risk_id: r.id, control_id });
  }
  for (let i = 0; i < actions.length; i += 800)
    await db
      .insertInto('risk_treatment_actions')
      .values(actions.slice(i, i + 800))
      .execute();
  for (let i = 0; i < controls.length; i += 2000)
    await db
      .insertInto('risk_action_controls')
      .values(controls.slice(i, i + 2000))
      .execute();
  await db.updateTable('risks').set({ action_count: 1 }).where('org_id', '=', orgId).where('action_count', '=', 0).execute();
  const n = await db
    .selectFrom('risk_action_controls')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(n.n);
}

/** A draft with five own controls, some rows excluded (flagged where risks rely on them) and owners. */
async function draftSoa(client: Client, orgId: string, userId: string) {
  for (const id of OWN) {
    const r = await client.post(`/api/v1/orgs/${orgId}/soa/own-controls`, { controlId: id, title: `Own control ${id}` });
    if (r.status !== 201) throw new Error(`own control: HTTP ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
  }
  for (const [i, c] of ANNEX_A.entries()) {
    const body =
      i % 9 === 0
        ? { applicable: false, justification: 'Not relevant to our AI use' }
        : { justification: 'Treats risks', implementationStatus: 'planned', owner: { userId } };
    const r = await client.patch(`/api/v1/orgs/${orgId}/soa/rows/${c.id}`, body);
    if (r.status !== 200) throw new Error(`row ${c.id}: HTTP ${r.status}`);
  }
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-soa-'));
  const t = dialect === 'sqlite' ? await sqliteFileApp(dir) : await createTestApp('postgres');
  try {
    const { client, orgId, userId } = await setupOwner(t.app);
    const db = t.database.db;
    const t0 = performance.now();
    const links = await seed(db, orgId, userId);
    await draftSoa(client, orgId, userId);
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    const check = (await client.get(`/api/v1/orgs/${orgId}/soa`)).body as {
      rows: { linkedRisks: unknown[] }[];
      checks: { code: string }[];
    };
    const shown = check.rows.reduce((n, r) => n + r.linkedRisks.length, 0);
    const flagged = check.checks.filter((c) => c.code === 'excluded-control-treats-risks').length;
    console.log(
      `${dialect.padEnd(8)} seed 20,000 risks over 10,000 AI systems, ${links} control links; the SoA's ${check.rows.length} rows list ${shown} linked risks, ${flagged} flagged (${ms(performance.now() - t0)})`,
    );
    // Over real HTTP on loopback (inject's in-memory response copies megabytes
    // more than a socket does); the body is read whole but not parsed (a
    // client's JSON.parse of megabytes is the client's cost).
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const get = (q: string) => async () => {
      const r = await fetch(`${base}/api/v1/orgs/${orgId}/soa${q}`, { headers: { cookie: client.cookie! } });
      if (r.status !== 200) throw new Error(`${q}: HTTP ${r.status}`);
      await r.arrayBuffer();
    };
    await measure('GET soa (current rows, linked risks counted, 20 listed)', dialect, 100, 50, get(''));
    await measure('GET soa/versions/1 (one version, linked risks counted, 20 listed)', dialect, 100, 20, get('/versions/1'));
    // nothing is cached: this read is as cold as any other (the links are read on every read)
    let n = 0;
    const afterWrite = async () => {
      await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: `Bench system ${++n}`, inScope: false });
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await get('')();
      return { wall: performance.now() - t0, cpu: process.cpuUsage(c0) };
    };
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 20; i++) {
      const r = await afterWrite();
      wall.push(r.wall);
      cpu.push((r.cpu.user + r.cpu.system) / 1000);
    }
    console.log(
      `${dialect.padEnd(8)} ${'GET soa right after a write elsewhere (links read anew)'.padEnd(62)} wall p50 ${ms(pct(wall, 50))} p95 ${ms(pct(wall, 95))} | cpu p50 ${ms(pct(cpu, 50))} p95 ${ms(pct(cpu, 95))}  (n=20; target < 100 ms: wall ${pct(wall, 95) < 100 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The bench's data in an organization, for profiling. */
export async function benchSeedForProfile(db: Db, client: Client, orgId: string, userId: string) {
  await seed(db, orgId, userId);
  await draftSoa(client, orgId, userId);
}

export async function benchSoa(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect);
}

// Keeps the bench runnable alone: `npx tsx bench/soa.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await benchSoa();
}
