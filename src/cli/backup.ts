import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from '../../migrations/index.js';
import { type VerifyOptions, type VerifyResult, verifyAuditLog } from '../platform/audit-log/audit-log.js';
import { loadAuditSigner, trustedKeyIds, trustKeys } from '../platform/audit-log/audit-log.signing.js';
import type { Config } from '../platform/config/config.js';
import type { DB } from '../platform/db/tables.js';
import { CliError, cliConfig, EXIT_USAGE, printJson, println, sqlitePath, usageError } from './context.js';

// Backup and restore of the embedded SQLite database. PostgreSQL deployments
// use the database's own tools (pg_dump / pg_restore), which do this better.

const PG_BACKUP =
  'On PostgreSQL, back up with the database tools instead, e.g. `pg_dump --format=custom --file=openaims.dump "$DATABASE_URL"`.';
const PG_RESTORE =
  'On PostgreSQL, restore with the database tools instead, e.g. `pg_restore --clean --dbname "$DATABASE_URL" openaims.dump`.';

function fsyncPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function removeIfExists(p: string): void {
  fs.rmSync(p, { force: true });
}

function isSqliteOpenError(e: unknown): boolean {
  const code = (e as { code?: string }).code ?? '';
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT' || code === 'SQLITE_CANTOPEN';
}

/**
 * Consistent copy of a live database through SQLite's online backup API, on a
 * separate read-only connection: safe while `aims serve` writes in WAL mode.
 * The copy is switched to rollback-journal mode so it is one self-contained file.
 */
async function snapshot(source: string, dest: string): Promise<void> {
  const sidecars = [`${source}-wal`, `${source}-shm`];
  const hadSidecars = sidecars.some((f) => fs.existsSync(f));
  let src: SQLite.Database;
  try {
    src = new SQLite(source, { readonly: true, fileMustExist: true });
    src.prepare('select count(*) from sqlite_master').get();
  } catch (e) {
    if (isSqliteOpenError(e)) throw new CliError(`${source} is not an SQLite database (${(e as Error).message}).`);
    throw e;
  }
  try {
    await src.backup(dest);
  } finally {
    src.close();
  }
  // A read-only connection cannot delete the -wal/-shm files it had to create;
  // when nobody else had the database open, a brief read-write open tidies them.
  if (!hadSidecars && sidecars.some((f) => fs.existsSync(f))) {
    try {
      const tidy = new SQLite(source, { fileMustExist: true });
      tidy.prepare('select count(*) from sqlite_master').get();
      tidy.close();
    } catch {
      /* not ours to fix; the next server start reuses them */
    }
  }
  const copy = new SQLite(dest);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

interface Inspection {
  audit: VerifyResult;
  users: number;
  organizations: number;
  /** the keys that signed the audit log's head and checkpoints */
  keys: { keyId: string; publicKey: string }[];
}

/** Checks that a file is an intact OpenAIMS database this version can run. */
async function inspect(file: string, label: string, verify: VerifyOptions = {}): Promise<Inspection> {
  const conn = new SQLite(file, { fileMustExist: true });
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: conn }) });
  try {
    const check = conn.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new CliError(`${label} is damaged: SQLite quick_check says ${String(check)}.`);
    const tables = new Set(
      (conn.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
    );
    if (!tables.has('audit_log') || !tables.has('kysely_migration'))
      throw new CliError(`${label} is not an OpenAIMS database (no audit_log table).`);
    const applied = (conn.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map(
      (m) => m.name,
    );
    const unknown = applied.filter((m) => !(m in migrations));
    if (unknown.length)
      throw new CliError(`${label} was written by a newer OpenAIMS (unknown migration ${unknown[0]}); upgrade OpenAIMS first.`);
    const count = (table: string) => (conn.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const keys = conn
      .prepare(
        `select key_id as keyId, public_key as publicKey from audit_head where key_id is not null
         union select key_id, public_key from audit_checkpoints where key_id is not null`,
      )
      .all() as Inspection['keys'];
    return { audit: await verifyAuditLog(db, verify), users: count('users'), organizations: count('organizations'), keys };
  } finally {
    await db.destroy();
  }
}

/**
 * Opens the database and takes SQLite's exclusive lock. In WAL mode this fails
 * while any other connection has the file open, even an idle server's.
 */
function lockExclusively(file: string): SQLite.Database {
  const conn = new SQLite(file, { timeout: 0 });
  try {
    conn.pragma('locking_mode = EXCLUSIVE');
    conn.exec('BEGIN EXCLUSIVE');
    return conn;
  } catch (e) {
    conn.close();
    if ((e as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new CliError(`${file} is in use (is \`aims serve\` running?); stop the server, then restore.`);
    }
    throw e;
  }
}

function countRecords(conn: SQLite.Database): { users: number; organizations: number; auditLog: number } {
  const tables = new Set(
    (conn.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((t) => t.name),
  );
  const rows = (t: string) => (tables.has(t) ? (conn.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n : 0);
  return { users: rows('users'), organizations: rows('organizations'), auditLog: rows('audit_log') };
}

/** The key ids this instance trusts: its own and those of backups it restored. */
function instanceKeys(config: Config): string[] {
  return [loadAuditSigner(config).keyId, ...trustedKeyIds(config.dataDir)];
}

export function registerBackup(program: Command): void {
  program
    .command('backup')
    .summary('copy the SQLite database to a file, safely while the server runs')
    .description(
      "Write a consistent copy of the SQLite database to FILE, using SQLite's online backup API on a " +
        'separate read-only connection, so it is safe while `aims serve` is running. The copy is one ' +
        'self-contained file; its audit log is verified and reported.\n\n' +
        PG_BACKUP,
    )
    .requiredOption('--out <file>', 'where to write the backup')
    .option('--force', 'overwrite FILE if it exists')
    .option('--json', 'print {"file","bytes","auditLog":{"ok","rows"}}')
    .action(async (opts: { out: string; force?: boolean; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const dbFile = sqlitePath(config);
      if (!dbFile) throw new CliError(`aims backup copies the embedded SQLite database. ${PG_BACKUP}`);
      if (!fs.existsSync(dbFile)) throw new CliError(`No OpenAIMS database at ${dbFile}; nothing to back up (check --data).`);
      const out = path.resolve(opts.out);
      if (out === path.resolve(dbFile)) throw usageError('--out must not be the database itself');
      if (fs.existsSync(out) && !opts.force) throw new CliError(`${out} exists; pass --force to overwrite it.`);
      fs.mkdirSync(path.dirname(out), { recursive: true });

      const partial = `${out}.partial-${process.pid}`;
      try {
        await snapshot(dbFile, partial);
        const { audit } = await inspect(partial, 'The backup', { trustedKeyIds: instanceKeys(config) });
        // It holds password hashes and every record: readable by its owner only.
        fs.chmodSync(partial, 0o600);
        fsyncPath(partial);
        fs.renameSync(partial, out);
        fsyncPath(path.dirname(out));
        const bytes = fs.statSync(out).size;
        if (opts.json) printJson({ file: out, bytes, auditLog: audit });
        else {
          println(`Backed up ${dbFile} to ${out} (${(bytes / 1024).toFixed(0)} KiB)`);
          println(
            audit.ok ? `audit log ok: ${audit.rows} rows` : `audit log broken at seq ${audit.break?.seq}: ${audit.break?.reason}`,
          );
        }
        // The copy is still written: a tampered log is itself evidence to keep.
        if (!audit.ok)
          process.stderr.write('warning: the audit log in this database is broken; `aims restore` will refuse this backup.\n');
      } finally {
        removeIfExists(partial);
      }
    });

  program
    .command('restore')
    .summary('replace the SQLite database with a backup (server stopped)')
    .description(
      'Replace the SQLite database with FILE, a backup made by `aims backup`.\n\n' +
        'Stop the server first: restore refuses while another process has the database open.\n\n' +
        'FILE must be an intact OpenAIMS database whose audit log verifies. It is copied into the data ' +
        'directory, synced and renamed over the database in one step; a database that already holds ' +
        'data is replaced only with --force and is kept beside it as openaims.sqlite.before-restore-<time>.\n\n' +
        PG_RESTORE,
    )
    .argument('<file>', 'backup file to restore')
    .option('--force', 'replace a database that already holds data')
    .option('--json', 'print {"file","replaced","keptAs","users","organizations","auditLogRows"}')
    .action(async (file: string, opts: { force?: boolean; json?: boolean }, cmd: Command) => {
      const config = cliConfig(cmd);
      const target = sqlitePath(config);
      if (!target || target === ':memory:') throw new CliError(`aims restore writes the embedded SQLite database. ${PG_RESTORE}`);
      const source = path.resolve(file);
      if (!fs.existsSync(source)) throw new CliError(`No such file: ${source}`, EXIT_USAGE);
      if (source === path.resolve(target)) throw usageError('FILE is the database itself');
      const dir = path.dirname(path.resolve(target));
      fs.mkdirSync(dir, { recursive: true });

      // Staged in the target's directory so the final rename is atomic.
      const staged = path.join(dir, `.openaims-restore-${process.pid}.sqlite`);
      let lock: SQLite.Database | undefined;
      try {
        await snapshot(source, staged);
        // Signatures must verify, by whichever key: restoring is the decision to trust the backup's keys.
        const found = await inspect(staged, source);
        if (!found.audit.ok) {
          throw new CliError(
            `refusing to restore ${source}: its audit log is broken at seq ${found.audit.break?.seq}: ${found.audit.break?.reason}`,
          );
        }
        fsyncPath(staged);

        let keptAs: string | null = null;
        if (fs.existsSync(target)) {
          lock = lockExclusively(target);
          const existing = countRecords(lock);
          lock.exec('COMMIT');
          if (existing.users + existing.organizations + existing.auditLog > 0) {
            if (!opts.force) {
              throw new CliError(
                `${target} already holds data (${existing.users} users, ${existing.organizations} organizations); pass --force to replace it (it will be kept beside it).`,
              );
            }
            // Fold the WAL into the main file so the kept copy is complete, then keep it under a new name.
            lock.pragma('wal_checkpoint(TRUNCATE)');
            keptAs = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
            try {
              fs.linkSync(target, keptAs);
            } catch {
              fs.copyFileSync(target, keptAs);
            }
          }
        }

        fs.renameSync(staged, target);
        const own = instanceKeys(config);
        const trusted = trustKeys(
          config.dataDir,
          found.keys.filter((k) => !own.includes(k.keyId)),
        );
        lock?.close();
        lock = undefined;
        // The old database's journal files would be replayed into the new one.
        removeIfExists(`${target}-wal`);
        removeIfExists(`${target}-shm`);
        removeIfExists(`${target}-journal`);
        fsyncPath(dir);

        if (opts.json) {
          printJson({
            file: target,
            replaced: keptAs !== null,
            keptAs,
            users: found.users,
            organizations: found.organizations,
            auditLogRows: found.audit.rows,
            trustedKeys: trusted,
          });
          return;
        }
        println(
          `Restored ${source} into ${target}: ${found.users} users, ${found.organizations} organizations, audit log ok (${found.audit.rows} rows)`,
        );
        if (keptAs) println(`The previous database is kept as ${keptAs}`);
        if (trusted.length)
          println(`Its audit log was signed by key ${trusted.join(', ')}, now trusted by \`aims audit-log verify\` here.`);
        for (const w of found.audit.warnings ?? []) println(`warning: audit log ${w}`);
        println('Start the server with `aims serve`.');
      } finally {
        lock?.close();
        removeIfExists(staged);
        removeIfExists(`${staged}-journal`);
      }
    });
}
