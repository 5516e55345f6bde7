// Inventory exports at scale (issue 17): 100,000 AI systems exported as
// XLSX, CSV and CycloneDX over real HTTP, with the process's RSS sampled
// every 50 ms during the XLSX export and a list request issued every 20 ms
// while each export runs (its p95 shows whether the export blocks the event
// loop). Targets, printed beside the figures, never asserted: XLSX under
// 10 s and 300 MB of RSS rise, concurrent list p95 under 50 ms.
//
//   npx tsx bench/exports.ts            SQLite (and PostgreSQL when PG_TEST_URL is set)
//   EXPORT_N=20000 npx tsx bench/exports.ts
import { performance } from 'node:perf_hooks';
import { uuidv7 } from 'uuidv7';
import { refreshDuplicateKeys } from '../src/modules/inventory/index.js';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { type TestDialect, testDialects } from '../test/support/db.js';

const N = Number(process.env.EXPORT_N ?? 100_000);
/** EXPORT_LINKS=0 seeds no supplier links (the code before issue 17 failed to resolve 100,000 of them at once). */
const LINKS = process.env.EXPORT_LINKS !== '0';
const SUPPLIERS = 50;
const CHUNK = 500;

const STAGES = ['idea', 'development', 'production', 'retired'];
const KINDS = ['own-model', 'product-feature', 'internal-tool', 'third-party-saas', 'agent'];
const DEPTS = ['Finance', 'Sales', 'Support', 'HR', 'Legal', 'Marketing', 'Engineering', 'Operations'];
const USES = ['invoice triage', 'lead scoring', 'ticket summariser', 'CV screening', 'contract review', 'code review bot'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] : Number.NaN;
};
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${(x / 1024 / 1024).toFixed(0)} MB`;

async function seed(t: Awaited<ReturnType<typeof createTestApp>>, orgId: string, supplierIds: string[]) {
  const db = t.database.db;
  const now = new Date().toISOString();
  for (let from = 0; from < N; from += CHUNK) {
    const rows = [];
    const links = [];
    for (let i = from; i < Math.min(N, from + CHUNK); i++) {
      const id = uuidv7();
      const name = `${DEPTS[i % DEPTS.length]} ${USES[i % USES.length]} ${i}`;
      rows.push({
        id,
        org_id: orgId,
        external_id: `EXT-${i}`,
        name,
        name_key: name.toLowerCase(),
        kind: KINDS[i % KINDS.length] as never,
        business_owner_name: `Owner ${i % 97}`,
        technical_owner_name: `Engineer ${i % 89}`,
        purpose: `Helps the ${DEPTS[i % DEPTS.length]} team with ${USES[i % USES.length]}; reviewed by a person before use.`,
        user_impact: JSON.stringify(['internal']),
        data_categories: JSON.stringify(['customer records', 'emails']),
        data_source: 'CRM export',
        data_sensitivity: 'internal' as never,
        risk_level: null,
        monitoring_method: 'Monthly sample review of 20 outputs',
        ai_role: null,
        lifecycle_stage: STAGES[i % STAGES.length] as never,
        in_scope: i % 3 === 0 ? 1 : 0,
        intended_use: 'Drafts only; a person decides.',
        foreseeable_misuse: 'Used to decide without review',
        human_oversight: 'Every output reviewed',
        deployment_date: '2025-01-15',
        last_review_date: null,
        tags: JSON.stringify(['bench']),
        created_at: now,
        updated_at: now,
        archived_at: null,
        merged_into_id: null,
      });
      links.push({
        org_id: orgId,
        ai_system_id: id,
        supplier_id: supplierIds[i % supplierIds.length],
        dependency: 'api' as const,
      });
    }
    await db.insertInto('ai_systems').values(rows).execute();
    if (LINKS) await db.insertInto('ai_system_suppliers').values(links).execute();
  }
  await refreshDuplicateKeys(db, orgId);
}

async function run(dialect: TestDialect) {
  const t = await createTestApp(dialect);
  try {
    const { client, orgId } = await setupOwner(t.app);
    const supplierIds: string[] = [];
    for (let i = 0; i < SUPPLIERS; i++)
      supplierIds.push((await client.post(`/api/v1/orgs/${orgId}/suppliers`, { name: `Vendor ${i}` })).body.id);
    const t0 = performance.now();
    await seed(t, orgId, supplierIds);
    console.log(`${dialect}: seeded ${N} AI systems in ${ms(performance.now() - t0)}`);

    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const headers = { cookie: client.cookie ?? '' };
    const base = `${address}/api/v1/orgs/${orgId}/ai-systems`;
    for (const format of ['xlsx', 'csv', 'cyclonedx'] as const) {
      if (global.gc) global.gc();
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().rss);
      }, 50);
      const lists: number[] = [];
      let running = true;
      let failed = 0;
      const lister = (async () => {
        while (running) {
          const s = performance.now();
          const r = await fetch(`${base}?limit=50`, { headers });
          const body = await r.text();
          if (r.status !== 200) {
            failed++;
            if (failed === 1) console.log(`list answered ${r.status}: ${body.slice(0, 300)}`);
          }
          lists.push(performance.now() - s);
          await new Promise((res) => setTimeout(res, 20));
        }
      })();
      const s = performance.now();
      const res = await fetch(`${base}/export?format=${format}`, { headers });
      let bytes = 0;
      let chunks = 0;
      const first = performance.now() - s;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        chunks++;
      }
      const took = performance.now() - s;
      running = false;
      await lister;
      clearInterval(sampler);
      console.log(
        `${dialect.padEnd(8)} export ${format.padEnd(9)} ${res.status} ${ms(took).padStart(9)} (first byte ${ms(first)}, ${(bytes / 1e6).toFixed(1)} MB in ${chunks} chunks)` +
          `  RSS rise ${mb(peak - rss0)}  concurrent list p50 ${ms(pct(lists, 50))} p95 ${ms(pct(lists, 95))} max ${ms(Math.max(...lists))} (n=${lists.length}${failed ? `, ${failed} failed` : ''})`,
      );
    }
    console.log('targets: XLSX of 100,000 under 10 s and 300 MB RSS rise; concurrent list p95 under 50 ms');
  } finally {
    await t.close();
  }
}

console.log(
  `inventory exports, ${N} AI systems${LINKS ? ' (one supplier link each)' : ''}, real HTTP on 127.0.0.1 (shared 2-core machine: absolute times are under contention)`,
);
for (const dialect of testDialects()) await run(dialect);
