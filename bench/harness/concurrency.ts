// Does a heavy request hold up the others? A list request is sent every
// 20 ms, one at a time (the next goes at once when one took longer), while
// (a) nothing else runs, (b) an XLSX export of the inventory runs, (c)
// summary requests run back to back, (d) an inventory CSV import writes its
// rows (a file whose rows update the import measurement's or are new). Also
// the export's duration and the rise of the process's resident memory while
// it runs (server and client share this process, so the rise is the
// server's work plus a small client).
import { performance } from 'node:perf_hooks';
import { json, request, type Stats, stats } from './http.js';

export interface ConcurrencyResult {
  during: 'idle' | 'xlsx export' | 'summary back to back' | 'csv import';
  list: Stats;
  /** the heavy work: its duration (ms), runs, and the peak RSS rise (MB) */
  heavy?: { ms: number; runs: number; rssRiseMb: number };
}

async function probeWhile(ours: string, listUrl: string, headers: Record<string, string>, work: () => Promise<number>) {
  const times: number[] = [];
  let running = true;
  const rss0 = process.memoryUsage().rss;
  let peak = rss0;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  // One probe at a time, one every 20 ms (at once when the last took longer):
  // a slow answer shows the wait, without probes queueing behind each other.
  const probe = (async () => {
    while (running) {
      const next = performance.now() + 20;
      const a = await request(ours, 'GET', listUrl, { headers });
      if (a.status === 200) times.push(a.ms);
      const wait = next - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
  })();
  const t0 = performance.now();
  let runs = 0;
  try {
    runs = await work();
  } finally {
    running = false;
  }
  const ms = performance.now() - t0;
  await probe;
  clearInterval(sampler);
  return { times, ms, runs, rssRiseMb: (peak - rss0) / 1e6 };
}

export async function measureConcurrency(
  ours: string,
  orgId: string,
  headers: Record<string, string>,
  seconds: number,
  importCsv?: string,
): Promise<ConcurrencyResult[]> {
  const inv = `/api/v1/orgs/${orgId}/ai-systems`;
  const list = `${inv}?limit=50&sort=-updatedAt`;
  const out: ConcurrencyResult[] = [];
  const idle = await probeWhile(ours, list, headers, async () => {
    await new Promise((r) => setTimeout(r, seconds * 1000));
    return 0;
  });
  out.push({ during: 'idle', list: stats(idle.times) });
  const exp = await probeWhile(ours, list, headers, async () => {
    const a = await request(ours, 'GET', `${inv}/export?format=xlsx`, { headers });
    if (a.status !== 200) throw new Error(`xlsx export answered ${a.status}`);
    return 1;
  });
  out.push({ during: 'xlsx export', list: stats(exp.times), heavy: { ms: exp.ms, runs: 1, rssRiseMb: exp.rssRiseMb } });
  const sum = await probeWhile(ours, list, headers, async () => {
    let runs = 0;
    const end = performance.now() + seconds * 1000;
    while (performance.now() < end) {
      const a = await request(ours, 'GET', `${inv}/summary`, { headers });
      if (a.status !== 200) throw new Error(`summary answered ${a.status}`);
      runs++;
    }
    return runs;
  });
  out.push({
    during: 'summary back to back',
    list: stats(sum.times),
    heavy: { ms: sum.ms, runs: sum.runs, rssRiseMb: sum.rssRiseMb },
  });
  if (importCsv) {
    const imp = await probeWhile(ours, list, headers, async () => {
      const a = await request(ours, 'POST', `${inv}/import?format=csv`, { headers, body: importCsv, contentType: 'text/csv' });
      if (a.status !== 200) throw new Error(`import answered ${a.status}: ${a.body.toString().slice(0, 200)}`);
      const { created, updated } = json(a) as { created: number; updated: number };
      if (created + updated === 0) throw new Error('the import wrote nothing: the probe would measure a read');
      return 1;
    });
    out.push({ during: 'csv import', list: stats(imp.times), heavy: { ms: imp.ms, runs: 1, rssRiseMb: imp.rssRiseMb } });
  }
  return out;
}
