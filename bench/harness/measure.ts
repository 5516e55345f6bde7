// The measuring loops: each GET beside its floor (the same statements, with
// the same parameters, replayed by a bare Fastify route on the same
// database), writes on their own (a replayed INSERT would only collide or
// pile up rows: there is no meaningful floor for a write), and the heavy
// requests (reports, imports, exports) with fewer runs.
import { performance } from 'node:perf_hooks';
import type { Database } from '../../src/platform/db/db.js';
import { AUTHENTICATION, captureQueries, type FloorQuery } from '../request-floor.js';
import { type Answer, json, paired, pairedThroughput, request, type Stats, stats } from './http.js';
import { CREATE_BODIES, type Refs, type Register, SKIP_CREATE } from './routes.js';

export type Kind = 'list' | 'page' | 'get' | 'create' | 'update' | 'report' | 'import' | 'export' | 'audit-log';

export interface RouteResult {
  name: string;
  kind: Kind;
  method: string;
  url: string;
  ours?: Stats;
  floor?: Stats;
  /** requests per second with 10 concurrent clients (inventory list and get) */
  rps?: { ours: number; floor: number };
  /** statements our route ran, and how many of them authenticate (the floor runs the others) */
  statements?: { all: number; auth: number };
  /** exports: bytes of the file */
  bytes?: number;
  skipped?: string;
}

export interface Ctx {
  ours: string;
  floorUrl: string;
  floorRoutes: Record<string, FloorQuery[]>;
  db: Database['db'];
  headers: Record<string, string>;
  orgId: string;
  n: number;
  heavyN: number;
  writes: number;
  rpsSeconds: number;
  importRows: number;
  only?: RegExp;
  log: (line: string) => void;
}

/**
 * How many leading statements authenticate: the one that reads the session
 * (or token), its user and the membership, when the auth cache did not
 * already hold them (usually it does: a repeated request reads none).
 */
export function authStatements(all: FloorQuery[]): number {
  return all.length > 0 && AUTHENTICATION.test(all[0].sql) ? 1 : 0;
}

const orgPath = (ctx: Ctx, p: string) => p.replace('{orgId}', ctx.orgId);
// Each register's own code (its rules, its present, its schemas) is cold when
// its measurement starts, while the floor's one route is hot from every
// register before it: with 20 unmeasured rounds, 4 to 8 of a small route's 10
// slowest requests of 200 were among its first 25, still tiering up in V8.
// 50 rounds measure both at their steady pace, as a server that has run a while.
const warmupOf = (n: number) => Math.min(50, Math.max(1, Math.floor(n / 4)));

/** A GET, ours and the floor in turn; requests/s too when asked. */
export async function measureRead(ctx: Ctx, name: string, kind: Kind, url: string, n = ctx.n, rps = false): Promise<RouteResult> {
  const result: RouteResult = { name, kind, method: 'GET', url };
  try {
    const get = () => request(ctx.ours, 'GET', url, { headers: ctx.headers });
    const probe = await get();
    if (probe.status !== 200) return { ...result, skipped: `answered ${probe.status}: ${probe.body.toString().slice(0, 120)}` };
    const all = await captureQueries(ctx.db, get);
    const key = `${kind}:${name}`;
    ctx.floorRoutes[key] = all.slice(authStatements(all));
    result.statements = { all: all.length, auth: all.length - ctx.floorRoutes[key].length };
    const floor = () => request(ctx.floorUrl, 'GET', `/floor/${encodeURIComponent(key)}`);
    const [ours, floorTimes] = await paired(get, floor, n, warmupOf(n), 30_000);
    result.ours = stats(ours);
    result.floor = stats(floorTimes);
    if (rps) {
      const [o, f] = await pairedThroughput(get, floor, 10, ctx.rpsSeconds);
      result.rps = { ours: o, floor: f };
    }
  } catch (err) {
    result.skipped = `failed: ${(err as Error).message.slice(0, 160)}`;
  }
  ctx.log(line(result));
  return result;
}

/** Times `fn` `n` times (no warm-up: writes and files are measured as a user meets them). */
async function measureOnce(result: RouteResult, n: number, fn: (i: number) => Promise<Answer>, ctx: Ctx) {
  const times: number[] = [];
  const t0 = performance.now();
  try {
    // As paired(): at most `n`, fewer past 15 s once 5 are in.
    for (let i = 0; i < n && !(times.length >= 5 && performance.now() - t0 > 15_000); i++) {
      const a = await fn(i);
      if (a.status >= 300) throw new Error(`answered ${a.status}: ${a.body.toString().slice(0, 160)}`);
      times.push(a.ms);
      result.bytes = a.body.length;
    }
    result.ours = stats(times);
  } catch (err) {
    result.skipped = (err as Error).message;
  }
  ctx.log(line(result));
  return result;
}

function line(r: RouteResult): string {
  if (r.skipped) return `  ${r.kind} ${r.name}: skipped (${r.skipped})`;
  const f = r.floor ? `, floor p95 ${r.floor.p95.toFixed(1)} ms` : '';
  return `  ${r.kind} ${r.name}: p95 ${r.ours?.p95.toFixed(1)} ms${f}`;
}

/** A register: create, list, get and update. Created ids feed later bodies through `refs`. */
export async function measureRegister(ctx: Ctx, reg: Register, refs: Refs): Promise<RouteResult[]> {
  const out: RouteResult[] = [];
  const list = orgPath(ctx, reg.list);
  const base = list.split('?')[0];
  const created: string[] = [];
  if (reg.creates) {
    const body = CREATE_BODIES[reg.name];
    const r: RouteResult = { name: reg.name, kind: 'create', method: 'POST', url: base };
    if (!body) out.push({ ...r, skipped: SKIP_CREATE[reg.name] ?? 'no create body in bench/harness/routes.ts' });
    else
      out.push(
        await measureOnce(
          r,
          ctx.writes,
          async (i) => {
            const a = await request(ctx.ours, 'POST', base, { headers: ctx.headers, body: JSON.stringify(body(refs, i)) });
            if (a.status < 300) created.push(json(a).id);
            return a;
          },
          ctx,
        ),
      );
  }
  if (reg.name === 'ai-systems') refs.aiSystemIds.push(...created);
  if (reg.name === 'trainings') refs.topicId = created[0];
  if (reg.name === 'certification-audits') refs.certificationAuditId = created[0];
  out.push(await measureRead(ctx, reg.name, reg.kind, list, ctx.n, reg.name === 'ai-systems'));
  if (!reg.item) return out;
  let id = created[0];
  if (!id) {
    const listed = await request(ctx.ours, 'GET', list.includes('?') ? list : `${list}?limit=1`, { headers: ctx.headers });
    const items = listed.status === 200 ? (json(listed).items as { id: string }[] | undefined) : undefined;
    id = items?.[0]?.id as string;
  }
  if (!id) {
    out.push({ name: reg.name, kind: 'get', method: 'GET', url: orgPath(ctx, reg.item), skipped: 'no record to read' });
    return out;
  }
  const item = orgPath(ctx, reg.item).replace('{id}', id);
  out.push(await measureRead(ctx, reg.name, 'get', item, ctx.n, reg.name === 'ai-systems'));
  if (reg.update) {
    const { method, field } = reg.update;
    const r: RouteResult = { name: reg.name, kind: 'update', method, url: item };
    out.push(
      await measureOnce(
        r,
        ctx.writes,
        async (i) => {
          // The record's current ETag first (unmeasured), as a client that read it sends it back.
          const current = await request(ctx.ours, 'GET', item, { headers: ctx.headers });
          const etag = current.headers.etag;
          const headers = { ...ctx.headers, ...(etag ? { 'if-match': String(etag) } : {}) };
          return request(ctx.ours, method, item, { headers, body: JSON.stringify({ [field]: `Bench ${field} ${i}` }) });
        },
        ctx,
      ),
    );
  } else if (reg.creates) {
    out.push({ name: reg.name, kind: 'update', method: 'PATCH', url: item, skipped: 'no PATCH or PUT with a text field' });
  }
  return out;
}

/** POST or GET of files: imports and exports, `n` runs, no floor. */
export function measureFile(
  ctx: Ctx,
  name: string,
  kind: 'import' | 'export' | 'report',
  method: 'GET' | 'POST',
  url: string,
  n: number,
  body?: { data: string | Buffer; type: string },
): Promise<RouteResult> {
  const r: RouteResult = { name, kind, method, url };
  return measureOnce(
    r,
    n,
    () => request(ctx.ours, method, url, { headers: ctx.headers, ...(body ? { body: body.data, contentType: body.type } : {}) }),
    ctx,
  );
}
