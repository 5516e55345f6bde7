import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, PASSWORD, setupOwner, signIn, type TestApp } from '../support/app.js';
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
      const r = await owner.post(`/api/v1/orgs/${orgA}/members`, {
        email: `${role}@example.com`,
        role,
        name: role,
        password: PASSWORD,
      });
      expect(r.status).toBe(201);
      as[role] = await signIn(t.app, `${role}@example.com`);
    }
    // Org B belongs to someone else entirely.
    const outsider = await owner.post(`/api/v1/orgs/${orgA}/members`, {
      email: 'b-owner@example.com',
      role: 'viewer',
      name: 'B',
      password: PASSWORD,
    });
    expect(outsider.status).toBe(201);
    as.bOwner = await signIn(t.app, 'b-owner@example.com');
    orgB = (await as.bOwner.post('/api/v1/orgs', { name: 'Org B' })).body.id;
    await as.bOwner.put(`/api/v1/orgs/${orgB}/scope/draft`, {
      content: { ...emptyContent(), boundaryStatement: 'B secret scope' },
    });
  });
  afterAll(() => t.close());

  it('lets every role read, and only writers write', async () => {
    for (const role of ROLES) expect((await as[role].get(`/api/v1/orgs/${orgA}/scope`)).status).toBe(200);
    const body = { content: { ...emptyContent(), boundaryStatement: 'Draft by someone' } };
    expect((await as.viewer.put(`/api/v1/orgs/${orgA}/scope/draft`, body)).status).toBe(403);
    expect((await as.auditor.put(`/api/v1/orgs/${orgA}/scope/draft`, body)).status).toBe(403);
    expect((await as.contributor.put(`/api/v1/orgs/${orgA}/scope/draft`, body)).status).toBe(200);
    expect((await as.editor.put(`/api/v1/orgs/${orgA}/scope/draft`, body)).status).toBe(200);
  });

  it('lets contributors draft but not approve', async () => {
    const denied = await as.contributor.post(`/api/v1/orgs/${orgA}/scope/draft/approve`, {});
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toMatch(/contributor/);
    expect((await owner.get(`/api/v1/orgs/${orgA}/scope`)).body.approved).toBeNull();
  });

  it('keeps profile edits and membership to the right roles', async () => {
    const profile = (await owner.get(`/api/v1/orgs/${orgA}/profile`)).body;
    const { updatedAt: _, ...input } = profile;
    expect((await as.viewer.put(`/api/v1/orgs/${orgA}/profile`, input)).status).toBe(403);
    expect((await as.editor.put(`/api/v1/orgs/${orgA}/profile`, { ...input, sector: 'Software' })).status).toBe(200);
    expect((await as.editor.post(`/api/v1/orgs/${orgA}/members`, { email: 'lead@example.com', role: 'viewer' })).status).toBe(
      403,
    );
    // An admin cannot create owners; only owners can.
    const r = await as.admin.post(`/api/v1/orgs/${orgA}/members`, {
      email: 'new@example.com',
      role: 'owner',
      name: 'N',
      password: PASSWORD,
    });
    expect(r.status).toBe(403);
  });

  it('keeps the last owner', async () => {
    const me = (await owner.get('/api/v1/session')).body.user.id;
    const r = await owner.patch(`/api/v1/orgs/${orgA}/members/${me}`, { role: 'viewer' });
    expect(r.status).toBe(409);
    expect((await owner.delete(`/api/v1/orgs/${orgA}/members/${me}`)).status).toBe(409);
  });

  it('shows the audit log to owner, admin and auditor only', async () => {
    for (const role of ['admin', 'auditor'] as const)
      expect((await as[role].get(`/api/v1/orgs/${orgA}/audit-log`)).status).toBe(200);
    for (const role of ['editor', 'contributor', 'viewer'] as const)
      expect((await as[role].get(`/api/v1/orgs/${orgA}/audit-log`)).status).toBe(403);
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
    expect((await owner.patch(`/api/v1/orgs/${orgA}/members/${auditorId}`, { expiresAt: past })).status).toBe(200);
    expect((await as.auditor.get(`/api/v1/orgs/${orgA}/scope`)).status).toBe(404);
  });
});
