import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { PASSWORD } from '../support/app.js';
import { createTarget, runCli, ServerProcess, sharedCli, type Target } from '../support/server-process.js';

// Three real `aims serve` processes on one PostgreSQL database, as behind a
// load balancer: they start together on an empty database (one migrates, the
// others wait), a client spreads writes and reads over them round-robin, one
// is killed with SIGKILL mid-run and started again. No acknowledged write may
// be lost or doubled by the client's retries, the audit log must verify, every
// node must read the same, and the reminders all three schedulers run must
// reach each recipient once.

const WRITERS = 3;
/** acknowledged writes before the kill */
const WRITES_BEFORE_KILL = 60;
/** evidence items already expired: each one reminder from the evidence-expiry job */
const EXPIRED = 5;
/** Schedulers tick every 2 s instead of on the minute; a dead node's key is taken over after 5 s. */
const JOBS_ON = { OPENAIMS_JOBS: 'on', OPENAIMS_SCHEDULER_INTERVAL_SECONDS: '2', OPENAIMS_IDEMPOTENCY_TAKEOVER_SECONDS: '5' };
/** attempts of one write, answered 409 "in progress" ones included */
const MAX_ATTEMPTS = 20;

interface Session {
  cookie: string;
  csrf: string;
}

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies of several routes
  body: any;
}

interface Write {
  name: string;
  key: string;
  /** the answer the client got in the end; undefined while none */
  answer?: Answer;
  /** attempts that got no answer (connection refused or reset, body cut off) */
  lost: number;
  /** attempts answered 409 "Request in progress", each followed after its Retry-After */
  inProgress: number;
  /** an attempt was on the killed node when it died */
  inFlightAtKill: boolean;
}

/** Round-robin over the nodes that answer; a node that drops a connection is left out until it is replaced. */
class Cluster {
  private turn = 0;
  readonly down = new Set<number>();
  readonly pending = new Map<number, Set<Write>>();
  /** every process started, killed ones included (their logs count the reminders they sent) */
  readonly all: ServerProcess[];

  constructor(readonly nodes: ServerProcess[]) {
    this.all = [...nodes];
  }

  pick(): number {
    for (let i = 0; i < this.nodes.length; i++) {
      const slot = this.turn++ % this.nodes.length;
      if (!this.down.has(slot)) return slot;
    }
    throw new Error('no node is up');
  }

  replace(slot: number, node: ServerProcess) {
    this.nodes[slot] = node;
    this.all.push(node);
    this.down.delete(slot);
  }
}

async function call(node: ServerProcess, s: Session | null, method: string, url: string, body?: object, key?: string) {
  const res = await fetch(`${node.base}${url}`, {
    method,
    headers: {
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(30_000),
  });
  // A body cut off by the kill is no answer either: the client cannot know what happened.
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null } as Answer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

describe.skipIf(!process.env.PG_TEST_URL)('three aims serve processes on one PostgreSQL', () => {
  let t: Target | undefined;
  let cluster: Cluster | undefined;
  let database: Database | undefined;
  afterAll(async () => {
    await Promise.all((cluster?.all ?? []).map((n) => n.kill()));
    await database?.close();
    await t?.drop();
  });

  it('migrates once, loses no acknowledged write across kill -9, reads alike on every node and reminds once', async () => {
    const started = Date.now();
    const cli = sharedCli();
    t = await createTarget('postgres', 'aims_nodes');
    const target = t;

    // Three nodes start at the same moment on an empty database: Kysely's migrator
    // holds an advisory lock, so one applies the migrations and the others find them done.
    const startingAt = Date.now();
    cluster = new Cluster(await Promise.all([0, 1, 2].map(() => ServerProcess.start(cli, target, JOBS_ON))));
    const nodes = cluster;
    const upIn = Date.now() - startingAt;
    database = openDatabase({ dataDir: target.dataDir, databaseUrl: target.databaseUrl });
    const db = database.db;
    const applied = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
    expect(applied.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort());

    const setup = await call(nodes.nodes[0], null, 'POST', '/api/v1/setup', {
      email: 'lead@example.com',
      password: PASSWORD,
      name: 'Ada Lead',
      orgName: 'Acme AI',
    });
    expect(setup.status).toBe(201);
    const session: Session = {
      cookie: /aims_session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')?.[0] ?? '',
      csrf: setup.body.csrfToken,
    };
    const orgId = setup.body.organizations[0].id as string;
    const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

    // The kill lands on a write: armed, the next write sent to the victim kills it a few
    // milliseconds later (before, during or after its transaction), with any others in flight there.
    const victim = 2;
    let armed = false;
    let killed: Promise<void> | undefined;
    const killVictim = async () => {
      await sleep(Math.random() * 15);
      for (const w of nodes.pending.get(victim) ?? []) w.inFlightAtKill = true;
      await nodes.nodes[victim].kill();
    };

    // A write as a client behind a load balancer sends it: the next node in turn, one
    // Idempotency-Key for all attempts, tried again on the next node when no answer came,
    // and after Retry-After when the answer was 409 "Request in progress".
    const writes: Write[] = [];
    const write = async (url: string, body: object, name: string): Promise<Write> => {
      const w: Write = { name, key: randomUUID(), lost: 0, inProgress: 0, inFlightAtKill: false };
      writes.push(w);
      while (!w.answer && w.lost + w.inProgress < MAX_ATTEMPTS) {
        const slot = nodes.pick();
        const pending = nodes.pending.get(slot) ?? new Set();
        nodes.pending.set(slot, pending.add(w));
        if (armed && slot === victim) {
          armed = false;
          killed = killVictim();
        }
        try {
          w.answer = await call(nodes.nodes[slot], session, 'POST', url, body, w.key);
          if (w.answer.status === 409 && w.answer.body?.title === 'Request in progress') {
            w.inProgress++;
            await sleep(Number(w.answer.headers.get('retry-after') ?? 1) * 1000);
            w.answer = undefined;
          }
        } catch {
          w.lost++;
          nodes.down.add(slot);
        } finally {
          pending.delete(w);
        }
      }
      return w;
    };

    // Reminders due from the start: expired evidence, the owner told once per item.
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const yesterday = day(-1);
    for (let i = 1; i <= EXPIRED; i++) {
      const w = await write(
        org('/evidence'),
        {
          title: `Expired report ${i}`,
          kind: 'link',
          url: 'https://intranet.example.com/r',
          collectedOn: day(-60),
          validUntil: yesterday,
        },
        `Expired report ${i}`,
      );
      expect(w.answer?.status, JSON.stringify(w.answer?.body)).toBe(201);
    }

    // Writers create AI systems and read each acknowledged one back from the next node.
    let stop = false;
    let acked = 0;
    const staleReads: string[] = [];
    const writers = Array.from({ length: WRITERS }, async (_, n) => {
      for (let i = 1; !stop; i++) {
        const name = `System ${n}-${i}`;
        const w = await write(org('/ai-systems'), { name }, name);
        if (w.answer?.status !== 201) continue;
        acked++;
        for (let tries = 0; tries < 3; tries++) {
          const slot = nodes.pick();
          const read = await call(nodes.nodes[slot], session, 'GET', org(`/ai-systems/${w.answer.body.id}`)).catch(() => null);
          if (!read) {
            nodes.down.add(slot);
            continue;
          }
          if (read.status !== 200 || read.body.name !== name) staleReads.push(`${name}: ${read.status}`);
          break;
        }
      }
    });

    // After enough writes, a new day for the reminders: every job due again. The three
    // schedulers (ticking every 2 s) race for each job's lease while the kill comes.
    await waitFor('writes', async () => acked >= WRITES_BEFORE_KILL || stop, 150_000);
    await sql`update job_leases set last_run_at = null`.execute(db);
    armed = true;
    await waitFor('the kill', async () => killed !== undefined, 30_000);
    await killed;
    const ackedAtKill = acked;
    const victimPid = nodes.all[victim].child.pid;
    // A lease the dead node held would keep its job from every node for five minutes
    // (LEASE_MS); let that time pass at once. Its committed deliveries stay delivered.
    const heldByVictim = await sql<{ job: string }>`
      update job_leases set lease_until = '' where holder like ${`%:${victimPid}:%`} returning job`.execute(db);
    nodes.replace(victim, await ServerProcess.start(cli, target, JOBS_ON));
    await waitFor(
      'every reminder job run',
      async () => {
        const open = await sql<{ n: string }>`
          select count(*) as n from job_leases where last_run_at is null or holder is not null`.execute(db);
        return Number(open.rows[0].n) === 0;
      },
      120_000,
    );
    stop = true;
    await Promise.all(writers);

    // Every acknowledged write is there exactly once, by id and by name; a write whose
    // outcome the client never learnt is there at most once.
    const systems = writes.filter((w) => w.name.startsWith('System '));
    const rows = await db.selectFrom('ai_systems').select(['id', 'name']).where('org_id', '=', orgId).execute();
    const byName = new Map<string, string[]>();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
    const ackedWrites = systems.filter((w) => w.answer?.status === 201);
    expect(ackedWrites.filter((w) => byName.get(w.name)?.join() !== w.answer?.body.id)).toEqual([]);
    expect([...byName].filter(([, ids]) => ids.length > 1)).toEqual([]);
    const attempted = new Set(systems.map((w) => w.name));
    expect(rows.filter((r) => !attempted.has(r.name))).toEqual([]);
    const unanswered = systems.filter((w) => w.answer?.status !== 201);
    // Every write learns its outcome. The only answer but 201 a write may get: a retry
    // whose first attempt died on the killed node after its commit hears 409 "Already
    // saved" (the change is there, once); one that died before its commit is run by the
    // retry once the claim may be taken over. Never an endless "in progress".
    const saved = (w: Write) => w.answer?.status === 409 && w.answer.body?.title === 'Already saved';
    expect(systems.filter((w) => !w.answer).map((w) => w.name)).toEqual([]);
    expect(unanswered.filter((w) => !(saved(w) && w.lost > 0)).map((w) => [w.name, w.answer?.status, w.answer?.body])).toEqual(
      [],
    );
    expect(unanswered.filter((w) => byName.get(w.name)?.length !== 1).map((w) => w.name)).toEqual([]);
    for (const w of writes.filter((x) => x.inFlightAtKill)) {
      expect([201, 409], `${w.name}: ${JSON.stringify(w.answer?.body)}`).toContain(w.answer?.status);
      if (w.answer?.status === 409) expect(w.answer.body.title).toBe('Already saved');
    }
    expect(staleReads).toEqual([]);

    // Each write with its audit row, and the chain verifies.
    const audited = await db
      .selectFrom('audit_log')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'ai_system')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(audited.n)).toBe(rows.length);
    const verified = JSON.parse(runCli(cli, target, ['audit-log', 'verify', '--json']));
    expect(verified.ok).toBe(true);

    // The three nodes list the same systems.
    const listed = await Promise.all(
      nodes.nodes.map(async (node) => {
        const ids: string[] = [];
        let cursor: string | null = null;
        do {
          const page: Answer = await call(
            node,
            session,
            'GET',
            org(`/ai-systems?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
          );
          expect(page.status).toBe(200);
          ids.push(...page.body.items.map((s: { id: string }) => s.id));
          cursor = page.body.nextCursor;
        } while (cursor);
        return ids.sort();
      }),
    );
    const expected = rows.map((r) => r.id).sort();
    for (const ids of listed) expect(ids).toEqual(expected);

    // Reminders: each expired item reached the owner once, and no one got any reminder twice.
    // (What each node says it delivered is for the report: a node killed after its commit never says.)
    const notes = await db.selectFrom('notifications').select(['user_id', 'kind', 'title']).execute();
    const expiry = notes.filter((n) => n.kind === 'evidence-expiry');
    expect(expiry.map((n) => n.title).sort()).toEqual(
      Array.from({ length: EXPIRED }, (_, i) => `Evidence EV-000${i + 1} 'Expired report ${i + 1}' expired on ${yesterday}`),
    );
    const seen = new Set<string>();
    const twice = notes.filter((n) => seen.size === seen.add(`${n.user_id} ${n.kind} ${n.title}`).size);
    expect(twice).toEqual([]);
    const deliveries = await db.selectFrom('job_deliveries').select(['job', 'item_key']).execute();
    const reported = nodes.all.map((n) =>
      [...n.log.matchAll(/reminders: (\d+) delivered/g)].reduce((s, m) => s + Number(m[1]), 0),
    );

    const inFlight = writes.filter((w) => w.inFlightAtKill);
    const present = (w: Write) => (byName.get(w.name)?.length ?? 0) === 1;
    const answerOf = (w: Write) =>
      w.answer
        ? `${w.answer.status}${w.answer.headers.get('idempotent-replayed') ? ' replayed' : saved(w) ? ' already saved' : ''}`
        : 'no answer';
    console.log(
      `3 nodes (up together in ${(upIn / 1000).toFixed(1)} s), ${WRITERS} writers: ${ackedWrites.length} AI systems acknowledged (${ackedAtKill} before the kill), ` +
        `${systems.filter((w) => w.lost > 0).length} writes retried after no answer ` +
        `(${systems.filter((w) => w.lost > 0 && w.answer?.headers.get('idempotent-replayed')).length} answered by a replay); ` +
        `${inFlight.length} in flight on the killed node: ` +
        inFlight
          .map((w) => `${w.name} -> ${answerOf(w)} after ${w.inProgress} "in progress", ${present(w) ? 'stored' : 'absent'}`)
          .join('; ') +
        `; ${unanswered.length} never acknowledged (${unanswered.filter(present).length} stored). ` +
        `Reminders: ${deliveries.length} delivered once each (by node: ${reported.join(', ')}); ` +
        `audit log verifies (${verified.rows} rows); ${((Date.now() - started) / 1000).toFixed(1)} s ` +
        `(the victim held the lease of ` +
        `${heldByVictim.rows.map((r) => r.job).join(', ') || 'no job'} when killed)`,
    );
  }, 400_000);
});
