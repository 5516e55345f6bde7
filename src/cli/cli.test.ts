import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims, startAims } from '../../test/support/aims-cli.js';

// Runs the real `aims` program (the built bundle) as a child process against
// throwaway data directories, always SQLite in a temp dir whatever the
// developer's shell exports. Independent runs go in parallel and later tests
// build on the instance the first creates.

const OWNER = 'ciso@example.com';
const PASSWORD = 'correct horse battery staple';

const aims = (...args: string[]) => runAims(args);
const start = (args: string[]) => startAims(args);

let tmp: string;
let dataA: string;
let dataB: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-cli-'));
  dataA = path.join(tmp, 'a');
  dataB = path.join(tmp, 'b');
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

// Each call starts a process (up to seconds on a busy 2-core machine), so the budget is generous.
describe('aims CLI', { timeout: 120_000 }, () => {
  it('init creates the owner and organization once; bad or missing input exits 2', async () => {
    const [first, badEmail, missing, pg] = await Promise.all([
      aims('--data', dataA, 'init', '--email', OWNER, '--password', PASSWORD, '--org', 'Example Ltd', '--json'),
      aims('--data', path.join(tmp, 'bad'), 'init', '--email', 'not-an-email', '--password', PASSWORD, '--org', 'X'),
      aims('--data', path.join(tmp, 'missing'), 'init', '--email', OWNER),
      aims('--database-url', 'postgres://u:secret@127.0.0.1:1/x', 'backup', '--out', path.join(tmp, 'x')),
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(Object.keys(out)).toEqual(['userId', 'orgId']);
    expect(out.userId).toMatch(/^[0-9a-f-]{36}$/);
    expect(out.orgId).toMatch(/^[0-9a-f-]{36}$/);

    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toMatch(/^error: .*--email: must be a valid email address/);
    expect(badEmail.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(fs.existsSync(path.join(tmp, 'bad'))).toBe(false); // rejected before touching any database

    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/missing --password, --org/);

    expect(pg.code).toBe(1); // backup is for SQLite; PostgreSQL has pg_dump
    expect(pg.stderr).toMatch(/pg_dump/);
    expect(pg.stderr).not.toMatch(/secret/);

    const again = await aims('--data', dataA, 'init', '--email', 'other@example.com', '--password', PASSWORD, '--org', 'Other');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already set up/);
  });

  it('token create prints only the token; org create and list; the audit log verifies', async () => {
    const [token, org] = await Promise.all([
      aims('--data', dataA, 'token', 'create', '--email', OWNER, '--name', 'ci', '--json'),
      aims('--data', dataA, 'org', 'create', '--name', 'Second Org', '--slug', 'second', '--owner', OWNER, '--json'),
    ]);
    expect(token.code).toBe(0);
    const t = JSON.parse(token.stdout);
    expect(Object.keys(t)).toEqual(['token']);
    expect(t.token).toMatch(/^\S{20,}$/);
    expect(org.code).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ name: 'Second Org', slug: 'second' });

    const [list, taken, verified] = await Promise.all([
      aims('--data', dataA, 'org', 'list', '--json'),
      aims('--data', dataA, 'org', 'create', '--name', 'Dup', '--slug', 'second', '--owner', OWNER),
      aims('--data', dataA, 'audit-log', 'verify'),
    ]);
    expect(JSON.parse(list.stdout).map((o: { name: string }) => o.name)).toEqual(['Example Ltd', 'Second Org']);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/--slug: is already taken/);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^ok\n(\d+) rows, \d+ checkpoints, head at row \d+ signed by key [0-9a-f]{16}\n\1 rows checked in [\d.]+ s: \d+ rows per second\n$/,
    );
  });

  it('serve answers, backup works while it runs, restore refuses, SIGTERM stops it cleanly', async () => {
    const server = start(['--data', dataA, 'serve', '--port', '0']);
    const exited = new Promise<number | null>((resolve) => server.on('close', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let seen = '';
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${seen}`)), 60_000);
        server.stdout?.on('data', (d) => {
          seen += d;
          const m = /listening on (http:\/\/\S+)/.exec(seen);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        server.on('close', () => reject(new Error(`serve exited: ${seen}`)));
      });
      const [setup, backup] = await Promise.all([
        fetch(`${url}/api/v1/setup`).then((r) => r.json()),
        aims('--data', dataA, 'backup', '--out', path.join(tmp, 'backup.sqlite')),
      ]);
      expect(setup).toEqual({ needed: false });
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/audit log ok/);
      const busy = await aims('--data', dataA, 'restore', '--force', path.join(tmp, 'backup.sqlite'));
      expect(busy.code).toBe(1);
      expect(busy.stderr).toMatch(/in use/);
    } finally {
      server.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    expect(fs.existsSync(path.join(dataA, 'openaims.sqlite-wal'))).toBe(false); // closed cleanly
  });

  it('restore into a fresh data directory brings the data back; a second restore needs --force', async () => {
    const backup = path.join(tmp, 'backup.sqlite');
    const restored = await aims('--data', dataB, 'restore', backup, '--json');
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ replaced: false, users: 1, organizations: 2 });

    const [orgs, verify] = await Promise.all([
      aims('--data', dataB, 'org', 'list', '--json'),
      aims('--data', dataB, 'audit-log', 'verify', '--json'),
    ]);
    expect(JSON.parse(orgs.stdout).map((o: { slug: string }) => o.slug)).toEqual(['example-ltd', 'second']);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });
    const again = await aims('--data', dataB, 'restore', backup);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds data.*--force/);
  });

  it('audit-log verify names the first tampered row and exits 1', async () => {
    const conn = new SQLite(path.join(dataA, 'openaims.sqlite'));
    conn.exec('DROP TRIGGER audit_log_no_update'); // the guard an attacker must remove first (issue 16)
    conn.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run();
    conn.close();

    const broken = await aims('--data', dataA, 'audit-log', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/^broken at seq 1: /);
  });
});
