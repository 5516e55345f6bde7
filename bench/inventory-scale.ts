// Inventory summary and duplicate groups at 100,000 AI systems (issue 17):
// bulk-loads one organization (about 2% near-duplicates, most systems with
// supplier links) on SQLite and, with PG_TEST_URL, on PostgreSQL, then times
// GET …/summary and GET …/duplicates (20 calls each, p50/p95), the longest
// event-loop block while they run, a create (which now stores its pairs), and
// an inventory CSV import of IMPORT_ROWS rows with a list probed every 20 ms
// meanwhile (its latency and the longest event-loop block). Then the rebuild
// of the stored name pieces (migrations 0048 and 0050) at that size, and
// creates in a numbered series of SERIES names ("Scoring model 1-1" ... ).
//
//   npx tsx bench/inventory-scale.ts [systems]      (default 100000)
import { performance } from 'node:perf_hooks';
import * as m0048 from '../migrations/0048_name_pieces_numbers.js';
import * as m0050 from '../migrations/0050_name_pieces_keys.js';
import { buildApp } from '../src/app.js';
import { refreshDuplicateKeys } from '../src/modules/inventory/index.js';
import type { AiSystemInput } from '../src/modules/inventory/inventory.schemas.js';
import { insertAiSystems } from '../src/modules/inventory/inventory.write.js';
import { EMPTY_AI_SYSTEM } from '../src/modules/inventory/inventory.schemas.js';
import { loadConfig } from '../src/platform/config/config.js';
import { settleAfterBulkLoad } from '../src/platform/db/bulk-load.js';
import { createTestDatabase, type TestDialect } from '../test/support/db.js';
import { setupOwner } from '../test/support/app.js';
import { generateInventoryCsv, USES } from './inventory-csv.js';
import { mulberry32 } from '../src/cli/dev-seed/random.js';
import { blockMeter } from './harness/http.js';

const N = Number(process.argv[2] ?? 100_000);
const CALLS = 20;
const IMPORT_ROWS = Number(process.env.IMPORT_ROWS ?? 1000);
const SERIES = Number(process.env.SERIES ?? 40_000);

const LINES =
  'Atlas Beacon Cobalt Delta Ember Falcon Granite Harbor Iris Juniper Kestrel Lumen Maple Nimbus Onyx Pioneer Quartz Raven Summit Tundra Umber Vertex Willow Zephyr'.split(
    ' ',
  );
const DEPTS = 'Finance Sales Support HR Legal Marketing Engineering Operations Risk Procurement Security Product'.split(' ');
const SITES =
  'Berlin Boston Lisbon Lagos Mumbai Osaka Paris Quito Sydney Toronto Vienna Warsaw Austin Dublin Madrid Nairobi Oslo Prague Seoul Tallinn'.split(
    ' ',
  );
const STAGES = ['Pilot', 'Prod'];
const VENDORS = 'OpenAI Microsoft Google Anthropic AWS Salesforce ServiceNow Zendesk HubSpot Workday UiPath Databricks'.split(
  ' ',
);
const RISKS = ['low', 'medium', 'high', null];

/** N distinct names (department, use, line, site, stage), about 2% a recent one respelled. */
function inputs(n: number, supplierIds: string[]): AiSystemInput[] {
  const r = mulberry32(42);
  const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)];
  const out: AiSystemInput[] = [];
  const taken = new Set<string>();
  for (let i = 0; i < n; i++) {
    const use = pick(USES);
    const dept = pick(DEPTS);
    let name = `${pick(LINES)} ${use} ${pick(STAGES)} (${dept}, ${pick(SITES)})`;
    while (taken.has(name)) name = `${pick(LINES)} ${use} ${pick(STAGES)} (${dept}, ${pick(SITES)})`;
    let purpose = `${use[0].toUpperCase()}${use.slice(1)} for ${dept.toLowerCase()}: ${pick(['drafts', 'ranks', 'flags', 'summarises'])} records so people decide faster.`;
    let suppliers: AiSystemInput['suppliers'] = r() < 0.8 ? [{ supplierId: pick(supplierIds), dependency: 'api' }] : [];
    if (i > 100 && r() < 0.02) {
      const original = out[out.length - 1 - Math.floor(r() * 50)];
      name = r() < 0.5 ? original.name.toUpperCase().replace(/[ (),]+/g, '-') : original.name.replace(/[aeiou]/, '');
      purpose = original.purpose;
      suppliers = original.suppliers;
    }
    taken.add(name);
    out.push({
      ...EMPTY_AI_SYSTEM,
      name,
      purpose,
      suppliers,
      kind: pick(['internal-tool', 'third-party-saas', 'own-model'] as const),
      riskLevel: pick(RISKS),
      monitoringMethod: r() < 0.7 ? 'Monthly review of sampled outputs' : '',
      businessOwner: r() < 0.9 ? { userId: null, name: `${dept} team` } : null,
      technicalOwner: r() < 0.85 ? { userId: null, name: 'ML engineering' } : null,
      inScope: r() < 0.6,
      lastReviewDate: r() < 0.6 ? `2026-0${1 + Math.floor(r() * 9)}-0${1 + Math.floor(r() * 9)}` : null,
    });
  }
  return out;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function run(dialect: TestDialect) {
  const database = await createTestDatabase(dialect);
  const app = await buildApp(database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {}));
  await app.ready();
  try {
    const { client, orgId } = await setupOwner(app);
    const supplierIds: string[] = [];
    for (const name of VENDORS) {
      const res = await client.post(`/api/v1/orgs/${orgId}/suppliers`, { name });
      if (res.status !== 201) throw new Error(`supplier: ${res.status} ${JSON.stringify(res.body)}`);
      supplierIds.push(res.body.id);
    }
    let t = performance.now();
    const all = inputs(N, supplierIds);
    const db = database.db;
    for (let i = 0; i < all.length; i += 10_000) {
      const chunk = all.slice(i, i + 10_000);
      await db.transaction().execute((tx) => insertAiSystems(tx, orgId, chunk));
    }
    const loadMs = performance.now() - t;
    t = performance.now();
    await refreshDuplicateKeys(db, orgId);
    const refreshMs = performance.now() - t;
    await settleAfterBulkLoad(db);

    const base = `/api/v1/orgs/${orgId}/ai-systems`;
    const first = await client.get(`${base}/summary`);
    const groups = (await client.get(`${base}/duplicates`)).body.items?.length;
    const times: Record<string, number[]> = { summary: [], duplicates: [], create: [] };
    const blocks = blockMeter();
    for (let i = 0; i < CALLS; i++) {
      for (const what of ['summary', 'duplicates'] as const) {
        const s = performance.now();
        const res = await client.get(`${base}/${what}`);
        if (res.status !== 200) throw new Error(`${what}: ${res.status}`);
        times[what].push(performance.now() - s);
        // inject and better-sqlite3 never leave the microtask queue: let timers run between requests
        await new Promise((r) => setTimeout(r, 6));
      }
    }
    const blockMs = blocks.stop();
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      const res = await client.post(base, {
        name: `${all[(i * 997) % all.length].name} copy`,
        purpose: all[(i * 997) % all.length].purpose,
      });
      if (res.status !== 201) throw new Error(`create: ${res.status}`);
      times.create.push(performance.now() - s);
    }
    console.log(
      `\n${dialect}: ${N} systems (load ${(loadMs / 1000).toFixed(1)} s, whole-org refreshDuplicateKeys ${(refreshMs / 1000).toFixed(1)} s)`,
    );
    console.log(
      `  summary: total ${first.body.total}, duplicate groups ${first.body.duplicateGroups} (GET duplicates: ${groups})`,
    );
    for (const [what, xs] of Object.entries(times))
      console.log(`  ${what.padEnd(10)} p50 ${ms(pct(xs, 50))}  p95 ${ms(pct(xs, 95))}  (n=${xs.length})`);
    console.log(`  longest event-loop block during summary/duplicates: ${ms(blockMs)}`);

    // An import while someone reads the list: the list must keep answering.
    const imported = await importWhileListing(client, base);
    console.log(
      `  import of ${IMPORT_ROWS} CSV rows: ${ms(imported.importMs)} (${imported.status}); list every 20 ms meanwhile: p50 ${ms(pct(imported.list, 50))}, p95 ${ms(pct(imported.list, 95))}, max ${ms(Math.max(...imported.list))} (n=${imported.list.length}); longest event-loop block ${ms(imported.blockMs)}`,
    );

    t = performance.now();
    await m0048.up(db as never);
    console.log(`  migration 0048 (name pieces rebuilt): ${ms(performance.now() - t)}`);
    t = performance.now();
    await m0050.up(db as never);
    console.log(`  migration 0050 (names copied onto the pieces): ${ms(performance.now() - t)}`);

    const series = await createsInSeries(client, database.db, orgId, base);
    console.log(
      `  create in a series of ${SERIES}: new numbers p50 ${ms(pct(series.fresh, 50))}, p95 ${ms(pct(series.fresh, 95))}; near a member p50 ${ms(pct(series.near, 50))}, p95 ${ms(pct(series.near, 95))} (n=${series.near.length}, ${series.paired} paired)`,
    );
  } finally {
    await app.close();
    await database.destroy();
  }
}

/** Loads a numbered series, then times creates of new members and of near-same spellings of stored ones. */
async function createsInSeries(
  client: Awaited<ReturnType<typeof setupOwner>>['client'],
  db: Awaited<ReturnType<typeof createTestDatabase>>['db'],
  orgId: string,
  base: string,
) {
  const name = (i: number) => `Scoring model ${1 + Math.floor(i / 1000)}-${1 + (i % 1000)}`;
  const rows = Array.from({ length: SERIES }, (_, i) => ({ ...EMPTY_AI_SYSTEM, name: name(i), purpose: 'Scores leads' }));
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 10_000)
    ids.push(...(await db.transaction().execute((tx) => insertAiSystems(tx, orgId, rows.slice(i, i + 10_000)))).ids);
  await refreshDuplicateKeys(db, orgId, ids);
  await settleAfterBulkLoad(db);
  const fresh: number[] = [];
  const near: number[] = [];
  let paired = 0;
  for (let k = 0; k < 20; k++) {
    for (const [what, out] of [
      [`Scoring model ${SERIES}-${k + 7}`, fresh],
      [name((k * 1999) % SERIES).replace('model', 'modl'), near],
    ] as const) {
      const s = performance.now();
      const res = await client.post(base, { name: what, purpose: 'Scores leads' });
      if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
      out.push(performance.now() - s);
      if (
        out === near &&
        (await client.get(`${base}/${res.body.id}`)).body.flags.some((f: { code: string }) => f.code === 'possible-duplicate')
      )
        paired++;
    }
  }
  return { fresh, near, paired };
}

async function importWhileListing(client: Awaited<ReturnType<typeof setupOwner>>['client'], base: string) {
  const csv = generateInventoryCsv(IMPORT_ROWS, 'lead@example.com');
  const blocks = blockMeter();
  const list: number[] = [];
  let importing = true;
  const probe = (async () => {
    while (importing) {
      const s = performance.now();
      const res = await client.get(`${base}?limit=50`);
      if (res.status !== 200) throw new Error(`list: ${res.status}`);
      list.push(performance.now() - s);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t = performance.now();
  const res = await client.request('POST', `${base}/import?format=csv`, csv, { 'content-type': 'text/csv' });
  const importMs = performance.now() - t;
  importing = false;
  await probe;
  const blockMs = blocks.stop();
  if (res.status >= 300) throw new Error(`import: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return { importMs, status: res.status, list, blockMs };
}

await run('sqlite');
if (process.env.PG_TEST_URL) await run('postgres');
