import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { runAims } from '../../test/support/aims-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { resolveChromiumPath } from '../platform/config/config.js';

// `aims doctor` as a child process (like cli.test.ts) on throwaway SQLite data dirs.

// OPENAIMS_CHROMIUM empty unless a test names one: the shell's own must not decide what doctor finds.
const aims = (env: Record<string, string>, ...args: string[]) => runAims(args, { OPENAIMS_CHROMIUM: '', ...env });

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  fix?: string;
}

const byName = (checks: Check[], name: string) => checks.find((c) => c.name === name);

let tmp: string;
let healthy: string;
let broken: string;
const latest = Object.keys(migrations).sort().at(-1) as string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-doctor-'));
  healthy = path.join(tmp, 'healthy');
  broken = path.join(tmp, 'broken');
  const init = await aims(
    {},
    '--data',
    healthy,
    'init',
    '--email',
    'a@example.com',
    '--password',
    'correct horse battery staple',
    '--org',
    'Acme',
  );
  expect(init.code).toBe(0);
  fs.chmodSync(path.join(healthy, 'openaims.sqlite'), 0o600);
  // The broken copy: its latest migration not applied, its file readable by everyone.
  fs.mkdirSync(broken, { mode: 0o755 });
  fs.chmodSync(broken, 0o755);
  const file = path.join(broken, 'openaims.sqlite');
  fs.copyFileSync(path.join(healthy, 'openaims.sqlite'), file);
  const db = new SQLite(file);
  db.prepare('delete from kysely_migration where name = ?').run(latest);
  db.close();
  fs.chmodSync(file, 0o644);
}, 60_000);

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('aims doctor', { timeout: 90_000 }, () => {
  it('passes on a healthy data dir with a working Chromium (exit 0, --json ok true)', async () => {
    const chromium = resolveChromiumPath({});
    const run = await aims({ OPENAIMS_CHROMIUM: chromium }, '--data', healthy, 'doctor', '--json');
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout);
    expect(out.checks.filter((c: Check) => !c.ok)).toEqual([]);
    expect(out.ok).toBe(true);
    expect(run.code).toBe(0);
    expect(out.checks.map((c: Check) => c.name)).toEqual([
      'data directory',
      'database',
      'migrations',
      'database file permissions',
      'chromium',
      'chromium launch',
    ]);
    expect(byName(out.checks, 'migrations')?.detail).toContain(latest);
    expect(byName(out.checks, 'chromium')?.detail).toContain(chromium);
  });

  it('names the pending migration, the open file and the missing Chromium, each with its fix (exit 1)', async () => {
    const env = { OPENAIMS_CHROMIUM: '/nonexistent/chromium' };
    const [json, text] = await Promise.all([
      aims(env, '--data', broken, 'doctor', '--json'),
      aims(env, '--data', broken, 'doctor'),
    ]);
    expect(json.code).toBe(1);
    const out = JSON.parse(json.stdout);
    expect(out.ok).toBe(false);
    expect(byName(out.checks, 'data directory')?.ok).toBe(true);
    expect(byName(out.checks, 'database')?.ok).toBe(true);
    expect(byName(out.checks, 'migrations')).toMatchObject({ ok: false, detail: expect.stringContaining(`pending: ${latest}`) });
    expect(byName(out.checks, 'migrations')?.fix).toMatch(/aims migrate/);
    expect(byName(out.checks, 'database file permissions')).toMatchObject({
      ok: false,
      fix: expect.stringContaining(`chmod 600 ${path.join(broken, 'openaims.sqlite')}`),
    });
    expect(byName(out.checks, 'chromium')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('/nonexistent/chromium (OPENAIMS_CHROMIUM)'),
      fix: expect.stringMatching(process.platform === 'linux' ? /install it: apt-get install chromium$/ : /install/),
    });
    expect(byName(out.checks, 'chromium')?.fix).toMatch(/^set OPENAIMS_CHROMIUM=\/path\/to\/chromium or /);
    expect(byName(out.checks, 'chromium launch')).toBeUndefined(); // nothing to launch

    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^FAIL {2}migrations .*pending: /m);
    expect(text.stdout).toContain('fix: set OPENAIMS_CHROMIUM=/path/to/chromium or install');
    expect(text.stdout).toMatch(/3 problems found\.\n$/);
  });
});
