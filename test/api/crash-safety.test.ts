import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/db.js';
import { PASSWORD } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { type Cli, sharedCli, createTarget, runCli, ServerProcess as Server, type Target } from '../support/server-process.js';

// Crash safety: a real `aims serve` process is killed with SIGKILL while it
// imports 20,000 AI systems in one transaction and while it creates
// organizations (each one transaction writing the organization, the owner's
// membership, six governance roles and seven training topics), then started
// again on the same database. Every transaction must be whole or absent, and
// the audit log's chain must verify. Five kills per scenario and dialect, at
// random moments.

const KILLS = 5;
const IMPORT_ROWS = 20_000;

interface Session {
  cookie: string;
  csrf: string;
}

async function call(server: Server, s: Session | null, method: string, url: string, body?: string | object, type?: string) {
  const res = await fetch(`${server.base}${url}`, {
    method,
    headers: {
      ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}),
      ...(body !== undefined ? { 'content-type': type ?? 'application/json' } : {}),
    },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, body: await res.json().catch(() => null) };
}

/** What the database holds after a restart: every transaction whole or absent. */
async function check(t: Target, orgId: string) {
  const database = openDatabase({ dataDir: t.dataDir, databaseUrl: t.databaseUrl });
  const db = database.db;
  try {
    const n = async (q: Promise<{ n: unknown }[]>) => Number((await q)[0].n);
    const systems = await n(
      db
        .selectFrom('ai_systems')
        .where('org_id', '=', orgId)
        .select((eb) => eb.fn.countAll().as('n'))
        .execute(),
    );
    const systemAudits = await n(
      db
        .selectFrom('audit_log')
        .where('entity_type', '=', 'ai_system')
        .select((eb) => eb.fn.countAll().as('n'))
        .execute(),
    );
    // Per organization: its membership, roles and topics, and the audit rows of all of them.
    const orgs = await sql<{ id: string; members: number; roles: number; topics: number; audits: number }>`
      select o.id,
        (select count(*) from memberships m where m.org_id = o.id) as members,
        (select count(*) from governance_roles r where r.org_id = o.id) as roles,
        (select count(*) from training_topics tt where tt.org_id = o.id) as topics,
        (select count(*) from audit_log a where a.org_id = o.id) as audits
      from organizations o where o.id <> ${orgId}`.execute(db);
    const partial = orgs.rows.filter(
      (o) => Number(o.members) !== 1 || Number(o.roles) !== 6 || Number(o.topics) !== 7 || Number(o.audits) < 15,
    );
    return { systems, systemAudits, orgs: orgs.rows.length, partial };
  } finally {
    await database.close();
  }
}

function verifyAuditLog(c: Cli, t: Target): { ok: boolean; rows: number } {
  return JSON.parse(runCli(c, t, ['audit-log', 'verify', '--json']));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each(testDialects())('crash safety of aims serve (%s)', (dialect) => {
  let t: Target | undefined;
  let server: Server | undefined;
  afterAll(async () => {
    await server?.kill();
    await t?.drop();
  });

  it(`keeps every transaction whole or absent across kill -9 during imports and during organization writes`, async () => {
    const command = sharedCli();
    t = await createTarget(dialect, 'aims_crash');
    server = await Server.start(command, t);
    const setup = await call(server, null, 'POST', '/api/v1/setup', {
      email: 'lead@example.com',
      password: PASSWORD,
      name: 'Ada Lead',
      orgName: 'Acme AI',
    });
    expect(setup.status).toBe(201);
    const cookie = /aims_session=[^;]+/.exec(setup.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const session: Session = { cookie, csrf: setup.body.csrfToken };
    const orgId = setup.body.organizations[0].id as string;

    let survived = 0;
    let killedMidImport = 0;
    const restartAndCheck = async () => {
      server = await Server.start(command, t as Target);
      expect((await call(server, null, 'GET', '/api/health')).status).toBe(200);
      const state = await check(t as Target, orgId);
      // The import's rows arrive all at once or not at all, each with its audit row.
      expect(state.systems % IMPORT_ROWS).toBe(0);
      expect(state.systemAudits).toBe(state.systems);
      // Each organization with its membership, roles, topics and audit rows, or not at all.
      expect(state.partial).toEqual([]);
      survived++;
    };
    for (let round = 1; round <= KILLS; round++) {
      // (a) During an import of 20,000 rows, one transaction.
      const importing = server;
      const csv = `Name\n${Array.from({ length: IMPORT_ROWS }, (_, i) => `System ${round}-${i + 1}`).join('\n')}\n`;
      let imported = false;
      const upload = call(importing, session, 'POST', `/api/v1/orgs/${orgId}/ai-systems/import`, csv, 'text/csv')
        .then((r) => {
          imported = r.status === 200;
        })
        .catch(() => {});
      // The last kill comes right after the import's answer: then all of it must be there.
      if (round === KILLS) await upload;
      else await sleep(200 + Math.random() * 3000);
      if (!imported) killedMidImport++;
      await importing.kill();
      await upload;
      await restartAndCheck();

      // (b) During organizations created back to back by three clients.
      const writing = server;
      let stop = false;
      const writers = Array.from({ length: 3 }, async (_, w) => {
        for (let i = 0; !stop; i++)
          await call(writing, session, 'POST', '/api/v1/orgs', { name: `Client ${round}-${w}-${i}` }).catch(() => {
            stop = true;
          });
      });
      await sleep(300 + Math.random() * 1500);
      await writing.kill();
      stop = true;
      await Promise.all(writers);
      await restartAndCheck();
    }
    const verified = verifyAuditLog(command, t);
    expect(verified.ok).toBe(true);
    const final = await check(t, orgId);
    expect(final.systems).toBeGreaterThanOrEqual(IMPORT_ROWS);
    console.log(
      `${dialect}: ${survived} of ${2 * KILLS} kill -9 survived: ${KILLS} during imports (${killedMidImport} before the answer; ` +
        `${final.systems / IMPORT_ROWS} imports whole, the rest absent), ${KILLS} during organization writes ` +
        `(${final.orgs} organizations whole, none partial); audit log verifies: ${verified.rows} rows`,
    );
    await server.kill();
  }, 600_000);
});
