import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { type Client, createTestApp, PASSWORD, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('audit log (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('records who changed what, with before and after', async () => {
    await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), boundaryStatement: 'first' } });
    await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), boundaryStatement: 'second' } });
    const log = await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=scope`);
    expect(log.status).toBe(200);
    const [update, create] = log.body.items;
    expect(create).toMatchObject({ action: 'create', actor: 'lead@example.com', entityType: 'scope', before: null });
    expect(create.after.content.boundaryStatement).toBe('first');
    expect(update.action).toBe('update');
    expect(update.before.content.boundaryStatement).toBe('first');
    expect(update.after.content.boundaryStatement).toBe('second');
  });

  it('never logs secrets', async () => {
    await owner.post(`/api/v1/orgs/${orgId}/members`, { email: 'v@example.com', role: 'viewer', name: 'V', password: PASSWORD });
    const token = (await owner.post('/api/v1/tokens', { name: 't' })).body.token;
    const all = JSON.stringify(await t.database.db.selectFrom('audit_log').selectAll().execute());
    expect(all).not.toContain('$argon2id$');
    expect(all).not.toContain(token);
    expect(all).not.toContain(PASSWORD);
  });

  it('pages newest first with a cursor and filters by action', async () => {
    const page1 = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=2`);
    expect(page1.body.items).toHaveLength(2);
    const page2 = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items[0].seq).toBeLessThan(page1.body.items[1].seq);
    const updates = await owner.get(`/api/v1/orgs/${orgId}/audit-log?action=update`);
    expect(updates.body.items.every((i: { action: string }) => i.action === 'update')).toBe(true);
    expect((await owner.get(`/api/v1/orgs/${orgId}/audit-log?cursor=garbage`)).status).toBe(400);
  });

  it('verifies an intact chain and detects a row edited in the database', async () => {
    const ok = await verifyAuditLog(t.database.db);
    expect(ok.ok).toBe(true);
    expect(ok.rows).toBeGreaterThan(5);
    await t.database.db.updateTable('audit_log').set({ actor: 'someone-else@example.com' }).where('seq', '=', 3).execute();
    const broken = await verifyAuditLog(t.database.db);
    expect(broken).toMatchObject({ ok: false, break: { seq: 3 } });
  });

  it('chains concurrent writers without gaps', async () => {
    const t2 = await createTestApp(dialect);
    try {
      const { client, orgId: o } = await setupOwner(t2.app);
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => client.post('/api/v1/orgs', { name: `Parallel ${i}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(8).fill(201));
      expect(o).toBeTruthy();
      expect(await verifyAuditLog(t2.database.db)).toMatchObject({ ok: true });
    } finally {
      await t2.close();
    }
  });
});
