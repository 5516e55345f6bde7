// The client side of the bench: real HTTP over keep-alive sockets, as a
// browser or an API client talks to the server, and the percentiles.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  ms: number;
}

/** One request; the time runs from sending to the last byte of the answer. */
export function request(
  base: string,
  method: string,
  url: string,
  opts: { headers?: Record<string, string>; body?: string | Buffer; contentType?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.body !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(opts.body));
    }
    const t0 = performance.now();
    const req = http.request(`${base}${url}`, { method, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - t0 }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

export const json = (a: Answer) => JSON.parse(a.body.toString('utf8'));

export interface Stats {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** Nearest-rank percentiles of a set of durations (ms). */
export function stats(samples: number[]): Stats {
  if (!samples.length) return { n: 0, p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
  return { n: s.length, p50: at(50), p95: at(95), p99: at(99), max: s[s.length - 1] };
}

/**
 * Two routes timed in turn, one request each per round: whatever else the
 * machine does at the time slows both alike, so their ratio holds on a noisy
 * machine, where timing one route after the other compares two moments.
 * `n` rounds after `warmup` unmeasured ones, or fewer once they pass
 * `budgetMs` (at least 10 are kept): a report that takes a second per
 * request must not hold a large run for minutes. Any non-2xx answer stops
 * the route with its body.
 */
export async function paired(
  a: () => Promise<Answer>,
  b: () => Promise<Answer>,
  n: number,
  warmup: number,
  budgetMs = 15_000,
): Promise<[number[], number[]]> {
  const ta: number[] = [];
  const tb: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < warmup + n; i++) {
    for (const [fn, times] of [
      [a, ta],
      [b, tb],
    ] as const) {
      const r = await fn();
      if (r.status >= 300) throw new Error(`HTTP ${r.status}: ${r.body.toString('utf8').slice(0, 300)}`);
      if (i >= warmup) times.push(r.ms);
    }
    if (ta.length >= 10 && performance.now() - t0 > budgetMs) break;
  }
  return [ta, tb];
}

/** Requests per second that `clients` concurrent clients get for `seconds`. */
export async function throughput(fn: () => Promise<Answer>, clients: number, seconds: number): Promise<number> {
  let done = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const a = await fn();
        if (a.status >= 300) throw new Error(`HTTP ${a.status} under load`);
        done++;
      }
    }),
  );
  return done / ((performance.now() - t0) / 1000);
}

/**
 * Requests per second of two routes under `clients` concurrent clients, in
 * turns as paired() times latency. Both are first warmed at that concurrency
 * (unmeasured): the first route to meet it would otherwise also pay for the
 * pool's new connections and their first statements (a list measured
 * 0.67 of its floor's rate first, 0.78 once warmed). Then a, b, b, a, each
 * for half of `seconds`, so drift on a noisy machine falls on both alike.
 */
export async function pairedThroughput(
  a: () => Promise<Answer>,
  b: () => Promise<Answer>,
  clients: number,
  seconds: number,
): Promise<[number, number]> {
  const warm = Math.min(1, seconds / 4);
  await throughput(a, clients, warm);
  await throughput(b, clients, warm);
  const a1 = await throughput(a, clients, seconds / 2);
  const b1 = await throughput(b, clients, seconds / 2);
  const b2 = await throughput(b, clients, seconds / 2);
  const a2 = await throughput(a, clients, seconds / 2);
  return [(a1 + a2) / 2, (b1 + b2) / 2];
}

/** The longest gap between ticks of a 5 ms timer until stop(): how long anything held the event loop. */
export function blockMeter() {
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - 5);
    last = now;
  }, 5);
  return {
    stop: () => {
      clearInterval(ticker);
      return longest;
    },
  };
}
