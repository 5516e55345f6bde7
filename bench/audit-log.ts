// The audit log at a million rows (issue 17, item 5): `npx tsx bench/audit-log.ts
// [--rows 1000000] [--dialect sqlite|postgres|both] [--calls 20] [--before-calls 5] [--out file.json]`.
// Fills a chained log (the platform's own row hash, times spread over a year,
// one organization holding nine rows in ten), then, with migration 0042's
// indexes and again without them: each filter of the list route through HTTP
// (inject: server time, p50/p95 of --calls calls), a filter matching nothing,
// the cost of writing an audit row, and `verify` beside a plain keyset scan
// of the same rows. PostgreSQL runs when PG_TEST_URL is set.
// `measureAuditLog` is what `npm run bench` (bench/run.ts) calls on its data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { AUDIT_LOG_FILTER_INDEXES, REPLACED_INDEX } from '../migrations/0042_audit_log_indexes.js';
import { buildApp } from '../src/app.js';
import { appendAudit, appendAuditMany, verifyAuditLog } from '../src/platform/audit-log/audit-log.js';
import { canonicalJson, GENESIS_HASH, rowHash } from '../src/platform/audit-log/audit-log.rules.js';
import { auditLogPages } from '../src/platform/audit-log/audit-log.verify.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Database, Db } from '../src/platform/db/db.js';
import { openDatabase } from '../src/platform/db/db.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { setupOwner } from '../test/support/app.js';
import { createTestDatabase } from '../test/support/db.js';
import { Rng } from '../src/cli/dev-seed/random.js';

const ENTITY_TYPES = ['ai_system', 'risk', 'evidence', 'supplier', 'document', 'control', 'training', 'incident'];
const WEIGHTS = [30, 20, 25, 8, 8, 5, 3, 1]; // incidents are rare: a filter with few matches
const ACTIONS = ['create', 'update', 'update', 'update', 'create', 'delete', 'approve', 'update', 'create', 'update'];
const YEAR_MS = 365 * 24 * 3600 * 1000;

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface GeneratedLog {
  rows: number;
  ms: number;
  actors: string[];
  entityIds: string[];
}

/**
 * Appends `rows` chained rows after the log's last one, as the writer would
 * have (the platform's rowHash), then one through appendAuditMany so the head
 * moves to the end: verify passes. Single writer: nothing else may write meanwhile.
 */
export async function generateAuditLog(db: Db, orgId: string, rows: number, seed = 42): Promise<GeneratedLog> {
  const started = performance.now();
  const rng = new Rng(seed, 'bench-audit-log');
  const next = () => rng.float();
  const otherOrg = uuidFrom(next);
  const actors = Array.from({ length: 20 }, () => uuidFrom(next));
  const entityIds = Array.from({ length: 50_000 }, () => uuidFrom(next));
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  let seq = last?.seq ?? 0;
  let prevHash = last?.hash ?? GENESIS_HASH;
  const t0 = Date.now() - YEAR_MS;
  const pick = () => {
    let r = next() * 100;
    for (let i = 0; i < WEIGHTS.length; i++) {
      r -= WEIGHTS[i];
      if (r < 0) return ENTITY_TYPES[i];
    }
    return ENTITY_TYPES[0];
  };
  const CHUNK = 2000; // 13 columns: under SQLite's 32,766 bound parameters
  for (let done = 0; done < rows; ) {
    await db.transaction().execute(async (tx) => {
      for (let inTx = 0; inTx < 50_000 && done < rows; ) {
        const batch = [];
        for (let i = 0; i < CHUNK && done < rows; i++, done++, inTx++) {
          const action = ACTIONS[Math.floor(next() * ACTIONS.length)];
          const entityId = entityIds[Math.floor(next() * entityIds.length)];
          const state = {
            name: `Record ${entityId.slice(0, 8)}`,
            status: next() < 0.5 ? 'draft' : 'approved',
            version: done % 17,
          };
          const fields = {
            seq: ++seq,
            id: uuidFrom(next),
            at: new Date(t0 + Math.floor((done / rows) * YEAR_MS)).toISOString(),
            org_id: next() < 0.9 ? orgId : otherOrg,
            actor_user_id: actors[Math.floor(next() * actors.length)],
            actor: 'member@example.com',
            entity_type: pick(),
            entity_id: entityId,
            action,
            before: action === 'create' ? null : canonicalJson({ ...state, status: 'draft' }),
            after: action === 'delete' ? null : canonicalJson(state),
            prev_hash: prevHash,
          };
          prevHash = rowHash(fields);
          batch.push({ ...fields, hash: prevHash });
        }
        await tx.insertInto('audit_log').values(batch).execute();
      }
    });
  }
  await appendAuditMany(db, { userId: null, label: 'bench' }, [
    { orgId, entityType: 'bench', entityId: 'end', action: 'generate' },
  ]);
  return { rows, ms: performance.now() - started, actors, entityIds };
}

export interface Timing {
  p50: number;
  p95: number;
  matches: number;
}

export interface AuditLogBench {
  dialect: string;
  rows: number;
  indexes: 'before' | 'after';
  filters: Record<string, Timing>;
  /** microseconds per audit row: one row per transaction, and rows of a 5,000-row batch */
  insertMicros: { single: number; batched: number };
  scan: { rowsPerSecond: number; ms: number };
  verify: { rowsPerSecond: number; ms: number; ok: boolean };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const round = (n: number) => Math.round(n * 100) / 100;

/** Each filter of the list route, through HTTP, p50/p95 server time over `calls` calls. */
async function timeFilters(app: FastifyInstance, cookie: string, orgId: string, log: GeneratedLog, calls: number) {
  const mid = new Date(Date.now() - YEAR_MS / 2);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const filters: Record<string, string> = {
    'none (first page)': '',
    'action=delete': 'action=delete',
    actor: `actorUserId=${log.actors[3]}`,
    'entityType=incident (rare)': 'entityType=incident',
    entityId: `entityId=${log.entityIds[7]}`,
    'entityType+entityId': `entityType=risk&entityId=${log.entityIds[7]}`,
    'one day': `from=${day(mid)}T00:00:00Z&to=${day(mid)}T23:59:59Z`,
    'no match: action': 'action=archive',
    'no match: actor': 'actorUserId=00000000-0000-7000-8000-000000000000',
    'no match: entityType': 'entityType=nothing',
    'no match: entityId': 'entityId=nothing',
    'no match: time range': 'from=2001-01-01T00:00:00Z&to=2001-01-02T00:00:00Z',
    'no match: action+entityType': 'action=approve&entityType=bench',
  };
  const out: Record<string, Timing> = {};
  for (const [name, qs] of Object.entries(filters)) {
    const url = `/api/v1/orgs/${orgId}/audit-log?limit=50${qs ? `&${qs}` : ''}`;
    const times: number[] = [];
    let matches = 0;
    for (let i = 0; i < calls + 2; i++) {
      const t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers: { cookie } });
      const ms = performance.now() - t;
      if (res.statusCode !== 200) throw new Error(`${name}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      matches = res.json().items.length;
      if (i >= 2) times.push(ms); // two warm-up calls
    }
    times.sort((a, b) => a - b);
    out[name] = { p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)), matches };
  }
  return out;
}

/** The floor for verify: the same keyset pages (auditLogPages) of whole rows, nothing computed. */
async function plainScan(db: Db) {
  const t = performance.now();
  let rows = 0;
  for await (const page of auditLogPages(db)) rows += page.length;
  const ms = performance.now() - t;
  return { rows, ms: Math.round(ms), rowsPerSecond: Math.round(rows / (ms / 1000)) };
}

async function insertCost(db: Db, orgId: string) {
  const actor = { userId: null, label: 'bench' };
  const entry = (i: number) => ({ orgId, entityType: 'bench', entityId: `w${i}`, action: 'update', after: { n: i } });
  const single = 200;
  let t = performance.now();
  for (let i = 0; i < single; i++) await appendAudit(db, actor, entry(i));
  const singleMicros = ((performance.now() - t) * 1000) / single;
  const batch = Array.from({ length: 5000 }, (_, i) => entry(i));
  t = performance.now();
  await appendAuditMany(db, actor, batch);
  return { single: Math.round(singleMicros), batched: round(((performance.now() - t) * 1000) / batch.length) };
}

export interface MeasureOptions {
  database: Database;
  app: FastifyInstance;
  /** a session cookie of a member allowed to read the audit log */
  cookie: string;
  orgId: string;
  log: GeneratedLog;
  calls?: number;
  indexes?: 'before' | 'after';
}

/** Filters, insert cost, verify and the plain scan on a log already generated. */
export async function measureAuditLog(o: MeasureOptions): Promise<AuditLogBench> {
  const { db } = o.database;
  const filters = await timeFilters(o.app, o.cookie, o.orgId, o.log, o.calls ?? 20);
  const scan = await plainScan(db);
  const t = performance.now();
  const verified = await verifyAuditLog(db);
  const ms = performance.now() - t;
  const verify = { ok: verified.ok, ms: Math.round(ms), rowsPerSecond: Math.round(verified.rows / (ms / 1000)) };
  const insertMicros = await insertCost(db, o.orgId);
  return { dialect: o.database.dialect, rows: scan.rows, indexes: o.indexes ?? 'after', filters, insertMicros, scan, verify };
}

/** Back to the indexes before migration 0042, to measure what it changed. */
async function dropFilterIndexes(db: Db) {
  for (const { name } of AUDIT_LOG_FILTER_INDEXES) await db.schema.dropIndex(name).ifExists().execute();
  await db.schema
    .createIndex(REPLACED_INDEX.name)
    .ifNotExists()
    .on('audit_log')
    .columns([...REPLACED_INDEX.columns])
    .execute();
}

async function analyze(database: Database) {
  await sql`analyze`.execute(database.db);
}

async function runDialect(dialect: 'sqlite' | 'postgres', rows: number, calls: number, beforeCalls: number) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-audit-'));
  const database =
    dialect === 'sqlite'
      ? openDatabase({ dataDir, databaseUrl: `sqlite:${path.join(dataDir, 'bench.db')}` })
      : await createTestDatabase('postgres');
  if (dialect === 'sqlite') await migrateToLatest(database);
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir, webDir: '/nonexistent' }, {}));
  await app.ready();
  try {
    const { client, orgId } = await setupOwner(app);
    const log = await generateAuditLog(database.db, orgId, rows);
    console.error(`${dialect}: ${rows} rows generated in ${(log.ms / 1000).toFixed(1)} s`);
    await analyze(database);
    const cookie = client.cookie as string;
    const after = await measureAuditLog({ database, app, cookie, orgId, log, calls, indexes: 'after' });
    await dropFilterIndexes(database.db);
    await analyze(database);
    const before = await measureAuditLog({ database, app, cookie, orgId, log, calls: beforeCalls, indexes: 'before' });
    return { before, after, generated: { rows, seconds: round(log.ms / 1000) } };
  } finally {
    await app.close();
    if ('destroy' in database) await (database as { destroy(): Promise<void> }).destroy();
    else await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function print(r: { before: AuditLogBench; after: AuditLogBench }) {
  const { before, after } = r;
  console.log(`\n${after.dialect}, ${after.rows} rows, ms per list call (p50 / p95, before -> after 0042), matches`);
  for (const name of Object.keys(after.filters)) {
    const b = before.filters[name];
    const a = after.filters[name];
    console.log(`  ${name.padEnd(44)} ${`${b.p50} / ${b.p95}`.padStart(18)} -> ${`${a.p50} / ${a.p95}`.padEnd(16)} ${a.matches}`);
  }
  for (const [label, x] of [
    ['before', before],
    ['after', after],
  ] as const)
    console.log(
      `  ${label}: insert ${x.insertMicros.single} us/row alone, ${x.insertMicros.batched} us/row batched; ` +
        `verify ${x.verify.rowsPerSecond} rows/s (${x.verify.ok ? 'ok' : 'BROKEN'}), plain scan ${x.scan.rowsPerSecond} rows/s, ` +
        `verify/scan ${(x.verify.rowsPerSecond / x.scan.rowsPerSecond).toFixed(2)}`,
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: {
      rows: { type: 'string', default: '1000000' },
      dialect: { type: 'string', default: 'both' },
      calls: { type: 'string', default: '20' },
      // without the indexes a filter reads the whole organization: fewer calls
      'before-calls': { type: 'string', default: '5' },
      out: { type: 'string' },
    },
  });
  const dialects = [
    ...(values.dialect !== 'postgres' ? (['sqlite'] as const) : []),
    ...(values.dialect !== 'sqlite' && process.env.PG_TEST_URL ? (['postgres'] as const) : []),
  ];
  const results = [];
  for (const d of dialects) {
    const r = await runDialect(d, Number(values.rows), Number(values.calls), Number(values['before-calls']));
    print(r);
    results.push(r);
  }
  const machine = { cpus: os.cpus().length, load: os.loadavg().map(round), node: process.version };
  if (values.out) fs.writeFileSync(values.out, `${JSON.stringify({ machine, results }, null, 2)}\n`);
  process.exit(0);
}
