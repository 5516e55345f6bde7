import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

const ROLES = ['admin', 'editor', 'contributor', 'viewer', 'auditor'] as const;

describe.each(testDialects())('roles and organization isolation (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgA: string;
  let orgB: string;
  const as: Record<string, Client> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId: orgA } = await setupOwner(t.app));
    for (const role of ROLES) {
      await addMember(owner, t.app, orgA, { email: `${role}@example.com`, role, name: role });
      as[role] = await signIn(t.app, `${role}@example.com`);
    }
    // Org B belongs to someone else entirely.
    await addMember(owner, t.app, orgA, { email: 'b-owner@example.com', role: 'viewer', name: 'B' });
    as.bOwner = await signIn(t.app, 'b-owner@example.com');
    orgB = (await as.bOwner.post('/api/v1/orgs', { name: 'Org B' })).body.id;
    await as.bOwner.put(`/api/v1/orgs/${orgB}/scope/draft`, {
      content: { ...emptyContent(), boundaryStatement: 'B secret scope' },
    });
  });
  afterAll(() => t.close());

  it('lets every role read, and only writers write', async () => {
    const scope = `/api/v1/orgs/${orgA}/scope`;
    const statement = async () => (await owner.get(scope)).body.draft?.content.boundaryStatement;
    const body = (text: string) => ({ content: { ...emptyContent(), boundaryStatement: text } });
    expect((await owner.put(`${scope}/draft`, body('Draft by the owner'))).status).toBe(200);

    for (const role of ROLES) {
      const read = await as[role].get(scope);
      expect(read.status, role).toBe(200);
      expect(read.body.draft.content.boundaryStatement, role).toBe('Draft by the owner');
    }
    for (const role of ['viewer', 'auditor'] as const) {
      const denied = await as[role].put(`${scope}/draft`, body(`Draft by the ${role}`));
      expect(denied.status, role).toBe(403);
      expect(denied.body.detail, role).toMatch(role);
      expect(await statement(), role).toBe('Draft by the owner');
    }
    for (const role of ['contributor', 'editor'] as const) {
      const written = await as[role].put(`${scope}/draft`, body(`Draft by the ${role}`));
      expect(written.status, role).toBe(200);
      expect(written.body.content.boundaryStatement, role).toBe(`Draft by the ${role}`);
      expect(await statement(), role).toBe(`Draft by the ${role}`);
    }
  });

  it('lets contributors draft but not approve', async () => {
    const denied = await as.contributor.post(`/api/v1/orgs/${orgA}/scope/draft/approve`, {});
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/contributor/);
    expect((await owner.get(`/api/v1/orgs/${orgA}/scope`)).body.approved).toBeNull();
  });

  it('keeps profile edits and membership to the right roles', async () => {
    const profileUrl = `/api/v1/orgs/${orgA}/profile`;
    const { updatedAt: _, ...input } = (await owner.get(profileUrl)).body;
    expect((await as.viewer.put(profileUrl, { ...input, sector: 'Viewer sector' })).status).toBe(403);
    expect((await owner.get(profileUrl)).body.sector).toBe(input.sector);
    const edited = await as.editor.put(profileUrl, { ...input, sector: 'Software' });
    expect(edited.status).toBe(200);
    expect(edited.body.sector).toBe('Software');
    expect((await owner.get(profileUrl)).body.sector).toBe('Software');

    const members = async () =>
      (await owner.get(`/api/v1/orgs/${orgA}/members`)).body.items.map((m: { email: string; role: string }) => [m.email, m.role]);
    const before = await members();
    expect(before).toContainEqual(['lead@example.com', 'owner']);
    expect((await as.editor.post(`/api/v1/orgs/${orgA}/members`, { email: 'lead@example.com', role: 'viewer' })).status).toBe(
      403,
    );
    // An admin cannot create owners; only owners can.
    const r = await as.admin.post(`/api/v1/orgs/${orgA}/members`, { email: 'new@example.com', role: 'owner' });
    expect(r.status).toBe(403);
    expect(r.body.detail).toMatch(/owner/);
    expect(await members()).toEqual(before);
    // ...and no account was made for the refused email
    expect(await t.database.db.selectFrom('users').select('id').where('email', '=', 'new@example.com').execute()).toEqual([]);
  });

  it('keeps the last owner', async () => {
    const me = (await owner.get('/api/v1/session')).body.user.id;
    const r = await owner.patch(`/api/v1/orgs/${orgA}/members/${me}`, { role: 'viewer' });
    expect(r.status).toBe(409);
    expect(r.body.detail).toMatch(/at least one owner/);
    const removed = await owner.delete(`/api/v1/orgs/${orgA}/members/${me}`);
    expect(removed.status).toBe(409);
    expect(removed.body.detail).toMatch(/at least one owner/);
    const mine = (await owner.get(`/api/v1/orgs/${orgA}/members`)).body.items.find((m: { userId: string }) => m.userId === me);
    expect(mine).toMatchObject({ role: 'owner', expiresAt: null });
  });

  it('shows the audit log to owner, admin and auditor only', async () => {
    for (const role of ['admin', 'auditor'] as const) {
      const log = await as[role].get(`/api/v1/orgs/${orgA}/audit-log`);
      expect(log.status, role).toBe(200);
      // the members added in beforeAll are in it
      expect(
        log.body.items.map((i: { entityType: string }) => i.entityType),
        role,
      ).toContain('membership');
    }
    for (const role of ['editor', 'contributor', 'viewer'] as const) {
      const denied = await as[role].get(`/api/v1/orgs/${orgA}/audit-log`);
      expect(denied.status, role).toBe(403);
      expect(denied.body.items, role).toBeUndefined();
    }
  });

  it("returns 404 for another organization's records, whatever the role", async () => {
    for (const path of ['', '/profile', '/scope', '/scope/versions', '/members', '/audit-log']) {
      const r = await owner.get(`/api/v1/orgs/${orgB}${path}`);
      expect(r.status, path).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('B secret scope');
    }
    expect((await owner.put(`/api/v1/orgs/${orgB}/scope/draft`, { content: emptyContent() })).status).toBe(404);
    // ...and the B owner sees only B, as an owner, while a viewer in A.
    expect((await as.bOwner.get(`/api/v1/orgs/${orgB}/scope`)).body.draft.content.boundaryStatement).toBe('B secret scope');
    const orgs = (await as.bOwner.get('/api/v1/orgs')).body.items.map((o: { id: string; role: string }) => [o.id, o.role]);
    expect(orgs).toEqual(
      expect.arrayContaining([
        [orgA, 'viewer'],
        [orgB, 'owner'],
      ]),
    );
  });

  it('ends an auditor’s access when it expires', async () => {
    const auditorId = (await as.auditor.get('/api/v1/session')).body.user.id;
    const past = new Date(Date.now() - 1000).toISOString();
    expect((await as.auditor.get(`/api/v1/orgs/${orgA}/scope`)).status).toBe(200);
    expect((await owner.patch(`/api/v1/orgs/${orgA}/members/${auditorId}`, { expiresAt: past })).status).toBe(200);
    expect((await as.auditor.get(`/api/v1/orgs/${orgA}/scope`)).status).toBe(404);
    expect((await as.auditor.get('/api/v1/orgs')).body.items.map((o: { id: string }) => o.id)).not.toContain(orgA);
  });
});
