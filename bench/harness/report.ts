// The targets applied to a run, the printed table and the JSON file.
import fs from 'node:fs';
import path from 'node:path';
import type { Stats } from './http.js';
import type { BenchResult } from './index.js';
import type { RouteResult } from './measure.js';

export interface Verdict {
  target: string;
  met: boolean;
}

/** Targets of issue 17 ("from `npm run bench` at the large size"); null where the issue sets none. */
export function verdictOf(r: RouteResult, dialect: string): Verdict | null {
  if (r.skipped || !r.ours) return null;
  const p95 = r.ours.p95;
  if ((r.kind === 'list' || r.kind === 'get') && r.floor) {
    const limit = dialect === 'postgres' ? 15 : 10;
    const parts = [`p95 ≤ 2x floor, < ${limit} ms`];
    let met = p95 <= 2 * r.floor.p95 && p95 < limit;
    if (r.rps) {
      parts.push('req/s ≥ ½ floor');
      met &&= r.rps.ours >= r.rps.floor / 2;
    }
    return { target: parts.join('; '), met };
  }
  if (r.name === 'inventory summary' || r.name === 'inventory duplicates') return { target: 'p95 < 100 ms', met: p95 < 100 };
  if (r.name === 'audit log, filter matching nothing') return { target: 'p95 < 50 ms', met: p95 < 50 };
  return null;
}

const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n.toFixed(1));
const trio = (s?: Stats) => (s ? `${f(s.p50)} / ${f(s.p95)} / ${f(s.p99)}` : '-');

export function table(result: BenchResult, cold?: { restart: number[]; fresh: number[] }): string {
  const rows: string[][] = [['route', 'ours p50/p95/p99 ms', 'floor p50/p95/p99 ms', 'p95 ratio', 'req/s ours/floor', 'target']];
  for (const r of result.routes) {
    const label = `${r.kind} ${r.name}`;
    if (r.skipped) {
      rows.push([label, `skipped: ${r.skipped}`, '', '', '', '']);
      continue;
    }
    const v = verdictOf(r, result.dialect);
    const extra =
      r.bytes !== undefined && (r.kind === 'export' || r.kind === 'report') && !r.floor
        ? ` (${(r.bytes / 1e6).toFixed(2)} MB)`
        : '';
    rows.push([
      label,
      `${trio(r.ours)}${extra}`,
      trio(r.floor),
      r.floor && r.ours ? `${(r.ours.p95 / r.floor.p95).toFixed(2)}x` : '-',
      r.rps ? `${r.rps.ours.toFixed(0)} / ${r.rps.floor.toFixed(0)}` : '-',
      v ? `${v.met ? 'met' : 'MISSED'}: ${v.target}` : '',
    ]);
  }
  const widths = rows[0].map((_, i) => Math.min(60, Math.max(...rows.map((r) => r[i].length))));
  const lines = rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join(' | ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const c of result.concurrency) {
    let line = `list every 20 ms during ${c.during}: p50 ${f(c.list.p50)} ms, p95 ${f(c.list.p95)} ms, max ${f(c.list.max)} ms (n=${c.list.n})`;
    if (c.during === 'xlsx export' && c.heavy) {
      const met = c.heavy.ms < 10_000 && c.heavy.rssRiseMb < 300 && c.list.p95 < 50;
      line += `; export ${f(c.heavy.ms)} ms, RSS +${c.heavy.rssRiseMb.toFixed(0)} MB; ${met ? 'met' : 'MISSED'}: export < 10 s, < 300 MB, list p95 < 50 ms`;
    } else if (c.during === 'csv import' && c.heavy) line += `; import ${f(c.heavy.ms)} ms`;
    else if (c.heavy) line += `; ${c.heavy.runs} summaries in ${f(c.heavy.ms)} ms`;
    lines.push(line);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  if (cold?.restart.length) {
    const m = median(cold.restart);
    lines.push(
      `cold start to first 200 (SQLite, built server, existing database, ${cold.restart.length} runs): median ${f(m)} ms; ${m < 800 ? 'met' : 'MISSED'}: < 0.8 s`,
    );
  }
  if (cold?.fresh.length)
    lines.push(
      `first start on a fresh data directory (all migrations, ${cold.fresh.length} runs): median ${f(median(cold.fresh))} ms`,
    );
  return lines.join('\n');
}

/** Writes <dir>/<ISO date>-<size>-<dialect>.json with the verdicts beside the figures; returns the path. */
export function writeResult(dir: string, result: BenchResult, extra: Record<string, unknown> = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${result.startedAt.replace(/[:.]/g, '-')}-${result.size}-${result.dialect}.json`);
  const routes = result.routes.map((r) => ({ ...r, verdict: verdictOf(r, result.dialect) }));
  fs.writeFileSync(file, `${JSON.stringify({ ...result, ...extra, routes }, null, 2)}\n`);
  return file;
}
