import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { Migrator } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrations } from '../../migrations/index.js';
import { openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest, retryingIntrospectionRace } from '../../src/platform/db/migrate.js';
import { governanceRoles, ROLE_KEYS, roleHolder, rolesOfMember } from '../../src/modules/roles/index.js';
import { addMember as inviteAndAccept, type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { type TestDialect, testDialects } from '../support/db.js';

/** Migrates a fresh database to just before 0018, adds an organization, then migrates the rest. */
async function migrateOverExistingOrg(dialect: TestDialect) {
  let schema: string | undefined;
  if (dialect === 'postgres') {
    schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    const c = new pg.Client({ connectionString: process.env.PG_TEST_URL });
    await c.connect();
    await c.query(`create schema ${schema}`);
    await c.end();
  }
  const database = openDatabase({
    dataDir: '/tmp',
    databaseUrl: dialect === 'postgres' ? process.env.PG_TEST_URL : 'sqlite::memory:',
    pgSchema: schema,
  });
  try {
    const migrator = new Migrator({
      db: database.db,
      ...(schema ? { migrationTableSchema: schema } : {}),
      provider: { getMigrations: async () => migrations },
    });
    const before = await retryingIntrospectionRace(() => migrator.migrateTo('0017_jobs_notifications'));
    if (before.error) throw before.error;
    const now = new Date().toISOString();
    const org = {
      id: '0190aaaa-0000-7000-8000-000000000001',
      slug: 'older',
      name: 'Older Org',
      created_at: now,
      updated_at: now,
    };
    await database.db
      .insertInto('organizations')
      .values({ ...org, archived_at: null })
      .execute();
    await migrateToLatest(database);
    return await governanceRoles(database.db, org.id);
  } finally {
    await database.close();
    if (schema) {
      const c = new pg.Client({ connectionString: process.env.PG_TEST_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    }
  }
}

describe.each(testDialects())('governance roles (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/roles${p}`;
  const byKey = async (key: string) =>
    ((await owner.get(url('?limit=200'))).body.items as { key: string; id: string }[]).find((r) => r.key === key)!;
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const r = { body: await inviteAndAccept(owner, t.app, orgId, { email, name, role }) };
    return r.body.userId as string;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('gives a new organization the six seeded roles, vacant, each created in its audit log', async () => {
    const list = await owner.get(url());
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { key: string }) => r.key).sort()).toEqual([...ROLE_KEYS].sort());
    for (const r of list.body.items) {
      expect(r).toMatchObject({ vacant: true, holderLeft: false, holder: null, deputy: null });
      expect(r.flags.map((f: { code: string }) => f.code)).toEqual(['vacant', 'no-deputy']);
      expect(r.responsibilities.length).toBeGreaterThan(40);
    }
    const history = await owner.get(url(`/${list.body.items[0].id}/history`));
    expect(history.body.items.map((e: { action: string }) => e.action)).toEqual(['create']);
  });

  it('seeds the six roles for organizations that existed before the migration', async () => {
    const roles = await migrateOverExistingOrg(dialect);
    expect(roles.map((r) => r.key).sort()).toEqual([...ROLE_KEYS].sort());
    expect(roles.every((r) => r.vacant && r.holder === null)).toBe(true);
  });

  it('clears the vacant flag once a holder is named, lists vacant roles first and filters', async () => {
    const role = await byKey('ai-governance-owner');
    const deputy = await addMember('Dana Deputy');
    const set = await owner.patch(url(`/${role.id}`), { holder: { userId }, deputy: { userId: deputy } });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({
      vacant: false,
      holder: { userId, name: 'Ada Lead' },
      deputy: { name: 'Dana Deputy' },
      flags: [],
    });

    const list = (await owner.get(url())).body.items as { id: string; vacant: boolean }[];
    expect(list.at(-1)!.id).toBe(role.id);
    // page by page along the cursor, the same order
    const paged: string[] = [];
    for (let cursor = ''; ; ) {
      const page = (await owner.get(url(`?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`))).body;
      paged.push(...page.items.map((r: { id: string }) => r.id));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(list.map((r) => r.id));
    expect(list.slice(0, 5).every((r) => r.vacant)).toBe(true);
    expect((await owner.get(url('?vacant=false'))).body.items.map((r: { id: string }) => r.id)).toEqual([role.id]);
    expect((await owner.get(url('?flagged=true'))).body.items).toHaveLength(5);
    expect((await owner.get(url('?q=governance'))).body.items.map((r: { id: string }) => r.id)).toEqual([role.id]);

    // the same person as holder and deputy is flagged, a named person (not a member) too
    const approver = await byKey('ai-use-approver');
    const same = await owner.patch(url(`/${approver.id}`), { holder: { name: 'Legal Team' }, deputy: { name: 'legal team' } });
    expect(same.body.flags.map((f: { code: string }) => f.code)).toEqual(['holder-is-deputy']);
    expect((await owner.get(url('?flagged=true'))).body.items.map((r: { id: string }) => r.id)).toContain(approver.id);
    expect(await rolesOfMember(t.database.db, orgId, deputy)).toEqual([role.id]);
  });

  it('flags a holder who left the organization and escalates to the deputy', async () => {
    const role = await byKey('incident-escalation');
    const holder = await addMember('Hal Holder');
    const deputy = await addMember('Dora Deputy');
    await owner.patch(url(`/${role.id}`), { holder: { userId: holder }, deputy: { userId: deputy } });
    expect(await roleHolder(t.database.db, orgId, 'incident-escalation')).toMatchObject({ userId: holder, name: 'Hal Holder' });

    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${holder}`)).status).toBe(204);
    const after = await owner.get(url(`/${role.id}`));
    expect(after.body).toMatchObject({ vacant: false, holderLeft: true, holder: { userId: holder } });
    expect(after.body.flags.map((f: { code: string }) => f.code)).toEqual(['holder-left']);
    expect((await owner.get(url('?flagged=true&vacant=false'))).body.items.map((r: { id: string }) => r.id)).toEqual([role.id]);
    const escalate = await roleHolder(t.database.db, orgId, 'incident-escalation');
    expect(escalate).toMatchObject({ userId: deputy, name: 'Dora Deputy' });
    expect(escalate?.email).toMatch(/^dora\.deputy\./);
    expect((await governanceRoles(t.database.db, orgId)).find((r) => r.id === role.id)).toMatchObject({ holderLeft: true });

    // the role stays editable while the departed holder is still named
    const edit = await owner.patch(url(`/${role.id}`), { notes: 'Hal left in May; Dora stands in.' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);

    // a disabled account counts as gone too; with nobody left there is nobody to escalate to
    await t.database.db.updateTable('users').set({ disabled_at: new Date().toISOString() }).where('id', '=', deputy).execute();
    expect(await roleHolder(t.database.db, orgId, 'incident-escalation')).toBeNull();
  });

  it('refuses a duplicate name (any case), a stranger as holder and a changed key, writing nothing', async () => {
    const dup = await owner.post(url(), { name: 'ai GOVERNANCE owner' });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toContainEqual({ field: 'body.name', message: 'is already the name of another role' });
    const own = await owner.post(url(), { name: 'Model librarian', responsibilities: 'Keeps the model catalogue.' });
    expect(own.status).toBe(201);
    expect(own.body.key).toBeNull();
    const rename = await owner.patch(url(`/${own.body.id}`), { name: 'AI Risk Reviewer' });
    expect(rename.status).toBe(400);
    expect(rename.body.errors[0].field).toBe('body.name');
    const stranger = await owner.post(url(), {
      name: 'Auditor liaison',
      holder: { userId: '0190aaaa-0000-7000-8000-00000000dead' },
    });
    expect(stranger.body.errors).toContainEqual({ field: 'body.holder.userId', message: 'is not a member of this organization' });
    expect((await owner.patch(url(`/${own.body.id}`), { key: 'ai-use-approver' })).status).toBe(400);
    expect((await owner.get(url())).body.items).toHaveLength(7);
  });

  it('hides another organization’s roles and answers a stale If-Match with 409 and the current role', async () => {
    const role = await byKey('ai-risk-reviewer');
    const other = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    expect((await owner.get(`/api/v1/orgs/${other}/roles/${role.id}`)).status).toBe(404);
    expect((await owner.patch(`/api/v1/orgs/${other}/roles/${role.id}`, { notes: 'x' })).status).toBe(404);

    const etag = (await owner.get(url(`/${role.id}`))).headers.etag as string;
    expect((await owner.request('PATCH', url(`/${role.id}`), { notes: 'First' }, { 'if-match': etag })).status).toBe(200);
    const stale = await owner.request('PATCH', url(`/${role.id}`), { notes: 'Old copy' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current.notes).toBe('First');
  });

  it('archives a seeded role out of use and keeps its key', async () => {
    const role = await byKey('legal-privacy-review');
    const archived = await owner.post(url(`/${role.id}/archive`));
    expect(archived.status).toBe(200);
    expect(archived.body.key).toBe('legal-privacy-review');
    expect((await governanceRoles(t.database.db, orgId)).map((r) => r.key)).not.toContain('legal-privacy-review');
    expect(await roleHolder(t.database.db, orgId, 'legal-privacy-review')).toBeNull();
    expect((await owner.patch(url(`/${role.id}`), { notes: 'x' })).status).toBe(409);
  });

  it('exports the register as "AI roles and responsibilities" with one row per role', async () => {
    const role = await byKey('ai-governance-owner');
    await owner.patch(url(`/${role.id}`), { holder: { userId } });
    const xlsx = await owner.get(url('/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ExcelJS.Buffer);
    const sheet = wb.getWorksheet('Roles')!;
    const rows: string[][] = [];
    sheet.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    const header = rows.findIndex((r) => r[0] === 'Role');
    expect(rows[header]).toEqual(['Role', 'Holder', 'Deputy', 'Responsibilities', 'Authorities']);
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(6);
    expect(body.find((r) => r[0] === 'AI governance owner')![1]).toBe('Ada Lead');
    expect(body.filter((r) => r[1] === 'Vacant')).toHaveLength(5);
    const html = await owner.get(url('/export?format=html'));
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain('AI roles and responsibilities');
    // the organization (named after this test) heads the document
    expect(html.raw.body).toMatch(/Organization<\/th><td>exports the register/);
  });
});
