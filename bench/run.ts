// `npm run bench`: cold start of the built server, and server-side latency of
// the busiest scope routes on SQLite (and PostgreSQL when PG_TEST_URL is set).
// Prints a table; numbers go into issue notes, never into test assertions.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { type TestDialect, testDialects } from '../test/support/db.js';
import { emptyContent } from '../test/support/fixtures.js';
import { benchInventory } from './inventory.js';
import { benchRisks } from './risks.js';
import { benchSoa } from './soa.js';
import { benchEvidence } from './evidence.js';
import { benchMonitoring } from './monitoring.js';
import { benchUpload } from './upload.js';
import { benchReadiness } from './readiness.js';

const root = path.resolve(import.meta.dirname, '..');

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function coldStart(runs = 5): Promise<number[]> {
  if (!fs.existsSync(path.join(root, 'dist/src/cli/index.js'))) {
    spawnSync('npm', ['run', 'build:server'], { cwd: root, stdio: 'inherit' });
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-'));
    const port = 41000 + i;
    const t0 = performance.now();
    const child = spawn(process.execPath, ['bin/aims.js', '--data', data, 'serve', '--port', String(port)], {
      cwd: root,
      env: { ...process.env, OPENAIMS_LOG_LEVEL: 'silent', DATABASE_URL: '' },
      stdio: 'ignore',
    });
    for (;;) {
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.status === 200) break;
      } catch {
        /* not listening yet */
      }
      if (performance.now() - t0 > 30_000) throw new Error('server did not start within 30 s');
      await new Promise((r) => setTimeout(r, 5));
    }
    times.push(performance.now() - t0);
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(data, { recursive: true, force: true });
  }
  return times;
}

async function routeLatency(dialect: TestDialect, n = 300) {
  const t = await createTestApp(dialect);
  try {
    const { client, orgId } = await setupOwner(t.app);
    const content = { ...emptyContent(), boundaryStatement: 'The AIMS covers the FlowPilot assistant and the Insights service.' };
    const rows: [string, number[]][] = [];
    const time = async (label: string, fn: () => Promise<{ status: number }>) => {
      const samples: number[] = [];
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        const r = await fn();
        samples.push(performance.now() - t0);
        if (r.status >= 300) throw new Error(`${label}: HTTP ${r.status}`);
      }
      rows.push([label, samples]);
    };
    await time('PUT scope draft (write + audit row)', () => client.put(`/api/v1/orgs/${orgId}/scope/draft`, { content }));
    await time('GET scope overview', () => client.get(`/api/v1/orgs/${orgId}/scope`));
    await time('GET audit log, 50 rows', () => client.get(`/api/v1/orgs/${orgId}/audit-log?limit=50`));
    return rows;
  } finally {
    await t.close();
  }
}

const cold = await coldStart();
console.log(
  `cold start to first 200 from /api/health (SQLite, built server, ${cold.length} runs): median ${ms(pct(cold, 50))}, max ${ms(Math.max(...cold))}`,
);
for (const dialect of testDialects()) {
  for (const [label, samples] of await routeLatency(dialect)) {
    console.log(
      `${dialect.padEnd(8)} ${label.padEnd(38)} p50 ${ms(pct(samples, 50))}  p95 ${ms(pct(samples, 95))}  (n=${samples.length}, in-process inject)`,
    );
  }
}
await benchInventory();
await benchRisks();
await benchSoa();
await benchEvidence();
await benchMonitoring();
await benchUpload();
await benchReadiness();
