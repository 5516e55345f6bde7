import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, Client, createTestApp, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Issue 16 item 2 (the last owner cannot lock the organization) and item 6's
// disabling of a member's account.

describe.each(testDialects())('the last owner (%s)', (dialect) => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof startSecondNode>> | undefined;
  let a: Awaited<ReturnType<typeof setupOwner>>;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    if (dialect === 'postgres') second = await startSecondNode(t);
    a = await setupOwner(t.app);
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('refuses the sole owner an expiry on their own membership, a role change and removal; the organization still answers', async () => {
    const { client, orgId, userId } = a;
    const me = `/api/v1/orgs/${orgId}/members/${userId}`;
    const expiry = await client.patch(me, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    expect(expiry.status).toBe(409);
    expect(expiry.body.errors[0].field).toBe('body.expiresAt');
    const past = await client.patch(me, { expiresAt: '2020-01-01T00:00:00.000Z' });
    expect(past.status).toBe(409);
    const demote = await client.patch(me, { role: 'admin' });
    expect([demote.status, demote.body.errors[0].field]).toEqual([409, 'body.role']);
    expect((await client.delete(me)).status).toBe(409);
    // still owned, still reachable, and the undo path (the members page) still works
    expect((await client.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);
    const mine = (await client.get(`/api/v1/orgs/${orgId}/members`)).body.items.find(
      (m: { userId: string }) => m.userId === userId,
    );
    expect(mine).toMatchObject({ role: 'owner', expiresAt: null, disabled: false });
  });

  it('does not count a disabled owner as keeping the organization owned', async () => {
    const { client, userId } = a;
    const orgId = (await client.post('/api/v1/orgs', { name: 'Solo' })).body.id as string;
    const { userId: other } = await addMember(client, t.app, orgId, {
      email: `co.owner.${dialect}@example.com`,
      role: 'owner',
      name: 'Co Owner',
    });
    expect((await client.post(`/api/v1/orgs/${orgId}/members/${other}/disable`, {})).status).toBe(200);
    expect((await client.patch(`/api/v1/orgs/${orgId}/members/${userId}`, { role: 'admin' })).status).toBe(409);
    expect((await client.post(`/api/v1/orgs/${orgId}/members/${other}/enable`, {})).status).toBe(200);
    expect((await client.patch(`/api/v1/orgs/${orgId}/members/${userId}`, { role: 'admin' })).status).toBe(200);
  });

  it.runIf(dialect === 'postgres')('two owners demoting each other at once, on two app processes, leave one owner', async () => {
    const ORGS = 8;
    const bEmail = 'race.b@example.com';
    await addMember(a.client, t.app, a.orgId, { email: bEmail, role: 'viewer', name: 'Race B' });
    const b = await signIn(second!.app, bEmail);
    const bId = (await b.get('/api/v1/session')).body.user.id as string;
    const tallies: number[][] = [];
    for (let i = 0; i < ORGS; i++) {
      const orgId = (await a.client.post('/api/v1/orgs', { name: `Race ${i}` })).body.id as string;
      await addMember(a.client, t.app, orgId, { email: bEmail, role: 'owner', name: 'Race B' });
      const [x, y] = await Promise.all([
        a.client.patch(`/api/v1/orgs/${orgId}/members/${bId}`, { role: 'admin' }),
        b.patch(`/api/v1/orgs/${orgId}/members/${a.userId}`, { role: 'admin' }),
      ]);
      tallies.push([x.status, y.status].sort());
      const owners = await t.database.db
        .selectFrom('memberships')
        .select('user_id')
        .where('org_id', '=', orgId)
        .where('role', '=', 'owner')
        .execute();
      expect(owners).toHaveLength(1);
    }
    // one wins, the other is refused (409 last owner, or 403 once demoted), never both
    for (const s of tallies) expect(s[0]).toBe(200);
    for (const s of tallies) expect([403, 409]).toContain(s[1]);
  });
});

describe.each(testDialects())("disabling a member's account (%s)", (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  let n = 0;
  const email = (name: string) => `${name}.${++n}.${dialect}@example.com`;
  const path = (userId: string, action: 'disable' | 'enable') => `/api/v1/orgs/${orgId}/members/${userId}/${action}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('ends their sessions and API tokens at once, refuses sign-in, and shows them disabled; enabling lets them sign in again', async () => {
    const address = email('editor');
    const { userId } = await addMember(owner, t.app, orgId, { email: address, role: 'editor', name: 'Ed Itor' });
    const session = await signIn(t.app, address);
    const token = (await session.post('/api/v1/tokens', { name: 'script' })).body.token as string;
    const bearer = new Client(t.app, undefined, undefined, token);
    expect((await bearer.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);

    const r = await owner.post(path(userId, 'disable'), {});
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body).toMatchObject({ userId, disabled: true, endedSessions: 1, revokedTokens: 1 });
    expect((await session.get('/api/v1/session')).status).toBe(401);
    expect((await bearer.get(`/api/v1/orgs/${orgId}`)).status).toBe(401);
    await expect(signIn(t.app, address)).rejects.toThrow(/sign-in failed/);
    const listed = (await owner.get(`/api/v1/orgs/${orgId}/members`)).body.items.find(
      (m: { userId: string }) => m.userId === userId,
    );
    expect(listed).toMatchObject({ disabled: true, role: 'editor' });
    // again: nothing more to do, nothing more logged
    expect((await owner.post(path(userId, 'disable'), {})).body).toMatchObject({ disabled: true, endedSessions: 0 });

    const on = await owner.post(path(userId, 'enable'), {});
    expect(on.body).toMatchObject({ disabled: false });
    const back = await signIn(t.app, address);
    expect((await back.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);
    // the old token stays revoked
    expect((await bearer.get(`/api/v1/orgs/${orgId}`)).status).toBe(401);

    const log = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor', 'org_id'])
      .where('entity_type', '=', 'user')
      .where('entity_id', '=', userId)
      .where('action', 'in', ['disable', 'enable'])
      .orderBy('seq')
      .execute();
    expect(log).toEqual([
      { action: 'disable', actor: 'lead@example.com', org_id: orgId },
      { action: 'enable', actor: 'lead@example.com', org_id: orgId },
    ]);
  });

  it('refuses yourself, an admin disabling an owner, a member you do not manage everywhere, a viewer, and a stranger', async () => {
    const self = await owner.post(path(ownerId, 'disable'), {});
    expect([self.status, self.body.errors[0].field]).toEqual([400, 'params.userId']);

    const adminEmail = email('admin');
    await addMember(owner, t.app, orgId, { email: adminEmail, role: 'admin', name: 'Ad Min' });
    const admin = await signIn(t.app, adminEmail);
    expect((await admin.post(path(ownerId, 'disable'), {})).status).toBe(403);

    // a member who also belongs to an organization the admin does not manage
    const otherEmail = email('elsewhere');
    const { userId: both } = await addMember(owner, t.app, orgId, { email: otherEmail, role: 'editor', name: 'Two Orgs' });
    const theirs = await signIn(t.app, otherEmail);
    expect((await theirs.post('/api/v1/orgs', { name: `Their own ${dialect}` })).status).toBe(201);
    const refused = await admin.post(path(both, 'disable'), {});
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain('organization you do not manage');
    expect((await theirs.get('/api/v1/session')).status).toBe(200);

    const viewerEmail = email('viewer');
    const { userId: viewerId } = await addMember(owner, t.app, orgId, { email: viewerEmail, role: 'viewer', name: 'Vi Ewer' });
    const viewer = await signIn(t.app, viewerEmail);
    expect((await viewer.post(path(both, 'disable'), {})).status).toBe(403);
    // the admin may disable an editor or viewer who belongs here only
    expect((await admin.post(path(viewerId, 'disable'), {})).status).toBe(200);

    // someone who is not a member of this organization: 404, whatever exists elsewhere
    const strangerOrg = (await owner.post('/api/v1/orgs', { name: `Stranger org ${dialect}` })).body.id;
    const { userId: stranger } = await addMember(owner, t.app, strangerOrg, {
      email: email('stranger'),
      role: 'viewer',
      name: 'Stran Ger',
    });
    expect((await admin.post(path(stranger, 'disable'), {})).status).toBe(404);
    expect((await admin.post(path('01890000-0000-7000-8000-000000000000', 'disable'), {})).status).toBe(404);
    // a body is refused: the action takes none
    expect((await owner.post(path(viewerId, 'enable'), { force: true })).status).toBe(400);
  });
});
