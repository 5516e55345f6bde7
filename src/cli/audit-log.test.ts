import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initArgs, runAims } from '../../test/support/aims-cli.js';
import { KEY_FILE, signerFromKey } from '../platform/audit-log/audit-log.signing.js';

// `aims audit-log verify` and `export-head` as a user runs them: the real
// program in a child process, on a throwaway SQLite data directory.

const aims = (args: string[], env: Record<string, string> = {}) =>
  runAims(args, { OPENAIMS_AUDIT_CHECKPOINT_EVERY: '5', ...env });

let tmp: string;
let data: string;
const init = (dir: string, env: Record<string, string> = {}) => aims(['--data', dir, ...initArgs()], env);

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-audit-'));
  data = path.join(tmp, 'a');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

// Each spawn is a process start: up to seconds on a busy shared machine.
describe('aims audit-log', { timeout: 300_000 }, () => {
  it('signs with a key file made in the data directory (0600); verify reports head, checkpoints and speed', async () => {
    expect((await init(data)).code).toBe(0);
    const keyFile = path.join(data, KEY_FILE);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);

    const [verified, exported] = await Promise.all([
      aims(['--data', data, 'audit-log', 'verify', '--json']),
      aims(['--data', data, 'audit-log', 'export-head', '--json']),
    ]);
    expect(verified.stderr).toBe('');
    const result = JSON.parse(verified.stdout);
    expect(result).toMatchObject({
      ok: true,
      head: { signed: true, seq: result.rows },
      checkpoints: Math.floor(result.rows / 5),
    });
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(result.seconds).toBeGreaterThan(0);
    // the speed is the rows over the time it took
    expect(Math.abs(result.rowsPerSecond * result.seconds - result.rows)).toBeLessThan(result.rows * 0.01 + 1);
    const head = JSON.parse(exported.stdout);
    expect(head).toMatchObject({ seq: result.rows, keyId: result.head.keyId, hash: result.head.hash });
    expect(Object.keys(head).sort()).toEqual(['at', 'hash', 'keyId', 'publicKey', 'seq', 'signature']);
    fs.writeFileSync(path.join(tmp, 'head.json'), exported.stdout);
  });

  it('verify --head passes while the log grows, and names the deleted tail when it is cut', async () => {
    const headFile = path.join(tmp, 'head.json');
    const created = await aims([
      '--data',
      data,
      'org',
      'create',
      '--name',
      'Second',
      '--slug',
      'second',
      '--owner',
      'ciso@example.com',
    ]);
    expect(created.code).toBe(0);
    const grown = await aims(['--data', data, 'audit-log', 'verify', '--head', headFile]);
    expect(grown.stdout).toMatch(
      /^ok\n\d+ rows, \d+ checkpoints, head at row \d+ signed by key [0-9a-f]{16}\nthe exported head \(row \d+\) matches\n(\d+) rows checked in \d+\.\d\d s: \d+ rows per second\n$/,
    );

    // someone who can write the file removes the guard and the last row
    const exported = JSON.parse(fs.readFileSync(headFile, 'utf8')) as { seq: number };
    const conn = new SQLite(path.join(data, 'openaims.sqlite'));
    const last = (conn.prepare('select max(seq) as n from audit_log').get() as { n: number }).n;
    conn.exec('DROP TRIGGER audit_log_no_delete');
    conn.prepare('DELETE FROM audit_log WHERE seq = ?').run(last);
    conn.close();
    const [cut, cutJson] = await Promise.all([
      aims(['--data', data, 'audit-log', 'verify']),
      aims(['--data', data, 'audit-log', 'verify', '--json']),
    ]);
    expect(cut.code).toBe(1);
    expect(cut.stdout).toBe(`broken at seq ${last}: row ${last} is missing: the signed head is at row ${last}\n`);
    expect(JSON.parse(cutJson.stdout)).toMatchObject({
      ok: false,
      break: { seq: last, reason: `row ${last} is missing: the signed head is at row ${last}` },
    });
    expect(exported.seq).toBeLessThan(last);
  });

  it('refuses a bad --head file or --trust-key with exit 2', async () => {
    fs.writeFileSync(path.join(tmp, 'bad.json'), '{"seq": "x"}');
    const [badHead, badKey] = await Promise.all([
      aims(['--data', data, 'audit-log', 'verify', '--head', path.join(tmp, 'bad.json')]),
      aims(['--data', data, 'audit-log', 'verify', '--trust-key', 'nope']),
    ]);
    expect(badHead.code).toBe(2);
    expect(badHead.stderr).toMatch(/--head .*seq/);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/--trust-key: nope is not a key id/);
  });

  it('signs with OPENAIMS_AUDIT_SIGNING_KEY when set (no key file); another instance key is not trusted', async () => {
    const dir = path.join(tmp, 'configured');
    const privateKey = generateKeyPairSync('ed25519').privateKey;
    const base64 = privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect((await init(dir, { OPENAIMS_AUDIT_SIGNING_KEY: base64 })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, KEY_FILE))).toBe(false);
    const keyId = signerFromKey(privateKey).keyId;
    const [mine, other, trusted] = await Promise.all([
      aims(['--data', dir, 'audit-log', 'verify', '--json'], { OPENAIMS_AUDIT_SIGNING_KEY: base64 }),
      aims(['--data', dir, 'audit-log', 'verify', '--json']),
      aims(['--data', dir, 'audit-log', 'verify', '--trust-key', keyId]),
    ]);
    expect(JSON.parse(mine.stdout)).toMatchObject({ ok: true, head: { keyId } });
    // without the key configured, this instance has a key file of its own, which did not sign the log
    expect(JSON.parse(other.stdout)).toMatchObject({
      ok: false,
      break: { reason: expect.stringContaining(`signed by key ${keyId}, which this instance does not trust`) },
    });
    expect(trusted.code).toBe(0);
  });
});
