// Per-request cost against the floor of this stack (issue 17, item 2): our
// inventory list and get, listening on a port, beside a bare Fastify route
// (no authentication, no schemas) that runs the same data SQL on the same
// data. Sequential latency (p50/p95/p99) and requests per second with 10
// clients, over real HTTP with keep-alive. `npx tsx bench/request-floor.ts`
// (PostgreSQL too when PG_TEST_URL is set). Prints figures; asserts nothing.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { CompiledQuery, type DatabaseConnection, type QueryExecutor } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { buildApp } from '../src/app.js';
import { refreshDuplicateKeys } from '../src/modules/inventory/index.js';
import { loadConfig } from '../src/platform/config/config.js';
import type { Db } from '../src/platform/db/db.js';
import { setupOwner } from '../test/support/app.js';
import { createTestDatabase, type TestDialect, testDialects } from '../test/support/db.js';

/** A statement as the driver received it: replayed as is by the floor. */
export interface FloorQuery {
  sql: string;
  parameters: readonly unknown[];
}

/**
 * The floor: a bare Fastify app whose GET /floor/<name> runs the given
 * statements in order through the same Kysely driver and answers with their
 * rows as JSON (JSON.stringify, no schema). Listens on a free port.
 */
export async function startFloorServer(db: Db, routes: Record<string, FloorQuery[]>) {
  const app = Fastify({ logger: false });
  app.get<{ Params: { name: string } }>('/floor/:name', async (req, reply) => {
    const queries = routes[req.params.name];
    if (!queries) return reply.code(404).send({ error: 'no such floor route' });
    const results: unknown[] = [];
    for (const q of queries) results.push((await db.executeQuery(CompiledQuery.raw(q.sql, [...q.parameters]))).rows);
    return reply.type('application/json').send(JSON.stringify({ results }));
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
}

/**
 * Every statement the database runs while `fn` runs, with its parameters
 * (the connection is wrapped, as test/support/query-log.ts does).
 */
export async function captureQueries(db: Db, fn: () => Promise<unknown>): Promise<FloorQuery[]> {
  const captured: FloorQuery[] = [];
  const executor = db.getExecutor() as QueryExecutor;
  const provide = executor.provideConnection;
  executor.provideConnection = <T>(consumer: (c: DatabaseConnection) => Promise<T>) =>
    provide.call<QueryExecutor, [(c: DatabaseConnection) => Promise<T>], Promise<T>>(executor, (c: DatabaseConnection) =>
      consumer({
        executeQuery: (q) => {
          captured.push({ sql: q.sql, parameters: q.parameters });
          return c.executeQuery(q);
        },
        streamQuery: (q, chunk) => c.streamQuery(q, chunk),
      }),
    );
  try {
    await fn();
  } finally {
    executor.provideConnection = provide;
  }
  return captured;
}

/** The statement that authenticates a request and reads its role (ours only): the floor has no sign-in. */
export const AUTHENTICATION = /\bfrom "(?:sessions|api_tokens)" inner join "users"/;

export interface LoadFigures {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Sequential latency over `n` requests (after a warm-up), then requests/s of `clients` clients for `seconds`. */
export async function measure(
  url: string,
  headers: Record<string, string> = {},
  opts: { n?: number; clients?: number; seconds?: number } = {},
): Promise<LoadFigures> {
  const { n = 300, clients = 10, seconds = 3 } = opts;
  for (let i = 0; i < 30; i++) {
    const status = await get(url, headers);
    if (status !== 200) throw new Error(`${url} answered ${status}`);
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await get(url, headers);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  let done = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await get(url, headers);
        done++;
      }
    }),
  );
  return { p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), rps: done / seconds };
}

const STAGES = ['planning', 'design', 'development', 'deployment', 'operation-and-monitoring'];
const RISK = ['Low', 'Medium', 'High', null];

/** `n` AI systems as raw rows in chunks (no audit entries: a read benchmark). */
export async function seedAiSystems(db: Db, orgId: string, n: number) {
  const now = Date.now();
  for (let start = 0; start < n; start += 500) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + 500); i++) {
      const name = `System ${String(i).padStart(5, '0')} ${['triage', 'scoring', 'assistant', 'forecast'][i % 4]}`;
      const at = new Date(now - i * 60_000).toISOString();
      rows.push({
        id: uuidv7(),
        org_id: orgId,
        external_id: `SYS-${i}`,
        name,
        name_key: name.toLowerCase(),
        kind: 'internal-tool' as const,
        business_owner_user_id: null,
        business_owner_name: i % 3 ? 'Finance team' : null,
        technical_owner_user_id: null,
        technical_owner_name: null,
        business_owner_email: null,
        technical_owner_email: null,
        purpose: `Helps the ${i % 7} team decide faster`,
        user_impact: '["internal"]',
        data_categories: '["emails"]',
        data_source: 'CRM',
        data_sensitivity: null,
        risk_level: RISK[i % RISK.length],
        monitoring_method: i % 2 ? 'Monthly review' : '',
        ai_role: null,
        lifecycle_stage: STAGES[i % STAGES.length] as 'deployment',
        in_scope: i % 2,
        intended_use: '',
        foreseeable_misuse: '',
        human_oversight: '',
        deployment_date: null,
        last_review_date: null,
        tags: '[]',
        created_at: at,
        updated_at: at,
        archived_at: null,
        merged_into_id: null,
      });
    }
    await db.insertInto('ai_systems').values(rows).execute();
  }
  await refreshDuplicateKeys(db, orgId);
}

const fmt = (n: number) => n.toFixed(2).padStart(8);

async function benchDialect(dialect: TestDialect, size: number) {
  const database = await createTestDatabase(dialect);
  const config = loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {});
  const app = await buildApp(database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const ours = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const { client, orgId } = await setupOwner(app);
  await seedAiSystems(database.db, orgId, size);
  const headers = { cookie: client.cookie ?? '' };
  const first = await client.get(`/api/v1/orgs/${orgId}/ai-systems?limit=1&sort=name`);
  const oneId = first.body.items[0].id as string;
  const cases = {
    list: `/api/v1/orgs/${orgId}/ai-systems?limit=50&sort=-updatedAt&lifecycleStage=deployment`,
    get: `/api/v1/orgs/${orgId}/ai-systems/${oneId}`,
  };
  const floorRoutes: Record<string, FloorQuery[]> = {};
  const counts: Record<string, { all: number; auth: number }> = {};
  for (const [name, url] of Object.entries(cases)) {
    const all = await captureQueries(database.db, () => get(`${ours}${url}`, headers));
    floorRoutes[name] = all.filter((q) => !AUTHENTICATION.test(q.sql));
    counts[name] = { all: all.length, auth: all.length - floorRoutes[name].length };
  }
  const floor = await startFloorServer(database.db, floorRoutes);
  console.log(`\n${dialect}, ${size} AI systems (shared machine: absolute figures are under contention; compare the ratios)`);
  console.log('case   side     p50 ms   p95 ms   p99 ms    req/s   statements');
  for (const name of Object.keys(cases) as (keyof typeof cases)[]) {
    const o = await measure(`${ours}${cases[name]}`, headers);
    const f = await measure(`${floor.url}/floor/${name}`);
    console.log(
      `${name.padEnd(6)} ours  ${fmt(o.p50)} ${fmt(o.p95)} ${fmt(o.p99)} ${fmt(o.rps)}   ${counts[name].all} (${counts[name].auth} auth)`,
    );
    console.log(`${name.padEnd(6)} floor ${fmt(f.p50)} ${fmt(f.p95)} ${fmt(f.p99)} ${fmt(f.rps)}   ${floorRoutes[name].length}`);
    console.log(`${name.padEnd(6)} ratio p95 ${(o.p95 / f.p95).toFixed(2)}x, req/s ${(o.rps / f.rps).toFixed(2)} of the floor`);
  }
  await floor.close();
  await app.close();
  await database.destroy();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const size = Number(process.env.BENCH_SIZE ?? 10_000);
  for (const dialect of testDialects()) await benchDialect(dialect, size);
  agent.destroy();
}
