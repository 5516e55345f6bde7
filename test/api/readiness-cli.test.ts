import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAims } from '../support/aims-cli.js';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { PASSWORD, signIn } from '../support/app.js';

// `aims readiness --org <slug> --json` as a child process against a throwaway
// SQLite data directory (as src/cli/*.test.ts run their commands), compared
// with GET /readiness from an app opened on the same database.

const aims = (...args: string[]) => runAims(args);

let tmp: string;
let data: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-ready-'));
  data = path.join(tmp, 'data');
  const init = await aims('--data', data, 'init', '--email', 'ciso@example.com', '--password', PASSWORD, '--org', 'Example Ltd');
  expect(init.code, init.stderr).toBe(0);
}, 60_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('aims readiness', { timeout: 60_000 }, () => {
  it('prints the same JSON as the API for the same organization', async () => {
    const cli = await aims('--data', data, 'readiness', '--org', 'example-ltd', '--json');
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.stdout);

    const database = openDatabase({ dataDir: data });
    const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: data, webDir: '/nonexistent' }, {}));
    await app.ready();
    try {
      const client = await signIn(app, 'ciso@example.com');
      const orgs = await client.get('/api/v1/orgs');
      const org = (orgs.body.items ?? orgs.body).find((o: { slug: string }) => o.slug === 'example-ltd');
      const api = await client.get(`/api/v1/orgs/${org.id}/readiness`);
      expect(api.status).toBe(200);
      const { evaluatedAt: a, ...fromApi } = api.body;
      const { evaluatedAt: b, ...fromCli } = printed;
      expect(typeof a).toBe('string');
      expect(typeof b).toBe('string');
      expect(fromCli).toEqual(fromApi);
      expect(fromCli.stage1.checks.find((c: { id: string }) => c.id === 'scope')).toMatchObject({ status: 'fail' });
    } finally {
      await app.close();
      await database.close();
    }
  });

  it('prints each verdict in words, and refuses an unknown organization', async () => {
    const words = await aims('--data', data, 'readiness', '--org', 'example-ltd');
    expect(words.code).toBe(0);
    expect(words.stdout).toMatch(/^Readiness of Example Ltd: \d+ of 14 journey steps done/);
    expect(words.stdout).toMatch(/FAIL Scope: No scope is drafted yet/);
    const unknown = await aims('--data', data, 'readiness', '--org', 'nobody', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No organization has the id or slug "nobody"/);
  });
});
