import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { addMember, type Client, createTestApp, PASSWORD, setupOwner, type TestApp } from '../support/app.js';
import { unguardAuditLog } from '../support/audit-tamper.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('audit log (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const draft = (boundaryStatement: string) =>
    owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), boundaryStatement } });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  // every test reads the log of an organization of its own
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('records who changed what, with before and after', async () => {
    expect((await draft('first')).status).toBe(200);
    expect((await draft('second')).status).toBe(200);
    const log = await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=scope`);
    expect(log.status).toBe(200);
    expect(log.body.items).toHaveLength(2);
    const [update, create] = log.body.items;
    expect(create).toMatchObject({ action: 'create', actor: 'lead@example.com', entityType: 'scope', before: null });
    expect(create.after.content.boundaryStatement).toBe('first');
    expect(update.action).toBe('update');
    expect(update.before.content.boundaryStatement).toBe('first');
    expect(update.after.content.boundaryStatement).toBe('second');
  });

  it('never logs secrets', async () => {
    await addMember(owner, t.app, orgId, { email: 'v@example.com', role: 'viewer', name: 'V' });
    const created = await owner.post('/api/v1/tokens', { name: 't' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token.length).toBeGreaterThan(20);
    const rows = await t.database.db.selectFrom('audit_log').selectAll().execute();
    const all = JSON.stringify(rows);
    // the account and the membership were logged, so there was something to leak
    expect(
      rows.filter((r) => r.entity_type === 'membership' && r.org_id === orgId && r.after?.includes('v@example.com')),
    ).toHaveLength(1);
    expect(all).not.toContain('$argon2id$');
    expect(all).not.toContain(token);
    expect(all).not.toContain(PASSWORD);
  });

  it('pages newest first with a cursor and filters by action', async () => {
    // the organization's own create rows (the org, its six starting governance
    // roles, its seven starting training topics, the membership), then a scope create and two updates
    for (const text of ['one', 'two', 'three']) expect((await draft(text)).status).toBe(200);
    const all = (await owner.get(`/api/v1/orgs/${orgId}/audit-log`)).body.items as { seq: number; action: string }[];
    expect(all.map((i) => i.action)).toEqual(['update', 'update', ...Array(16).fill('create')]);

    const page1 = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=6`);
    expect(page1.body.items).toHaveLength(6);
    expect(page1.body.nextCursor).toEqual(expect.any(String));
    const page2 = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=6&cursor=${page1.body.nextCursor}`);
    const page3 = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=6&cursor=${page2.body.nextCursor}`);
    expect(page3.body.nextCursor).toBeNull();
    const paged = [...page1.body.items, ...page2.body.items, ...page3.body.items].map((i: { seq: number }) => i.seq);
    expect(paged).toEqual(all.map((i) => i.seq));
    expect(paged).toEqual([...paged].sort((a, b) => b - a));

    const updates = await owner.get(`/api/v1/orgs/${orgId}/audit-log?action=update`);
    expect(updates.body.items.map((i: { action: string }) => i.action)).toEqual(['update', 'update']);
    expect((await owner.get(`/api/v1/orgs/${orgId}/audit-log?cursor=garbage`)).status).toBe(400);
  });

  it('verifies an intact chain and detects a row edited in the database', async () => {
    // a database of its own: the edit below breaks the chain for good
    const t2 = await createTestApp(dialect);
    try {
      const { client } = await setupOwner(t2.app);
      for (let i = 0; i < 3; i++) expect((await client.post('/api/v1/orgs', { name: `Chained ${i}` })).status).toBe(201);
      // setup: user + org + membership + sign-in, then 3 x (org + membership);
      // each organization also starts with six governance roles and seven training topics
      expect(await verifyAuditLog(t2.database.db)).toMatchObject({ ok: true, rows: 4 + 6 + 4 * (6 + 7) });
      await unguardAuditLog(t2.database); // issue 16: the table refuses updates
      await t2.database.db.updateTable('audit_log').set({ actor: 'someone-else@example.com' }).where('seq', '=', 3).execute();
      const broken = await verifyAuditLog(t2.database.db);
      expect(broken).toMatchObject({ ok: false, break: { seq: 3 } });
    } finally {
      await t2.close();
    }
  });

  it('chains concurrent writers without gaps', async () => {
    const t2 = await createTestApp(dialect);
    try {
      const { client } = await setupOwner(t2.app);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => client.post('/api/v1/orgs', { name: `Parallel ${i}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      // setup: user + org + membership + sign-in, then 8 x (org + membership),
      // each organization with its six governance roles and seven training topics: numbered 1..137
      expect(await verifyAuditLog(t2.database.db)).toMatchObject({ ok: true, rows: 4 + 16 + 9 * (6 + 7) });
      const seqs = (await t2.database.db.selectFrom('audit_log').select('seq').orderBy('seq').execute()).map((r) => r.seq);
      expect(seqs).toEqual(Array.from({ length: 137 }, (_, i) => i + 1));
    } finally {
      await t2.close();
    }
  });
});
