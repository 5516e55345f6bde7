// `npm run bench [-- --size small|medium|large] [--dialect sqlite|postgres|both]
//   [--only <regex>] [--n 1000] [--import-rows 1000] [--no-cold-start]`
// Every register's list (with a filter and a sort), get, create and update,
// the reports, imports and exports, beside the floor of this stack (a bare
// Fastify route running the same statements on the same data), plus a list's
// latency while an export and summaries run, and the cold start. Prints a
// table per dialect and writes bench/results/<date>-<size>-<dialect>.json.
// Default size medium (a run stays within minutes); the targets are
// read at --size large. PostgreSQL runs when PG_TEST_URL is set.
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { coldStart } from './harness/cold-start.js';
import type { BenchDialect, BenchSize } from './harness/dataset.js';
import { measureFirstLoad } from './harness/first-load.js';
import { runBench } from './harness/index.js';
import { table, writeResult } from './harness/report.js';

const { values } = parseArgs({
  options: {
    size: { type: 'string', default: 'medium' },
    dialect: { type: 'string', default: 'both' },
    only: { type: 'string' },
    n: { type: 'string' },
    // rows of the CSV import measured alone and while lists run (default 1,000)
    'import-rows': { type: 'string' },
    seed: { type: 'string', default: '42' },
    out: { type: 'string', default: path.resolve(import.meta.dirname, 'results') },
    'no-cold-start': { type: 'boolean', default: false },
  },
});
const size = values.size as BenchSize;
if (!['tiny', 'small', 'medium', 'large'].includes(size)) throw new Error('--size: small, medium or large');
const wantPg = values.dialect === 'postgres' || values.dialect === 'both';
if (values.dialect === 'postgres' && !process.env.PG_TEST_URL) throw new Error('--dialect postgres needs PG_TEST_URL');
const dialects: BenchDialect[] = [
  ...(values.dialect !== 'postgres' ? (['sqlite'] as const) : []),
  ...(wantPg && process.env.PG_TEST_URL ? (['postgres'] as const) : []),
];
const only = values.only ? new RegExp(values.only, 'i') : undefined;
// A server that does not start (an unbuilt or broken dist/) is reported, not fatal: the rest still measures.
// The target is read on a restart (an existing, migrated database: what users
// wait for after a deploy); a first start on a fresh data directory is shown beside it.
const measureCold = (mode: 'restart' | 'fresh') =>
  values['no-cold-start'] || only
    ? []
    : coldStart(5, mode).catch((err: Error): number[] => {
        console.log(`cold start (${mode}): not measured (${err.message})`);
        return [];
      });
const cold = { restart: await measureCold('restart'), fresh: await measureCold('fresh') };
const firstLoad = only ? null : await measureFirstLoad();
if (firstLoad) {
  const kb = firstLoad.bytes / 1024;
  console.log(
    `first load of the sign-in page: ${kb.toFixed(0)} KB in ${firstLoad.files.length} files (HTML and what it references; lazy chunks not counted); ${kb < 250 ? 'met' : 'MISSED'}: < 250 KB`,
  );
} else if (!only) console.log('first load of the sign-in page: not measured (web/dist missing: npm run build:web)');
const machine = {
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model,
  memoryGb: os.totalmem() / 1e9,
  node: process.version,
  load: os.loadavg(),
};
// Larger data, fewer repetitions of the whole-inventory requests: a large run stays within the hour.
const heavyN = size === 'large' ? 3 : 5;
for (const dialect of dialects) {
  const result = await runBench({
    dialect,
    size,
    seed: Number(values.seed),
    only,
    heavyN,
    ...(values.n ? { n: Number(values.n) } : {}),
    ...(values['import-rows'] ? { importRows: Number(values['import-rows']) } : {}),
    log: (line) => console.log(line),
  });
  console.log(
    `\n${dialect}, size ${size} (${result.seeding.how}), ${result.seconds.toFixed(0)} s; load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(table(result, dialect === 'sqlite' ? cold : undefined));
  console.log(
    `written: ${path.relative(process.cwd(), writeResult(values.out as string, result, { machine, coldStartMs: cold.restart, coldStartFreshMs: cold.fresh, firstLoad }))}\n`,
  );
}
