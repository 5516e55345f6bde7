import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupOwner, signIn, type Client, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { fetchOpenApi, fillPath, type OpenApiDoc, type Operation, operationsOf } from './openapi.js';
import { baseValue, describeBody, type KnownIds, mutate, mutationArb, toJsonText } from './payloads.js';

// Property-based fuzzing of every write operation with a JSON body (issue
// 16, item 10): hostile bodies made from the operation's own schema, sent by
// the owner of an organization that holds records. Whatever arrives, the
// server answers below 500, a refused request (4xx) writes nothing (every
// write adds an audit row, so the audit log's count and last sequence must
// not move), the server stays healthy, and no prototype gets polluted.

const SEED = 20_261_602;
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 26);
const OWNER_EMAIL = 'fuzz-owner@example.com';

// Sign-in and setup are fuzzed last: failed sign-ins could throttle our address.
const LAST = /^POST \/api\/v1\/(session|setup)$/;
// Calls that may end the owner's session: signed in afresh after each case.
const ENDS_CREDENTIALS = /\/session(s)?(\/|$)|sign-out|signout|logout|\/tokens(\/|$)|disable|password/;

interface Failure {
  op: string;
  status: number;
  problem: string;
  what: string[];
  body: string;
}

describe.each(testDialects())('hostile payloads (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let doc: OpenApiDoc;
  let writes: Operation[];
  const known: KnownIds = {};

  const auditMark = async () => {
    const r = await sql<{
      n: number | string;
      s: number | string | null;
    }>`select count(*) as n, max(seq) as s from audit_log`.execute(t.database.db);
    return `${r.rows[0].n}/${r.rows[0].s}`;
  };

  let address = 0;
  const send = (op: Operation, text: string) =>
    t.app.inject({
      method: op.method,
      // people in bodies are the owner; a userId in the path stays unknown, so nobody's membership changes
      url: fillPath(
        op,
        orgId,
        Object.fromEntries(Object.entries(known).flatMap(([k, v]) => (k === 'userId' ? [] : [[k, v[0]]]))),
      ),
      headers: { cookie: owner.cookie ?? '', 'x-csrf-token': owner.csrf ?? '', 'content-type': 'application/json' },
      payload: text,
      // a fresh documentation address each time: the per-address throttles are not under test here
      remoteAddress: `198.51.100.${(address++ % 250) + 1}`,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const setup = await setupOwner(t.app, OWNER_EMAIL, 'Fuzz Org');
    ({ client: owner, orgId } = setup);
    known.userId = [setup.userId];
    doc = await fetchOpenApi(t.app);
    const ops = operationsOf(doc);
    writes = ops.filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method) && o.jsonBody);
    writes.sort((a, b) => Number(LAST.test(a.key)) - Number(LAST.test(b.key)));
    // Records to aim at: each register's create, sent the body its schema
    // describes; twice, so records that name others (a risk names an AI system) find them.
    const paths = new Set(Object.keys(doc.paths));
    for (let pass = 0; pass < 2; pass++) {
      for (const op of writes.filter((o) => o.method === 'POST' && o.path.startsWith('/api/v1/orgs/{orgId}/'))) {
        const child = [...paths].find((p) => p.startsWith(`${op.path}/{`) && p.indexOf('/', op.path.length + 1) === -1);
        const param = child?.slice(op.path.length + 2, -1);
        if (!param || (known[param]?.length ?? 0) > 0) continue;
        for (const full of [false, true]) {
          const res = await send(op, toJsonText(baseValue(doc, op.jsonBody ?? {}, known, full)));
          const id = res.statusCode < 300 ? (res.json() as { id?: unknown }).id : undefined;
          if (typeof id === 'string') {
            known[param] = [id];
            break;
          }
        }
      }
    }
  }, 120_000);
  afterAll(() => t?.close());

  it('answers every hostile body below 500, writes nothing when it refuses, and stays up', async () => {
    const started = Date.now();
    const failures: Failure[] = [];
    const statuses: Record<string, number> = {};
    const kinds: Record<string, number> = {};
    let cases = 0;
    for (const [i, op] of writes.entries()) {
      const bases = [false, true].map((full) => baseValue(doc, op.jsonBody ?? {}, known, full));
      await fc.assert(
        fc.asyncProperty(fc.boolean(), fc.array(mutationArb, { minLength: 1, maxLength: 2 }), async (full, mutations) => {
          const { body, what } = mutate(bases[Number(full)], mutations);
          for (const m of mutations) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
          const text = toJsonText(body);
          const before = await auditMark();
          const res = await send(op, text);
          cases++;
          const bucket = `${Math.floor(res.statusCode / 100)}xx`;
          statuses[bucket] = (statuses[bucket] ?? 0) + 1;
          const problem = res.body.slice(0, 300);
          if (res.statusCode >= 500)
            failures.push({ op: op.key, status: res.statusCode, problem, what, body: describeBody(text) });
          if (res.statusCode >= 400 && res.statusCode < 500 && (await auditMark()) !== before) {
            failures.push({
              op: op.key,
              status: res.statusCode,
              problem: `wrote while refusing: ${problem}`,
              what,
              body: describeBody(text),
            });
          }
          if (ENDS_CREDENTIALS.test(op.path) || res.statusCode === 401) owner = await signInAgain(owner);
          // The property itself never fails: every failure is collected and listed at the end.
          return true;
        }),
        // a seed of its own per operation (SEED + its index): other draws everywhere, the same on every run
        { seed: SEED + i, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      const health = await t.app.inject({ method: 'GET', url: '/api/health' });
      if (health.statusCode !== 200)
        failures.push({
          op: op.key,
          status: health.statusCode,
          problem: 'health check failed after this batch',
          what: [],
          body: '',
        });
      expect(Object.keys(Object.prototype)).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    console.log(
      `[fuzz ${dialect}] seed ${SEED} (+ operation index): ${cases} cases over ${writes.length} write operations (${RUNS_PER_OPERATION} each),` +
        ` records seeded for ${Object.keys(known).join(', ')}; statuses ${JSON.stringify(statuses)};` +
        ` mutations ${JSON.stringify(kinds)};` +
        ` ${failures.length} failures, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThanOrEqual(writes.length * RUNS_PER_OPERATION);
  }, 600_000);

  it('makes the hostile bodies it claims: 1 MB strings, 10,000 levels, own __proto__ keys, 1e309', () => {
    const texts = fc
      .sample(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), { seed: SEED, numRuns: 400 })
      .map((m) => toJsonText(mutate({ name: 'x', n: 1, list: [{ a: 'b' }] }, m).body));
    expect(texts.some((x) => x.length >= 1_000_000)).toBe(true);
    expect(texts.some((x) => x.includes('['.repeat(10_000)))).toBe(true);
    expect(texts.some((x) => x.includes('{"a":'.repeat(10_000)))).toBe(true);
    expect(texts.some((x) => x.includes('"__proto__":{"polluted"'))).toBe(true);
    expect(texts.some((x) => /:1e309\b/.test(x))).toBe(true);
    expect(texts.some((x) => x.includes('\\ud800'))).toBe(true);
    for (const x of texts.filter((t) => t.length < 200_000)) expect(() => JSON.parse(x)).not.toThrow();
  });

  async function signInAgain(current: Client): Promise<Client> {
    const check = await current.get('/api/v1/session');
    return check.status === 200 ? current : signIn(t.app, OWNER_EMAIL);
  }
});
