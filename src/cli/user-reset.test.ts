import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { runAims } from '../../test/support/aims-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../platform/auth/secrets.js';

// `aims user reset-password`: the instance operator's way back in for a user
// (the only one when the user is the sole owner). Runs the real program.

const aims = (...args: string[]) => runAims(args);

let data: string;
beforeAll(() => {
  data = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-reset-'));
});
afterAll(() => fs.rmSync(data, { recursive: true, force: true }));

describe('aims user reset-password', { timeout: 120_000 }, () => {
  it('prints a one-time password once, which must be changed at next sign-in', async () => {
    const init = await aims(
      '--data',
      data,
      'init',
      '--email',
      'ops@example.com',
      '--password',
      'correct horse battery',
      '--org',
      'Ops',
    );
    expect(init.code).toBe(0);
    const [json, unknown] = await Promise.all([
      aims('--data', data, 'user', 'reset-password', '--email', 'OPS@example.com', '--json'),
      aims('--data', data, 'user', 'reset-password', '--email', 'nobody@example.com'),
    ]);
    expect(json.code).toBe(0);
    const out = JSON.parse(json.stdout);
    expect(Object.keys(out)).toEqual(['userId', 'email', 'temporaryPassword']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No user has the email nobody@example.com/);

    const db = new SQLite(path.join(data, 'openaims.sqlite'), { readonly: true });
    try {
      const row = db.prepare('select password_hash, must_change_password from users').get() as {
        password_hash: string;
        must_change_password: number;
      };
      expect(row.must_change_password).toBe(1);
      expect(await verifyPassword(row.password_hash, out.temporaryPassword)).toBe(true);
      const audit = db.prepare("select actor from audit_log where action = 'reset-password'").all();
      expect(audit).toEqual([{ actor: 'cli' }]);
    } finally {
      db.close();
    }

    const plain = await aims('--data', data, 'user', 'reset-password', '--email', 'ops@example.com');
    expect(plain.code).toBe(0);
    expect(plain.stdout.trim()).toMatch(/^[A-Za-z0-9-]{20,}$/);
    expect(plain.stderr).toMatch(/shown once/);
  });
});
