// A hostile inventory upload: a ~5 MB XLSX that unpacks to 1,000,000 rows,
// sent to the import route of a fresh app on SQLite. Prints the answer, the
// time to it and the process's peak RSS. Run on its own (one process per
// measurement, so the peak is this upload's): npx tsx bench/xlsx-hostile.ts
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestApp, setupOwner } from '../test/support/app.js';
import { writeTallXlsx } from '../test/support/hostile-xlsx.js';

const ROWS = Number(process.env.ROWS ?? 1_000_000);
/** uploads sent at once (the issue measured six) */
const AT_ONCE = Number(process.env.AT_ONCE ?? 1);
const file = await writeTallXlsx(path.join(os.tmpdir(), `openaims-tall-${ROWS}.xlsx`), ROWS);
const data = fs.readFileSync(file);
const t = await createTestApp('sqlite');
const { client, orgId } = await setupOwner(t.app);
const rssBefore = process.resourceUsage().maxRSS / 1024;
const t0 = performance.now();
const answers = await Promise.all(
  Array.from({ length: AT_ONCE }, () =>
    client.request('POST', `/api/v1/orgs/${orgId}/ai-systems/import`, data, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    }),
  ),
);
const res = answers[0];
const ms = performance.now() - t0;
const peak = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    rows: ROWS,
    atOnce: AT_ONCE,
    statuses: answers.map((a) => a.status),
    fileMB: +(data.length / 1e6).toFixed(1),
    error: res.body?.errors?.[0]?.message,
    ms: Math.round(ms),
    peakRssMB: Math.round(peak),
    rssBeforeMB: Math.round(rssBefore),
  }),
);
await t.close();
