// Monitoring at scale (issue 13): 100,000 observations pushed through the
// batch endpoint over real HTTP with an API token, 10 requests of 10,000
// (target: under 10 s on SQLite), then the chart of a metric with 10,000
// observations (target: under 100 ms). Prints numbers; the targets are
// printed beside them, never asserted. Alone: `npx tsx bench/monitoring.ts`
// (PostgreSQL too with PG_TEST_URL). Measured 2026-12-02, 2 cores at load 6-11:
// ingest SQLite 8.1 s -> 2.7-4.4 s, PostgreSQL 9.5 s -> 4.9-7.7 s (direct multi-row
// inserts); chart p50/p95 PostgreSQL 50-66/133-220 ms -> 20/31 ms (one string_agg
// value instead of 10,000 rows), SQLite 21-26/36-55 ms.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/platform/config/config.js';
import { type Database, openDatabase } from '../src/platform/db/db.js';
import { migrateToLatest } from '../src/platform/db/migrate.js';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { testDialects } from '../test/support/db.js';

const BATCHES = 10;
const PER_BATCH = 10_000;
const CHART_POINTS = 10_000;

function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (n: number) => `${n.toFixed(1)} ms`;

async function sqliteFileApp(dir: string): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const database = openDatabase({ dataDir: dir });
  await migrateToLatest(database);
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: dir, webDir: '/nonexistent' }, {}));
  await app.ready();
  return {
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A batch of observations one second apart from `start` (seconds before now), a dip beyond the threshold every 1,000. */
function batchBody(metricId: string, start: number, n: number, t0: number) {
  return JSON.stringify({
    observations: Array.from({ length: n }, (_, i) => {
      const k = start + i;
      const dip = k % 1000 >= 500 && k % 1000 < 505;
      return {
        metricId,
        value: dip ? 0.5 + (k % 7) / 100 : 0.9 + (k % 13) / 200,
        observedAt: new Date(t0 + k * 1000).toISOString(),
        source: 'bench',
      };
    }),
  });
}

async function benchDialect(dialect: 'sqlite' | 'postgres') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-monitoring-'));
  const t = dialect === 'sqlite' ? await sqliteFileApp(dir) : await createTestApp('postgres');
  try {
    const { client, orgId } = await setupOwner(t.app);
    const api = (p: string) => `/api/v1/orgs/${orgId}/${p}`;
    const system = (await client.post(api('ai-systems'), { name: 'Support Copilot' })).body.id as string;
    const metric = async (name: string) => {
      const r = await client.post(api('monitoring-metrics'), {
        aiSystemId: system,
        name,
        kind: 'accuracy',
        direction: 'higher-is-better',
        threshold: 0.8,
        reviewEveryDays: 30,
      });
      if (r.status !== 201) throw new Error(`metric: HTTP ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    };
    const ingested = await metric('Answer accuracy');
    const charted = await metric('Chart accuracy');
    const token = (await client.post('/api/v1/tokens', { name: 'bench' })).body.token as string;
    const base = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const post = async (body: string) => {
      const r = await fetch(`${base}${api(`ai-systems/${system}/observations`)}`, { method: 'POST', headers, body });
      if (r.status !== 201) throw new Error(`ingest: HTTP ${r.status} ${(await r.text()).slice(0, 300)}`);
      return (await r.json()) as { accepted: number; breachesOpened: number; breachesClosed: number };
    };

    // 100,000 observations, 10 requests of 10,000, in time order ending a minute ago
    const total = BATCHES * PER_BATCH;
    const t0 = Date.now() - (total + 60) * 1000;
    const bodies = Array.from({ length: BATCHES }, (_, b) => batchBody(ingested, b * PER_BATCH, PER_BATCH, t0));
    const each: number[] = [];
    let opened = 0;
    const start = performance.now();
    for (const body of bodies) {
      const s = performance.now();
      opened += (await post(body)).breachesOpened;
      each.push(performance.now() - s);
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(
      `${dialect.padEnd(8)} ingest ${total.toLocaleString('en')} observations, ${BATCHES} x ${PER_BATCH.toLocaleString('en')} over HTTP: ${seconds.toFixed(2)} s (per request p50 ${ms(pct(each, 50))}, max ${ms(Math.max(...each))}; ${opened} breaches opened; target < 10 s: ${seconds < 10 ? 'met' : 'MISSED'})`,
    );

    // a late batch re-evaluates from the window it falls in
    const late = performance.now();
    await post(batchBody(ingested, 50_500, 1000, t0));
    console.log(
      `${dialect.padEnd(8)} ingest 1,000 late observations (inside recorded windows, mid-series): ${ms(performance.now() - late)}`,
    );

    // the chart of a metric with 10,000 observations
    await post(batchBody(charted, 0, CHART_POINTS, t0));
    // as autovacuum would have by then: the chart's read is then index-only
    if (dialect === 'postgres') {
      await sql`vacuum analyze monitoring_observations`.execute(t.database.db);
      const plan = await t.database.db
        .selectFrom('monitoring_observations')
        .select(['observed_at', 'value'])
        .where('metric_id', '=', charted)
        .orderBy('observed_at')
        .orderBy('id')
        .explain<{ 'QUERY PLAN': string }>(undefined, sql`analyze`);
      console.log(`postgres EXPLAIN ANALYZE chart read:\n  ${plan.map((r) => r['QUERY PLAN']).join('\n  ')}`);
    }
    const get = async (q: string) => {
      const r = await fetch(`${base}${api(`monitoring-metrics/${charted}/observations${q}`)}`, { headers });
      if (r.status !== 200) throw new Error(`chart: HTTP ${r.status}`);
      return (await r.json()) as { points: unknown[]; total: number };
    };
    for (const [label, q, runs] of [
      ['GET chart, 10,000 obs -> 2,000 points', '', 100],
      ['GET chart, 10,000 obs, limit=10000', '?limit=10000', 50],
    ] as const) {
      for (let i = 0; i < 5; i++) await get(q);
      const wall: number[] = [];
      let points = 0;
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        points = (await get(q)).points.length;
        wall.push(performance.now() - s);
      }
      const p95 = pct(wall, 95);
      console.log(
        `${dialect.padEnd(8)} ${label.padEnd(40)} p50 ${ms(pct(wall, 50))} p95 ${ms(p95)}  (${points} points, n=${runs}; target < 100 ms: ${p95 < 100 ? 'met' : 'MISSED'})`,
      );
    }
  } finally {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchMonitoring(): Promise<void> {
  for (const dialect of testDialects()) await benchDialect(dialect);
}

// Keeps the bench runnable alone: `npx tsx bench/monitoring.ts`.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await benchMonitoring();
}
