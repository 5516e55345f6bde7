import { AsyncLocalStorage } from 'node:async_hooks';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresDialect,
  type PostgresDialectConfig,
  PostgresDriver,
  SqliteDialect,
  type RawBuilder,
  sql,
  type Transaction,
} from 'kysely';
import type pg from 'pg';
import { PgAuthVersion, registerAuthVersion, writesAuthTable } from './auth-version.js';
import { preparingPool } from './pg-prepared.js';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.js';
import { ReadWriteSqliteDriver } from './sqlite-driver.js';
import { cachingPrepare } from './statement-cache.js';
import type { DB } from './tables.js';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<DB>;
export type Tx = Transaction<DB>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

export interface Database {
  db: Db;
  dialect: Dialect;
  /** SQLite file path (undefined on PostgreSQL) */
  file?: string;
  /** PostgreSQL schema the tables live in */
  schema?: string;
  /** SQLite file: copies the write-ahead log back on a worker thread */
  checkpointer?: Checkpointer | null;
  close(): Promise<void>;
}

export interface OpenOptions {
  dataDir: string;
  databaseUrl?: string;
  /** PostgreSQL schema to use instead of public (tests run each in its own). */
  pgSchema?: string;
  /** PostgreSQL: send the query templates as named prepared statements (default true; off behind a pooler in transaction mode) */
  pgPrepare?: boolean;
}

/**
 * pg, loaded when a PostgreSQL database is opened, not at start: on Node 20
 * its import also loads Node's fetch (pg probes for Cloudflare Workers with a
 * Response), about 0.1 s of every start on SQLite (issue 17).
 */
function loadPg(): typeof pg {
  const loaded = createRequire(import.meta.url)('pg') as typeof pg;
  // PostgreSQL returns bigint counts as strings; our counts fit in a JS number.
  loaded.types.setTypeParser(20, (v) => Number.parseInt(v, 10));
  return loaded;
}

type CommitHook = (connection: DatabaseConnection) => Promise<void>;

/**
 * Work to run inside every transaction the current async context commits,
 * just before COMMIT, on the transaction's own connection: it commits with the
 * change or not at all, and a throw rolls the change back. A request opens
 * such a context with `withBeforeCommit(hook, next)` (the Idempotency-Key's
 * commit mark, src/platform/http/idempotency.ts), so none of the transaction
 * call sites need to know.
 */
const beforeCommit = new AsyncLocalStorage<CommitHook>();
let openContexts = 0;

/**
 * Runs `fn` (and all it starts) with `hook` before every COMMIT; `fn` gets
 * `close`, to call once the context's work is over (the request answered).
 * Why close: on Node 20 an AsyncLocalStorage, once run, makes every promise
 * the process creates call a hook, about 20 µs on a small request, for good.
 * So the storage is switched off again while no context is open (`run`
 * switches it back on). A close that never comes only leaves it on.
 */
export function withBeforeCommit<T>(hook: CommitHook, fn: (close: () => void) => T): T {
  openContexts++;
  let open = true;
  const close = () => {
    if (!open) return;
    open = false;
    if (--openContexts === 0) beforeCommit.disable();
  };
  return beforeCommit.run(hook, fn, close);
}

/** Contexts opened by withBeforeCommit and not yet closed (for tests). */
export function openBeforeCommitContexts(): number {
  return openContexts;
}

async function runBeforeCommit(connection: DatabaseConnection): Promise<void> {
  await beforeCommit.getStore()?.(connection);
}

/** SQLite through ReadWriteSqliteDriver: its own statement caches, the commit mark before COMMIT. */
class ReadWriteSqliteDialect extends SqliteDialect {
  constructor(
    private readonly writer: SQLite.Database,
    private readonly reader: SQLite.Database | null,
    private readonly checkpointer: Checkpointer | null,
  ) {
    super({ database: writer });
  }
  override createDriver(): Driver {
    const checkpointer = this.checkpointer;
    return new ReadWriteSqliteDriver({
      writer: cachingPrepare(this.writer),
      reader: this.reader ? cachingPrepare(this.reader) : null,
      beforeCommit: runBeforeCommit,
      afterWrite: checkpointer ? () => checkpointer.nudge() : undefined,
    });
  }
}

class HookedPostgresDriver extends PostgresDriver {
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await runBeforeCommit(connection);
    await super.commitTransaction(connection);
  }
}

class HookedPostgresDialect extends PostgresDialect {
  constructor(private readonly config: PostgresDialectConfig) {
    super(config);
  }
  override createDriver(): Driver {
    return new HookedPostgresDriver(this.config);
  }
}

export function sqliteFile(dataDir: string): string {
  return path.join(dataDir, 'openaims.sqlite');
}

export function openDatabase(opts: OpenOptions): Database {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pgModule = loadPg();
    const pool = new pgModule.Pool({
      connectionString: url,
      max: 10,
      ...(opts.pgSchema ? { options: `-c search_path=${opts.pgSchema}` } : {}),
    });
    const schema = opts.pgSchema ?? 'public';
    const auth = new PgAuthVersion(
      () =>
        new pgModule.Client({
          connectionString: url,
          // A connection that died without a word is found in seconds, not the OS's two hours.
          keepAlive: true,
          keepAliveInitialDelayMillis: 10_000,
          application_name: `aims-auth ${schema}`,
        }),
      schema,
    );
    // Without a listener, a pooled connection's error (the server restarted) would end the process.
    pool.on('error', (err) => process.emitWarning(`PostgreSQL connection lost: ${err.message}`));
    const prepared = preparingPool(pool, {
      prepare: opts.pgPrepare ?? true,
      onNamingOff: (err) => {
        // A pooler in transaction mode: LISTEN there hears nothing, so no auth cache either.
        auth.disable();
        process.emitWarning(
          `PostgreSQL does not keep prepared statements on this connection (${err.message}); sending them unnamed from now on. Behind a pooler in transaction mode, set OPENAIMS_PG_PREPARE=off.`,
        );
      },
      watch: { writes: writesAuthTable, changed: () => auth.changed() },
    });
    const db = new Kysely<DB>({ dialect: new HookedPostgresDialect({ pool: prepared }) });
    // Behind a pooler in transaction mode (prepare off) LISTEN hears nothing: every request reads its session.
    if (opts.pgPrepare !== false) registerAuthVersion(db, () => auth.version());
    return {
      db,
      dialect: 'postgres',
      schema,
      close: async () => {
        await auth.close();
        await db.destroy();
      },
    };
  }
  if (url && !url.startsWith('sqlite:')) {
    throw new Error(
      'DATABASE_URL must start with postgres://, postgresql:// or sqlite: (leave it unset for the embedded SQLite database).',
    );
  }
  const file = url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : sqliteFile(opts.dataDir);
  if (file !== ':memory:') {
    // The database holds the organization's risks and incidents: only this
    // account may read it (a new data dir 0700, a new file 0600).
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', 0o600));
  }
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  // Without statistics SQLite's planner picks an org_id index over primary-key
  // lookups for `org_id = ? AND id IN (...)`, scanning a whole organization
  // per list page. `optimize` gathers statistics where they are missing or
  // stale; analysis_limit keeps each run to a few milliseconds however large
  // the tables grow. Run at open and then hourly, as SQLite advises.
  sqlite.pragma('analysis_limit = 1000');
  sqlite.pragma('optimize = 0x10002');
  const optimizer = setInterval(() => sqlite.open && sqlite.pragma('optimize'), 60 * 60 * 1000);
  optimizer.unref();
  // Reads beside the writer (sqlite-driver.ts); an in-memory database is one connection.
  const reader = file === ':memory:' ? null : new SQLite(file);
  reader?.pragma('query_only = ON');
  reader?.pragma('busy_timeout = 5000');
  // SQLite's default page cache is 2 MB per connection. A page that gathers
  // from every register (gap facts, home, readiness) touches tens of MB at the
  // large bench size and re-read them from the OS on every request: 75 ms a
  // gathering with 2 MB, 71 with 16, 52 with 32, 46 with 64. The cache grows
  // only as pages are used, so a small organization's database stays small.
  for (const c of [sqlite, reader]) c?.pragma(`cache_size = -${64 * 1024}`);
  // Checkpoints on a worker thread, not in the writer's commits (sqlite-checkpointer.ts).
  const checkpointer = reader ? startCheckpointer(file, sqlite) : null;
  const db = new Kysely<DB>({ dialect: new ReadWriteSqliteDialect(sqlite, reader, checkpointer) });
  // The auth version (auth-version.ts): moves with every commit by another connection.
  const dataVersion = reader?.prepare('pragma data_version').pluck();
  if (dataVersion) registerAuthVersion(db, () => (reader?.open ? (dataVersion.get() as number) : null));
  return {
    db,
    dialect: 'sqlite',
    file,
    checkpointer,
    close: async () => {
      clearInterval(optimizer);
      await checkpointer?.close();
      return db.destroy();
    },
  };
}

/**
 * The query with FOR UPDATE on PostgreSQL, so the rows it reads stay locked
 * until the transaction ends; SQLite's write transactions (BEGIN IMMEDIATE)
 * already serialise writers and have no FOR UPDATE.
 */
export function forUpdate<Q extends { forUpdate(): Q }>(tx: Executor, query: Q): Q {
  return tx.getExecutor().adapter instanceof PostgresAdapter ? query.forUpdate() : query;
}

/**
 * The `org_id` column, for a query that also names its rows by a list of ids:
 * `.where(orgOfIds(db), '=', orgId).where('id', 'in', ids)`. SQLite's sampled
 * statistics (analysis_limit) put any organization at about 1,000 rows
 * however large it is, so from about 150 ids its planner walks the
 * organization's org_id index rather than looking the ids up: 500 ids took
 * 4.4 ms against 1.3 at 11,000 AI systems, about 50 ms at 100,000. A unary
 * plus keeps the column out of SQLite's choice of index (the row is still
 * checked); PostgreSQL's statistics choose the key lookups by themselves.
 */
export function orgOfIds(db: Executor): RawBuilder<string> {
  return db.getExecutor().adapter instanceof PostgresAdapter ? sql.ref<string>('org_id') : sql<string>`+org_id`;
}

export function nowIso(): string {
  return new Date().toISOString();
}
