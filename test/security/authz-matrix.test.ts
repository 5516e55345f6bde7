import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS, type Role } from '../../src/platform/auth/roles.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { type Cast, createCast, type Principal } from './principals.js';
import { cheapQuery, fetchOpenApi, fillPath, isOrgRoute, type OpenApiDoc, type Operation, operationsOf } from './openapi.js';
import { type Access, ROUTE_ACCESS } from './route-table.js';

// The authorization matrix (issue 16, item 10): every operation of the
// OpenAPI document, called by every principal, over every transport, in its
// own and in a foreign organization. What should happen comes from the table
// in route-table.ts; what did happen is read from the status. Any difference
// fails the test with the whole list, so a reviewer sees every hole at once.

type Transport = 'anonymous' | 'bogus-token' | 'cookie+csrf' | 'cookie-no-csrf' | 'token';
type Verdict = 'allowed' | '401' | '403' | '404 org';
interface Cell {
  op: Operation;
  principal: string;
  transport: Transport;
  org: 'A' | 'B' | '-';
  expected: Verdict;
}
interface Observed extends Cell {
  got: Verdict;
  status: number;
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

// Operations that may end the caller's session or token (sign out, end
// sessions, revoke): swept last, and the principal signs in again after each.
const ENDS_CREDENTIALS = /\/session(s)?(\/|$)|sign-out|signout|logout|\/tokens(\/|$)|disable/;

function roleIn(p: Principal, org: 'A' | 'B'): Role | null {
  if (p.name === 'outsider') return org === 'B' ? 'owner' : null;
  return org === 'A' ? p.name : null;
}

function expect_(access: Access, op: Operation, p: Principal | null, transport: Transport, org: 'A' | 'B' | '-'): Verdict {
  if (!p) return access === 'public' ? 'allowed' : '401';
  // CSRF is checked first, for every route: a cross-site form can post to a public one too.
  if (transport === 'cookie-no-csrf' && UNSAFE.has(op.method)) return '403';
  if (access === 'public' || access === 'signed-in') return 'allowed';
  const role = org === '-' ? null : roleIn(p, org);
  if (!role) return '404 org';
  return (PERMISSIONS[access] as readonly Role[]).includes(role) ? 'allowed' : '403';
}

function verdictOf(status: number, body: string): Verdict {
  if (status === 401) return '401';
  if (status === 403) return '403';
  if (status === 404 && body.includes('Organization not found.')) return '404 org';
  return 'allowed';
}

describe.each(testDialects())('authorization matrix (%s)', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let doc: OpenApiDoc;
  let operations: Operation[];
  const observed: Observed[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t.app);
    doc = await fetchOpenApi(t.app);
    operations = operationsOf(doc);
  });
  afterAll(() => t?.close());

  function cellsFor(op: Operation): Cell[] {
    const access = ROUTE_ACCESS[op.key];
    const cells: Cell[] = [];
    const orgs: ('A' | 'B' | '-')[] = isOrgRoute(op) ? ['A', 'B'] : ['-'];
    for (const transport of ['anonymous', 'bogus-token'] as const) {
      cells.push({
        op,
        principal: 'anonymous',
        transport,
        org: orgs[0],
        expected: expect_(access, op, null, transport, orgs[0]),
      });
    }
    for (const p of cast.principals) {
      const transports: Transport[] = UNSAFE.has(op.method)
        ? ['cookie+csrf', 'cookie-no-csrf', 'token']
        : ['cookie+csrf', 'token'];
      for (const org of orgs) {
        for (const transport of transports) {
          cells.push({ op, principal: p.name, transport, org, expected: expect_(access, op, p, transport, org) });
        }
      }
    }
    return cells;
  }

  async function run(cell: Cell): Promise<void> {
    const p = cast.principals.find((x) => x.name === cell.principal);
    const headers: Record<string, string> = {};
    if (cell.transport === 'bogus-token') headers.authorization = 'Bearer aims_not-a-real-token';
    if (cell.transport === 'token' && p) headers.authorization = `Bearer ${p.token.bearer}`;
    if ((cell.transport === 'cookie+csrf' || cell.transport === 'cookie-no-csrf') && p) headers.cookie = p.browser.cookie ?? '';
    if (cell.transport === 'cookie+csrf' && p) headers['x-csrf-token'] = p.browser.csrf ?? '';
    const orgId = cell.org === 'B' ? cast.orgB : cast.orgA;
    const hasBody = cell.op.method === 'POST' || cell.op.method === 'PUT' || cell.op.method === 'PATCH';
    const res = await t.app.inject({
      method: cell.op.method,
      url: fillPath(cell.op, orgId) + cheapQuery(cell.op),
      headers,
      ...(hasBody ? { payload: {} } : {}),
    });
    if (res.statusCode >= 500)
      serverErrors.push(`${cell.op.key} as ${cell.principal} via ${cell.transport}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    observed.push({ ...cell, got: verdictOf(res.statusCode, res.body), status: res.statusCode });
  }

  it('has a row in the table for every operation, and an operation for every row', () => {
    const keys = new Set(operations.map((o) => o.key));
    const missing = [...keys].filter((k) => !(k in ROUTE_ACCESS));
    const stale = Object.keys(ROUTE_ACCESS).filter((k) => !keys.has(k));
    expect({ missingFromTable: missing, tableRowsWithoutOperation: stale }).toEqual({
      missingFromTable: [],
      tableRowsWithoutOperation: [],
    });
    expect(operations.length).toBeGreaterThanOrEqual(360);
  });

  it('agrees with what the document declares: public means no security, an org route names its permission', () => {
    const declared = operations.map((op) => {
      const o = doc.paths[op.path][op.method.toLowerCase()] as { security?: unknown[]; 'x-permission'?: string };
      const isPublic = Array.isArray(o.security) && o.security.length === 0;
      return { op: op.key, declared: isOrgRoute(op) ? (o['x-permission'] ?? 'none') : isPublic ? 'public' : 'signed-in' };
    });
    const table = declared.map((d) => ({ op: d.op, declared: ROUTE_ACCESS[d.op] ?? 'missing' }));
    expect(declared).toEqual(table);
  });

  it('will not start a server whose org route declares no permission', async () => {
    const { buildApp } = await import('../../src/app.js');
    const { loadConfig } = await import('../../src/platform/config/config.js');
    const app = await buildApp(t.database, loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent' }, {}));
    expect(() => app.get('/api/v1/orgs/:orgId/forgotten', async () => ({}))).toThrow(/declares no permission/);
    await app.close();
  });

  it('answers every operation as the table says, for every principal, transport and organization', async () => {
    const started = Date.now();
    const covered = operations.filter((o) => o.key in ROUTE_ACCESS);
    const endsCredentials = (o: Operation) => UNSAFE.has(o.method) && ENDS_CREDENTIALS.test(o.path);
    const plain = covered.filter((o) => !endsCredentials(o));
    const ending = covered.filter(endsCredentials);
    for (const op of plain) await Promise.all(cellsFor(op).map(run));
    // One at a time; a principal whose session or token the call ended signs in afresh.
    for (const op of ending) {
      for (const cell of cellsFor(op)) {
        await run(cell);
        const p = cast.principals.find((x) => x.name === cell.principal);
        if (p && !(await cast.stillSignedIn(p))) await cast.refresh(p);
      }
    }
    const differences = observed
      .filter((o) => o.got !== o.expected)
      .map(
        (o) =>
          `${o.op.key} | ${o.principal} | ${o.transport} | org ${o.org} | expected ${o.expected} | got ${o.got} (${o.status})`,
      );
    console.log(
      `[authz matrix ${dialect}] ${observed.length} requests: ${covered.length} operations x ${cast.principals.length + 1} principals` +
        ` (anonymous + ${cast.principals.length} signed in) x transports x own/foreign org;` +
        ` ${differences.length} differences, ${serverErrors.length} 5xx, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(differences).toEqual([]);
  }, 300_000);

  it('answers no request of the sweep with a server error', () => {
    expect(serverErrors).toEqual([]);
  });
});
