import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/harness/index.js';
import { writeResult } from '../../bench/harness/report.js';

// Keeps `npm run bench` from breaking unnoticed: the harness's core on an
// empty SQLite organization for two registers, one heavy read and the
// concurrency probe, with a handful of requests. No timing is asserted
// (figures belong in bench/results); the shape is: every measured GET has
// our samples and the floor's, writes have theirs, the JSON is written.
describe('bench harness', () => {
  it('measures registers beside their floor and writes the result file', async () => {
    const result = await runBench({
      dialect: 'sqlite',
      size: 'tiny',
      only: /^(ai-systems|roles|inventory summary|concurrency)$/,
      n: 3,
      heavyN: 1,
      writes: 2,
      rpsSeconds: 0.2,
      concurrencySeconds: 0.2,
    });
    const label = (r: { kind: string; name: string }) => `${r.kind} ${r.name}`;
    expect(result.routes.map(label)).toEqual([
      'create ai-systems',
      'list ai-systems',
      'get ai-systems',
      'update ai-systems',
      'create roles',
      'list roles',
      'get roles',
      'update roles',
      'report inventory summary',
    ]);
    for (const r of result.routes) {
      expect(r.skipped, label(r)).toBeUndefined();
      const reads = r.kind === 'list' || r.kind === 'get' || r.kind === 'report';
      expect(r.ours?.n, label(r)).toBe(reads ? (r.kind === 'report' ? 4 : 3) : 2);
      if (reads) {
        expect(r.floor?.n, label(r)).toBe(r.ours?.n);
        // the floor replays our data statements, not the sign-in's
        expect(r.statements?.all, label(r)).toBeGreaterThan(r.statements?.auth ?? 0);
      } else expect(r.floor, label(r)).toBeUndefined();
    }
    const list = result.routes.find((r) => label(r) === 'list ai-systems');
    expect(list?.rps?.ours).toBeGreaterThan(0);
    expect(list?.rps?.floor).toBeGreaterThan(0);
    expect(result.concurrency.map((c) => c.during)).toEqual(['idle', 'xlsx export', 'summary back to back', 'csv import']);
    expect(result.concurrency[1].list.n).toBeGreaterThan(0);
    // the import ran (a non-200 answer throws) and the list was probed beside it
    expect(result.concurrency[3].heavy?.ms).toBeGreaterThan(0);
    expect(result.concurrency[3].list.n).toBeGreaterThan(0);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-bench-smoke-'));
    try {
      const file = writeResult(dir, result);
      expect(path.basename(file)).toMatch(/-tiny-sqlite\.json$/);
      const written = JSON.parse(fs.readFileSync(file, 'utf8'));
      expect(written.routes).toHaveLength(result.routes.length);
      expect(written.routes.find((r: { name: string }) => r.name === 'inventory summary').verdict.target).toBe('p95 < 100 ms');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
