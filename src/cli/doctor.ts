import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { sql } from 'kysely';
import { migrations } from '../../migrations/index.js';
import type { Config } from '../platform/config/config.js';
import type { Database } from '../platform/db/db.js';
import { probeChromium } from '../platform/report/pdf.js';
import {
  cliConfig,
  describeTarget,
  EXIT_FAILURE,
  isPostgres,
  openConfiguredDatabase,
  printJson,
  println,
  redactUrl,
  sqlitePath,
} from './context.js';

// `aims doctor`: is this installation ready? Reads only: it never creates,
// migrates or repairs anything, and says for each problem how to fix it.

export interface DoctorCheck {
  name: string;
  ok: boolean;
  detail: string;
  /** how to fix it, when not ok */
  fix?: string;
}

const DB_TIMEOUT_MS = 10_000;
const CHROMIUM_TIMEOUT_MS = 20_000;

const pass = (name: string, detail: string): DoctorCheck => ({ name, ok: true, detail });
const fail = (name: string, detail: string, fix: string): DoctorCheck => ({ name, ok: false, detail, fix });

function firstLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return (
    message
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? 'unknown error'
  );
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The SQLite file's directory exists and this user can create files in it. */
function checkDataDir(dir: string): DoctorCheck {
  const name = 'data directory';
  if (!fs.existsSync(dir))
    return fail(
      name,
      `${dir} does not exist`,
      `run \`aims init\` (it creates ${dir}), or point --data / OPENAIMS_DATA at the data directory`,
    );
  if (!fs.statSync(dir).isDirectory())
    return fail(name, `${dir} is not a directory`, 'point --data / OPENAIMS_DATA at a directory');
  // A real write, not access(2): root passes access() on a read-only mount.
  const probe = path.join(dir, `.aims-doctor-${process.pid}`);
  try {
    fs.writeFileSync(probe, '');
    fs.rmSync(probe, { force: true });
  } catch (e) {
    return fail(
      name,
      `${dir} is not writable (${(e as NodeJS.ErrnoException).code ?? firstLine(e)})`,
      `let the user that runs OpenAIMS write to it: chown -R <user> ${dir}`,
    );
  }
  return pass(name, `${dir} exists and is writable`);
}

/** The database file and its WAL files are not open to every user of the machine (directly or through the directory). */
function checkFilePermissions(file: string): DoctorCheck {
  const name = 'database file permissions';
  if (process.platform === 'win32') return pass(name, 'not checked on Windows (ACLs)');
  const dir = path.dirname(path.resolve(file));
  // Without o+x on the directory, other users cannot reach the files whatever their mode.
  if ((fs.statSync(dir).mode & 0o001) === 0) return pass(name, `${dir} is closed to other users`);
  const open = [file, `${file}-wal`, `${file}-shm`].filter((f) => fs.existsSync(f) && (fs.statSync(f).mode & 0o006) !== 0);
  if (open.length === 0) return pass(name, `${path.basename(file)} is not readable by other users`);
  const modes = open.map((f) => `${path.basename(f)} ${(fs.statSync(f).mode & 0o777).toString(8)}`).join(', ');
  return fail(
    name,
    `readable by every user of this machine: ${modes}`,
    `chmod 600 ${open.join(' ')} (or close the directory: chmod 700 ${dir})`,
  );
}

/** The database answers; its schema is at this build's latest migration. */
async function checkDatabase(config: Config): Promise<DoctorCheck[]> {
  const file = sqlitePath(config);
  const target = describeTarget(config);
  if (file && file !== ':memory:' && !fs.existsSync(file)) {
    return [
      fail(
        'database',
        `no database at ${file}`,
        'run `aims init` to create one, or point --data / OPENAIMS_DATA at the data directory',
      ),
    ];
  }
  const checks: DoctorCheck[] = [];
  let database: Database | undefined;
  try {
    database = openConfiguredDatabase(config);
    const db = database.db;
    await withTimeout(sql`select 1`.execute(db), DB_TIMEOUT_MS, 'the database');
    checks.push(pass('database', `${target} answers`));
    const table = database.schema ? `${database.schema}.kysely_migration` : 'kysely_migration';
    const applied = await sql<{ name: string }>`select name from ${sql.table(table)} order by name`
      .execute(db)
      .then((r) => r.rows.map((row) => row.name))
      .catch(() => null);
    const known = Object.keys(migrations).sort();
    const latest = known[known.length - 1];
    if (applied === null) {
      checks.push(
        fail('migrations', `${target} has no OpenAIMS schema`, 'run `aims migrate` (or `aims init` on a new installation)'),
      );
    } else {
      const pending = known.filter((m) => !applied.includes(m));
      const unknown = applied.filter((m) => !known.includes(m));
      if (unknown.length) {
        checks.push(
          fail(
            'migrations',
            `the database has migrations this build does not know: ${unknown.join(', ')}`,
            'run the OpenAIMS version that migrated this database, or a newer one',
          ),
        );
      } else if (pending.length) {
        checks.push(
          fail(
            'migrations',
            `${pending.length} of ${known.length} migrations pending: ${pending.join(', ')}`,
            'run `aims migrate` (`aims serve` also migrates on start)',
          ),
        );
      } else {
        checks.push(pass('migrations', `all ${known.length} applied (latest ${latest})`));
      }
    }
  } catch (e) {
    const why = firstLine(e).replace(/postgres(ql)?:\/\/\S+/g, (u) => redactUrl(u));
    checks.push(
      fail(
        'database',
        `${target} does not answer: ${why}`,
        isPostgres(config)
          ? 'check that PostgreSQL runs and that DATABASE_URL / --database-url names a database this user may open'
          : 'check --data / OPENAIMS_DATA, and that the file is an OpenAIMS database (`aims restore` a backup if it is damaged)',
      ),
    );
  } finally {
    await database?.close().catch(() => {});
  }
  return checks;
}

function installChromium(): string {
  if (process.platform === 'darwin') return 'install Google Chrome or Chromium (brew install --cask chromium)';
  if (process.platform === 'win32') return 'install Google Chrome or Chromium';
  return 'install it: apt-get install chromium';
}

/** Chromium is where the setting says, and starts headless. */
async function checkChromium(config: Config): Promise<DoctorCheck[]> {
  const file = config.chromiumPath;
  const source = process.env.OPENAIMS_CHROMIUM ? 'OPENAIMS_CHROMIUM' : 'the default for this platform';
  const fix = `set OPENAIMS_CHROMIUM=/path/to/chromium or ${installChromium()}`;
  let found = false;
  try {
    fs.accessSync(file, fs.constants.X_OK);
    found = fs.statSync(file).isFile();
  } catch {
    found = false;
  }
  if (!found) {
    return [
      fail('chromium', `no Chromium executable at ${file} (${source}); PDF reports answer 503, XLSX, DOCX and HTML work`, fix),
    ];
  }
  const checks = [pass('chromium', `${file} (${source})`)];
  try {
    const version = await withTimeout(probeChromium(file, CHROMIUM_TIMEOUT_MS), CHROMIUM_TIMEOUT_MS + 5_000, 'Chromium');
    checks.push(pass('chromium launch', `starts headless (version ${version})`));
  } catch (e) {
    checks.push(
      fail(
        'chromium launch',
        `${file} does not start headless: ${firstLine(e)}`,
        `run \`${file} --headless --dump-dom about:blank\` to see why (often missing libraries: reinstall the package), or ${fix}`,
      ),
    );
  }
  return checks;
}

export async function runDoctor(config: Config): Promise<{ ok: boolean; checks: DoctorCheck[] }> {
  const checks: DoctorCheck[] = [];
  const file = sqlitePath(config);
  const chromium = checkChromium(config); // launches in parallel with the database checks
  if (file && file !== ':memory:') {
    const dir = path.dirname(path.resolve(file));
    checks.push(checkDataDir(dir));
    checks.push(...(await checkDatabase(config)));
    if (fs.existsSync(file)) checks.push(checkFilePermissions(file));
  } else {
    checks.push(...(await checkDatabase(config)));
  }
  checks.push(...(await chromium));
  return { ok: checks.every((c) => c.ok), checks };
}

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .summary('check that this installation is ready, and how to fix what is not')
    .description(
      'Check the database (answers, migrated to the latest migration), the data directory and the SQLite ' +
        "file's permissions, and the Chromium that prints PDF reports (found, starts headless). " +
        'Prints a fix for each problem; exits 1 when any check fails. Changes nothing.',
    )
    .option('--json', 'print {"ok":true|false,"checks":[{"name","ok","detail","fix"?}]}')
    .action(async (opts: { json?: boolean }, cmd: Command) => {
      const result = await runDoctor(cliConfig(cmd));
      if (opts.json) printJson(result);
      else {
        const width = Math.max(...result.checks.map((c) => c.name.length));
        for (const c of result.checks) {
          println(`${c.ok ? 'ok  ' : 'FAIL'}  ${c.name.padEnd(width)}  ${c.detail}`);
          if (c.fix) println(`      ${' '.repeat(width)}  fix: ${c.fix}`);
        }
        const problems = result.checks.filter((c) => !c.ok).length;
        println(result.ok ? 'All checks passed.' : `${problems} problem${problems === 1 ? '' : 's'} found.`);
      }
      if (!result.ok) process.exitCode = EXIT_FAILURE;
    });
}
