// The data a bench run measures: a file-backed SQLite database (as `aims
// serve` uses, WAL) or a PostgreSQL schema of its own, with one organization
// seeded by the data generator at the chosen size. Seeded SQLite databases
// are kept under bench/.cache (gitignored), keyed by size, seed and the
// number of migrations, so a rerun copies the file instead of seeding again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { setupOwner } from '../../test/support/app.js';
import { createTestDatabase } from '../../test/support/db.js';
import { seedOrganization } from '../../src/cli/dev-seed/index.js';

export type BenchSize = 'tiny' | 'small' | 'medium' | 'large';
export type BenchDialect = 'sqlite' | 'postgres';
export const OWNER_EMAIL = 'lead@example.com';

export interface Prepared {
  database: Database;
  dataDir: string;
  orgId: string;
  /** how the data came to be, for the report */
  seeding: { how: string; ms: number; cached: boolean };
  dispose(): Promise<void>;
}

const cacheDir = path.resolve(import.meta.dirname, '../.cache');

/** A line per step of the seeding and every tenth of a long one: a large seed takes minutes. */
function progress() {
  let last = '';
  return (step: string, done: number, total: number) => {
    const tenth = `${step} ${Math.floor((10 * done) / Math.max(1, total))}`;
    if (tenth !== last) process.stderr.write(`  seeding ${step}: ${done}/${total}\n`);
    last = tenth;
  };
}

/** Creates the owner and the organization through the API, then fills it. */
async function createAndSeed(database: Database, dataDir: string, size: BenchSize, seed: number) {
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir, webDir: '/nonexistent' }, {}));
  await app.ready();
  try {
    const { orgId } = await setupOwner(app, OWNER_EMAIL);
    const t0 = performance.now();
    let how = 'empty organization (the create phase adds the records)';
    if (size !== 'tiny') {
      const counts = await seedOrganization(database.db, { orgId, size, seed, onProgress: progress() });
      how = `aims dev seed --size ${size} --seed ${seed}: ${Object.entries(counts)
        .map(([k, v]) => `${v} ${k}`)
        .join(', ')}`;
    }
    return { orgId, how, ms: performance.now() - t0 };
  } finally {
    await app.close();
  }
}

async function prepareSqlite(size: BenchSize, seed: number): Promise<Prepared> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
  const file = path.join(dataDir, 'aims.sqlite');
  const key = `${size}-seed${seed}-m${Object.keys(migrations).length}`;
  const cached = path.join(cacheDir, `${key}.sqlite`);
  const meta = path.join(cacheDir, `${key}.json`);
  let seeding: Prepared['seeding'];
  const found = size === 'tiny' ? undefined : cachedSeed(size, seed, Object.keys(migrations).length);
  if (found) {
    const m = JSON.parse(fs.readFileSync(found.meta, 'utf8')) as { orgId: string; how: string; ms: number };
    fs.copyFileSync(found.file, file);
    flushToDisk(file);
    const forward = found.migrations < Object.keys(migrations).length ? `, migrated forward from m${found.migrations}` : '';
    seeding = { how: `${m.how}${forward}`, ms: m.ms, cached: true };
    const database = openDatabase({ dataDir, databaseUrl: `sqlite:${file}` });
    await migrateToLatest(database);
    return { database, dataDir, orgId: m.orgId, seeding, dispose: dispose(database, dataDir) };
  }
  const database = openDatabase({ dataDir, databaseUrl: `sqlite:${file}` });
  await migrateToLatest(database);
  const made = await createAndSeed(database, dataDir, size, seed);
  seeding = { how: made.how, ms: made.ms, cached: false };
  if (size !== 'tiny') {
    // Closing checkpoints the WAL into the file, so the copy is whole.
    await database.close();
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.copyFileSync(file, `${cached}.part`);
    fs.renameSync(`${cached}.part`, cached);
    flushToDisk(file, cached);
    fs.writeFileSync(meta, JSON.stringify({ orgId: made.orgId, how: made.how, ms: made.ms }));
    const reopened = openDatabase({ dataDir, databaseUrl: `sqlite:${file}` });
    return { database: reopened, dataDir, orgId: made.orgId, seeding, dispose: dispose(reopened, dataDir) };
  }
  return { database, dataDir, orgId: made.orgId, seeding, dispose: dispose(database, dataDir) };
}

/**
 * The cached seed for this size and seed: the current migration count's, or
 * else the newest older one, which migrateToLatest then brings forward (a
 * migration fills what it adds), so adding a migration does not cost a
 * large re-seed of several minutes.
 */
function cachedSeed(size: BenchSize, seed: number, current: number) {
  if (!fs.existsSync(cacheDir)) return undefined;
  const prefix = `${size}-seed${seed}-m`;
  const counts = fs
    .readdirSync(cacheDir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.sqlite'))
    .map((f) => Number(f.slice(prefix.length, -'.sqlite'.length)))
    .filter((n) => Number.isInteger(n) && n <= current && fs.existsSync(path.join(cacheDir, `${prefix}${n}.json`)))
    .sort((a, b) => b - a);
  const n = counts[0];
  if (n === undefined) return undefined;
  return { file: path.join(cacheDir, `${prefix}${n}.sqlite`), meta: path.join(cacheDir, `${prefix}${n}.json`), migrations: n };
}

/**
 * Writes the files' dirty pages out before anything is measured, so the
 * kernel's writeback of the set-up does not share the two vCPUs with the
 * first routes timed (an fsync right after copying the large seed took
 * 0.7 s; after a fresh seed there is more). It is the bench's own set-up,
 * not something a server meets.
 */
function flushToDisk(...files: string[]) {
  for (const f of files) {
    const fd = fs.openSync(f, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }
}

function dispose(database: Database, dataDir: string) {
  return async () => {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

/** PostgreSQL: a fresh schema per run (seeded each time), dropped at the end. */
async function preparePostgres(size: BenchSize, seed: number): Promise<Prepared> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
  const database = await createTestDatabase('postgres');
  const made = await createAndSeed(database, dataDir, size, seed);
  // Seeding leaves PostgreSQL's shared buffers full of dirty pages, which the
  // next timed checkpoint would write out in the middle of the measurements.
  // CHECKPOINT needs a superuser (or pg_checkpoint): without one, measure anyway.
  await sql`checkpoint`.execute(database.db).catch(() => {});
  return {
    database,
    dataDir,
    orgId: made.orgId,
    seeding: { how: made.how, ms: made.ms, cached: false },
    dispose: async () => {
      await database.destroy();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function prepareDatabase(dialect: BenchDialect, size: BenchSize, seed: number): Promise<Prepared> {
  return dialect === 'sqlite' ? prepareSqlite(size, seed) : preparePostgres(size, seed);
}
