import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

function run(file: string, count: number, label: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/write-burst.ts', file, String(count), label], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('two processes writing one SQLite database', () => {
  it('serialises their transactions instead of failing with SQLITE_BUSY, each checkpointing on its worker and exiting when done', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-writers-'));
    const file = path.join(dir, 'openaims.sqlite');
    const setup = openDatabase({ dataDir: dir, databaseUrl: `sqlite:${file}` });
    await migrateToLatest(setup);
    await setup.close();

    const results = await Promise.all([run(file, 40, 'server'), run(file, 40, 'cli')]);
    expect(results.map((r) => r.stderr)).toEqual(['', '']);
    expect(results.map((r) => r.code)).toEqual([0, 0]);

    const check = openDatabase({ dataDir: dir, databaseUrl: `sqlite:${file}` });
    expect(await verifyAuditLog(check.db)).toMatchObject({ ok: true, rows: 80 });
    await check.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
