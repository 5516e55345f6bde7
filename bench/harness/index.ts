// The bench's core: one dialect, one size. Prepares the data, starts our
// app and the floor on their own ports, measures every register and the
// heavy requests, and returns the figures (bench/run.ts prints them and
// writes bench/results/*.json; the smoke test calls this at a tiny size).
import { buildApp } from '../../src/app.js';
import { EMPTY_SCOPE } from '../../src/modules/scope/scope.schemas.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { signIn } from '../../test/support/app.js';
import { generateInventoryCsv } from '../inventory-csv.js';
import { startFloorServer } from '../request-floor.js';
import { type ConcurrencyResult, measureConcurrency } from './concurrency.js';
import { type BenchDialect, type BenchSize, OWNER_EMAIL, prepareDatabase } from './dataset.js';
import { agent, json, request } from './http.js';
import { type Ctx, measureFile, measureRead, measureRegister, type RouteResult } from './measure.js';
import { type Refs, registersOf } from './routes.js';

export interface BenchOptions {
  dialect: BenchDialect;
  size: BenchSize;
  seed?: number;
  /** measure only the routes whose register or label matches */
  only?: RegExp;
  /** sequential requests per GET (ours and floor each) */
  n?: number;
  /** runs of each heavy request (reports, summary, duplicates, imports, exports) */
  heavyN?: number;
  /** creates and updates per register */
  writes?: number;
  /** seconds each side is loaded for requests/s (in four turns, a b b a) */
  rpsSeconds?: number;
  /** seconds of each concurrency window; 0 leaves the concurrency part out */
  concurrencySeconds?: number;
  /** rows of the inventory CSV import */
  importRows?: number;
  log?: (line: string) => void;
}

export interface BenchResult {
  dialect: BenchDialect;
  size: BenchSize;
  seed: number;
  startedAt: string;
  seconds: number;
  seeding: { how: string; ms: number; cached: boolean };
  settings: Required<Omit<BenchOptions, 'only' | 'log' | 'dialect' | 'size' | 'seed'>> & { only: string | null };
  routes: RouteResult[];
  concurrency: ConcurrencyResult[];
}

export async function runBench(opts: BenchOptions): Promise<BenchResult> {
  const started = Date.now();
  const seed = opts.seed ?? 42;
  const settings = {
    // A p95 of 200 requests read 0.94 or 2.11 ms for one floor route from one
    // PostgreSQL run to the next (5-8% of requests on both sides meet a 1-3 ms
    // hiccup, so the 190th value lands in or out of them): 1,000 steadies it.
    n: opts.n ?? 1000,
    heavyN: opts.heavyN ?? 5,
    writes: opts.writes ?? 30,
    // 3 s read the AI systems list's ratio anywhere from 0.47 to 0.75 of the
    // floor on one build and machine, run after run; twice as long averages more of the machine's noise.
    rpsSeconds: opts.rpsSeconds ?? 6,
    concurrencySeconds: opts.concurrencySeconds ?? 3,
    importRows: opts.importRows ?? 1000,
    only: opts.only ? String(opts.only) : null,
  };
  const log = opts.log ?? (() => {});
  const prepared = await prepareDatabase(opts.dialect, opts.size, seed);
  log(
    `${opts.dialect} ${opts.size}: ${prepared.seeding.how} (${prepared.seeding.cached ? 'cached' : `${(prepared.seeding.ms / 1000).toFixed(1)} s`})`,
  );
  const config = loadConfig({ logLevel: 'silent', dataDir: prepared.dataDir, webDir: '/nonexistent' }, {});
  const app = await buildApp(prepared.database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const floorRoutes = {};
  const floor = await startFloorServer(prepared.database.db, floorRoutes);
  try {
    const client = await signIn(app, OWNER_EMAIL);
    const headers = { cookie: client.cookie ?? '', 'x-csrf-token': client.csrf ?? '' };
    const ours = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const userId = json(await request(ours, 'GET', '/api/v1/session', { headers })).user.id as string;
    if (opts.size !== 'tiny') await approveScope(ours, prepared.orgId, headers);
    const ctx: Ctx = {
      ours,
      floorUrl: floor.url,
      floorRoutes,
      db: prepared.database.db,
      headers,
      orgId: prepared.orgId,
      ...settings,
      only: opts.only,
      log,
    };
    const wanted = (label: string) => !opts.only || opts.only.test(label);
    const routes: RouteResult[] = [];
    const refs: Refs = { aiSystemIds: [], userId };
    // The readiness page is measured below as the readiness evaluation.
    for (const reg of registersOf(app).filter((r) => r.name !== 'readiness')) {
      // Registers others refer to run whenever one is wanted, so bodies have their ids.
      if (!wanted(reg.name) && !(opts.only && ['ai-systems', 'trainings'].includes(reg.name))) continue;
      const measured = await measureRegister(ctx, reg, refs);
      if (wanted(reg.name)) routes.push(...measured);
    }
    routes.push(...(await heavyRoutes(ctx, wanted)));
    const concurrency =
      settings.concurrencySeconds > 0 && wanted('concurrency')
        ? await measureConcurrency(
            ours,
            prepared.orgId,
            headers,
            settings.concurrencySeconds,
            // another seed than the import measurement's file: the same file
            // again would find every row unchanged and write nothing
            generateInventoryCsv(settings.importRows, OWNER_EMAIL, 43),
          )
        : [];
    return {
      dialect: opts.dialect,
      size: opts.size,
      seed,
      startedAt: new Date(started).toISOString(),
      seconds: (Date.now() - started) / 1000,
      seeding: prepared.seeding,
      settings,
      routes,
      concurrency,
    };
  } finally {
    await floor.close();
    await app.close();
    await prepared.dispose();
    agent.destroy();
  }
}

/** Reports, the inventory's summary and duplicates, the audit log, imports and exports. */
async function heavyRoutes(ctx: Ctx, wanted: (label: string) => boolean): Promise<RouteResult[]> {
  const org = `/api/v1/orgs/${ctx.orgId}`;
  const out: RouteResult[] = [];
  const reads: [string, 'report' | 'audit-log', string][] = [
    ['inventory summary', 'report', `${org}/ai-systems/summary`],
    ['inventory duplicates', 'report', `${org}/ai-systems/duplicates`],
    ['inventory scope gaps', 'report', `${org}/ai-systems/scope-gaps`],
    ['readiness evaluation', 'report', `${org}/readiness`],
    ['risk heatmap', 'report', `${org}/risks/heatmap`],
    ['evidence coverage', 'report', `${org}/evidence/coverage`],
    ['training matrix', 'report', `${org}/training/matrix`],
    ['audit log, filter matching nothing', 'audit-log', `${org}/audit-log?action=bench.no-such-action&limit=50`],
    ['audit log, first page', 'audit-log', `${org}/audit-log?limit=50`],
  ];
  for (const [name, kind, url] of reads) if (wanted(name)) out.push(await measureRead(ctx, name, kind, url, ctx.heavyN * 4));
  const gap = await request(ctx.ours, 'GET', `${org}/gap-assessments`, { headers: ctx.headers });
  const gapId = gap.status === 200 ? (json(gap).items ?? json(gap))[0]?.id : undefined;
  if (wanted('gap report')) {
    if (gapId) {
      out.push(
        await measureFile(
          ctx,
          'gap report (HTML)',
          'report',
          'GET',
          `${org}/gap-assessments/${gapId}/report?format=html`,
          ctx.heavyN,
        ),
      );
      out.push(
        await measureFile(
          ctx,
          'gap report (XLSX)',
          'report',
          'GET',
          `${org}/gap-assessments/${gapId}/report?format=xlsx`,
          ctx.heavyN,
        ),
      );
    } else
      out.push({
        name: 'gap report',
        kind: 'report',
        method: 'GET',
        url: `${org}/gap-assessments/{id}/report`,
        skipped: 'no gap assessment',
      });
  }
  if (wanted('inventory import')) {
    const csv = generateInventoryCsv(ctx.importRows, OWNER_EMAIL);
    const imp = `${org}/ai-systems/import?format=csv`;
    out.push(
      await measureFile(
        ctx,
        `inventory import, ${ctx.importRows} CSV rows (dry run)`,
        'import',
        'POST',
        `${imp}&dryRun=true`,
        ctx.heavyN,
        { data: csv, type: 'text/csv' },
      ),
    );
    out.push(
      await measureFile(ctx, `inventory import, ${ctx.importRows} CSV rows (creates)`, 'import', 'POST', imp, 1, {
        data: csv,
        type: 'text/csv',
      }),
    );
  }
  const exports: [string, string][] = [
    ['inventory export CSV', `${org}/ai-systems/export?format=csv`],
    ['inventory export XLSX', `${org}/ai-systems/export?format=xlsx`],
    ['inventory export CycloneDX', `${org}/ai-systems/export?format=cyclonedx`],
    ['SoA export', `${org}/soa/export`],
    ['roles export', `${org}/roles/export`],
    ['incidents export', `${org}/incidents/export`],
    ['training matrix export', `${org}/training/matrix/export`],
  ];
  for (const [name, url] of exports) if (wanted(name)) out.push(await measureFile(ctx, name, 'export', 'GET', url, ctx.heavyN));
  return out;
}

/**
 * An approved scope naming 500 of the organization's AI systems (the most a
 * scope holds), as a certified organization has: the inventory's pages read
 * it on every request. Approved over its open warnings, each with a reason.
 */
async function approveScope(ours: string, orgId: string, headers: Record<string, string>) {
  const org = `/api/v1/orgs/${orgId}`;
  const listed = json(await request(ours, 'GET', `${org}/ai-systems?limit=200&sort=name`, { headers })).items as {
    id: string;
    name: string;
  }[];
  const aiSystems = Array.from({ length: 500 }, (_, i) => ({
    name: i < listed.length ? listed[i].name : `Planned assistant ${i}`,
    description: 'Drafts answers to customer questions; a person reviews each before it is sent.',
    aiSystemId: i < listed.length ? listed[i].id : null,
  }));
  const content = {
    ...EMPTY_SCOPE,
    boundaryStatement: 'The AI systems named below, as built and used by the Berlin office for customers in the EU.',
    aiSystems,
  };
  const draft = await request(ours, 'PUT', `${org}/scope/draft`, { headers, body: JSON.stringify({ content }) });
  if (draft.status !== 200) throw new Error(`scope draft: ${draft.status} ${draft.body.toString().slice(0, 300)}`);
  const checks = (json(draft).checks ?? []) as { code: string; severity: string; field: string }[];
  const exceptions = checks
    .filter((c) => c.severity === 'warning')
    .map((c) => ({ code: c.code, field: c.field, reason: 'Accepted for the benchmark organization.' }));
  const approved = await request(ours, 'POST', `${org}/scope/draft/approve`, { headers, body: JSON.stringify({ exceptions }) });
  if (approved.status !== 200) throw new Error(`scope approval: ${approved.status} ${approved.body.toString().slice(0, 300)}`);
}
