import fs from 'node:fs';
import type { Command } from 'commander';
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Actor } from '../platform/audit-log/audit-log.js';
import { attachAuditSigner, loadAuditSigner } from '../platform/audit-log/audit-log.signing.js';
import { type Config, type ConfigOverrides, loadConfig } from '../platform/config/config.js';
import { type Database, openDatabase, sqliteFile } from '../platform/db/db.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { AppError } from '../platform/http/errors.js';

// What every command shares: the CLI actor, config from the global options,
// opening the database, validating flags with the API's own zod field types,
// and turning errors into one line on stderr plus an exit code.

/** Who the audit log names for changes made from the command line. */
export const CLI_ACTOR: Actor = { userId: null, label: 'cli' };

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

/** An expected failure: printed as one line, never with a stack. */
export class CliError extends Error {
  constructor(
    message: string,
    public readonly exitCode: number = EXIT_FAILURE,
  ) {
    super(message);
  }
}

export const usageError = (message: string) => new CliError(message, EXIT_USAGE);

interface GlobalOptions {
  data?: string;
  databaseUrl?: string;
}

/** Config from the root program's --data / --database-url (which fall back to env), plus per-command overrides. */
export function cliConfig(cmd: Command, overrides: ConfigOverrides = {}): Config {
  const g = cmd.optsWithGlobals<GlobalOptions>();
  const url = g.databaseUrl || undefined;
  if (url && !/^(postgres(ql)?:\/\/|sqlite:)/.test(url)) {
    throw usageError(`--database-url must start with postgres://, postgresql:// or sqlite: (got "${redactUrl(url)}")`);
  }
  try {
    return loadConfig({ ...(g.data ? { dataDir: g.data } : {}), ...(url ? { databaseUrl: url } : {}), ...overrides });
  } catch (e) {
    throw usageError((e as Error).message);
  }
}

export function isPostgres(config: Config): boolean {
  return !!config.databaseUrl && /^postgres(ql)?:\/\//.test(config.databaseUrl);
}

/** The SQLite file openDatabase would use, or undefined on PostgreSQL. */
export function sqlitePath(config: Config): string | undefined {
  if (isPostgres(config)) return undefined;
  const url = config.databaseUrl;
  return url?.startsWith('sqlite:') ? url.slice('sqlite:'.length) : sqliteFile(config.dataDir);
}

/** The configured database, opened (not migrated). */
export function openConfiguredDatabase(config: Config): Database {
  return openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, pgPrepare: config.pgPrepare });
}

export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/** Where the data lives, for messages. Never prints a password. */
export function describeTarget(config: Config): string {
  return isPostgres(config) ? `PostgreSQL ${redactUrl(config.databaseUrl ?? '')}` : `SQLite ${sqlitePath(config)}`;
}

/**
 * 'migrate': bring the schema up to date first (commands that write).
 * 'existing': the database must already hold an OpenAIMS schema; a wrong
 * --data path is reported instead of silently creating an empty database.
 */
export type OpenMode = 'migrate' | 'existing';

export async function withDatabase<T>(config: Config, mode: OpenMode, fn: (database: Database) => Promise<T>): Promise<T> {
  const file = sqlitePath(config);
  if (mode === 'existing' && file && file !== ':memory:' && !fs.existsSync(file)) {
    throw new CliError(`No OpenAIMS database at ${file}; check --data, or run \`aims init\` to create one.`);
  }
  const database = openConfiguredDatabase(config);
  try {
    if (mode === 'migrate') await migrateToLatest(database);
    else if (!(await hasTable(database, 'audit_log'))) {
      throw new CliError(`${describeTarget(config)} has no OpenAIMS schema; run \`aims init\` or \`aims migrate\` first.`);
    }
    // Changes made from the command line are signed like the server's.
    attachAuditSigner(database.db, loadAuditSigner(config), config.auditCheckpointEvery);
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function hasTable(database: Database, table: string): Promise<boolean> {
  const q =
    database.dialect === 'sqlite'
      ? sql<{ n: number }>`select count(*) as n from sqlite_master where type = 'table' and name = ${table}`
      : sql<{
          n: number;
        }>`select count(*)::int as n from information_schema.tables where table_schema = current_schema() and table_name = ${table}`;
  const { rows } = await q.execute(database.db);
  return Number(rows[0]?.n ?? 0) > 0;
}

// ---------------------------------------------------------------- fields

/** One flag, validated by the same zod field type the API uses for it. */
export interface FieldSpec<S extends z.ZodType = z.ZodType> {
  flag: string;
  schema: S;
}

export function fieldErrorLine(flag: string, issues: z.core.$ZodIssue[]): string {
  return `${flag}: ${issues.map((i) => i.message).join(', ')}`;
}

/** Validates given values; every bad flag is named in one usage error (exit 2). */
export function parseFields<T extends Record<string, FieldSpec>>(
  specs: T,
  values: { [K in keyof T]?: unknown },
): { [K in keyof T]?: z.output<T[K]['schema']> } {
  const out: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const [key, spec] of Object.entries(specs)) {
    const value = values[key];
    if (value === undefined) continue;
    const r = spec.schema.safeParse(value);
    if (r.success) out[key] = r.data;
    else problems.push(fieldErrorLine(spec.flag, r.error.issues));
  }
  if (problems.length) throw usageError(`invalid ${problems.join('; ')}`);
  return out as { [K in keyof T]?: z.output<T[K]['schema']> };
}

// ---------------------------------------------------------------- output

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

export function println(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Plain aligned columns; empty list prints the `empty` line instead. */
export function printTable(headers: string[], rows: string[][], empty: string): void {
  if (rows.length === 0) {
    println(empty);
    return;
  }
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  println(fmt(headers));
  for (const r of rows) println(fmt(r));
}

// ---------------------------------------------------------------- errors

const FIELD_ALIASES: Record<string, string> = { orgName: '--org', orgSlug: '--slug' };

/** "body.orgName" -> "--org"; "body.slug" -> "--slug" */
function flagFor(field: string): string {
  const key = field.replace(/^(body|query|params)\./, '');
  return FIELD_ALIASES[key] ?? `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** One line for stderr and the exit code for any error a command throws. */
export function describeError(e: unknown): { message: string; exitCode: number; stack?: string } {
  if (e instanceof CliError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof AppError) {
    const fields = e.errors.map((f) => `${flagFor(f.field)}: ${f.message}`).join('; ');
    const message = fields ? `${e.message} (${fields})` : e.message;
    return { message, exitCode: e.status === 400 || e.status === 422 ? EXIT_USAGE : EXIT_FAILURE };
  }
  const err = e instanceof Error ? e : new Error(String(e));
  const code = (err as NodeJS.ErrnoException).code;
  // Connection and file-system failures are environment problems, not bugs: no stack.
  if (code && /^(E[A-Z]+|SQLITE_[A-Z_]+|28P01|3D000)$/.test(code)) return { message: err.message, exitCode: EXIT_FAILURE };
  return { message: err.message, exitCode: EXIT_FAILURE, stack: err.stack };
}
