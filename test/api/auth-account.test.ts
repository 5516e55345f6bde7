import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember as inviteAndAccept,
  Client,
  createTestApp,
  PASSWORD,
  setupOwner,
  signIn,
  type TestApp,
} from '../support/app.js';
import { testDialects } from '../support/db.js';

// The signed-in user's own password, sessions and tokens; an owner's or
// admin's reset and unlock for a member. Every write is audited.

const NEW_PASSWORD = 'a brand new passphrase';

describe.each(testDialects())('account security (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let ownerId: string;

  const hashOf = async (email: string) =>
    (await t.database.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow())
      .password_hash;
  const auditActions = async (entityId: string) =>
    (await t.database.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).execute()).map(
      (r) => r.action,
    );
  async function addMember(email: string, role: string, by = owner) {
    return (await inviteAndAccept(by, t.app, orgId, { email, role, name: email.split('@')[0] })).userId;
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('changes your password only with the current one; other sessions end, this one stays', async () => {
    const id = await addMember('changer@example.com', 'editor');
    const here = await signIn(t.app, 'changer@example.com');
    const elsewhere = await signIn(t.app, 'changer@example.com');
    const before = await hashOf('changer@example.com');

    const wrong = await here.put('/api/v1/account/password', { currentPassword: 'not my password', newPassword: NEW_PASSWORD });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.currentPassword' })]);
    expect(await hashOf('changer@example.com')).toBe(before);
    expect((await elsewhere.get('/api/v1/session')).status).toBe(200);
    const same = await here.put('/api/v1/account/password', { currentPassword: PASSWORD, newPassword: PASSWORD });
    expect(same.status).toBe(400);
    // A session cannot be driven without its CSRF token.
    expect(
      (
        await new Client(t.app, here.cookie).put('/api/v1/account/password', {
          currentPassword: PASSWORD,
          newPassword: NEW_PASSWORD,
        })
      ).status,
    ).toBe(403);

    const ok = await here.put('/api/v1/account/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.status).toBe(200);
    expect(ok.body.endedSessions).toBe(1);
    expect((await here.get('/api/v1/session')).status).toBe(200);
    expect((await elsewhere.get('/api/v1/session')).status).toBe(401);
    expect((await new Client(t.app).post('/api/v1/session', { email: 'changer@example.com', password: PASSWORD })).status).toBe(
      401,
    );
    await signIn(t.app, 'changer@example.com', NEW_PASSWORD);
    expect(await auditActions(id)).toContain('change-password');
  });

  it('makes a reset password a one-time one: everything but changing it answers 403 until then', async () => {
    const id = await addMember('forgetful@example.com', 'contributor');
    const old = await signIn(t.app, 'forgetful@example.com');
    const token = (await old.post('/api/v1/tokens', { name: 'script' })).body.token as string;

    const reset = await owner.post(`/api/v1/orgs/${orgId}/members/${id}/password-reset`);
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary.length).toBeGreaterThanOrEqual(12);
    expect(await hashOf('forgetful@example.com')).not.toContain(temporary);
    expect((await old.get('/api/v1/session')).status).toBe(401);
    expect((await new Client(t.app).post('/api/v1/session', { email: 'forgetful@example.com', password: PASSWORD })).status).toBe(
      401,
    );

    const member = await signIn(t.app, 'forgetful@example.com', temporary);
    expect((await member.get('/api/v1/session')).body.mustChangePassword).toBe(true);
    for (const res of [
      await member.get('/api/v1/orgs'),
      await member.get(`/api/v1/orgs/${orgId}/profile`),
      await member.get('/api/v1/tokens'),
      await new Client(t.app, undefined, undefined, token).get(`/api/v1/orgs/${orgId}/profile`),
    ]) {
      expect(res.status).toBe(403);
      expect(res.body.title).toBe('Password change required');
    }
    const changed = await member.put('/api/v1/account/password', { currentPassword: temporary, newPassword: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect((await member.get('/api/v1/session')).body.mustChangePassword).toBe(false);
    expect((await member.get(`/api/v1/orgs/${orgId}/profile`)).status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'org_id', 'actor_user_id'])
      .where('entity_id', '=', id)
      .where('action', '=', 'reset-password')
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'reset-password', org_id: orgId, actor_user_id: ownerId });
  });

  it("lets an admin reset a member's password but never an owner's, nor one they do not manage everywhere", async () => {
    await addMember('admin@example.com', 'admin');
    const admin = await signIn(t.app, 'admin@example.com');
    const ownerHash = await hashOf('lead@example.com');
    const refused = await admin.post(`/api/v1/orgs/${orgId}/members/${ownerId}/password-reset`);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/admin cannot reset an owner/);
    expect(await hashOf('lead@example.com')).toBe(ownerHash);
    expect((await owner.get('/api/v1/session')).status).toBe(200);

    const editorId = await addMember('editor@example.com', 'editor', admin);
    expect((await admin.post(`/api/v1/orgs/${orgId}/members/${editorId}/password-reset`)).status).toBe(200);
    expect(await signIn(t.app, 'editor@example.com', PASSWORD).catch(() => null)).toBeNull();
    // A member who owns another organization, where the admin has no say, is not theirs to reset.
    const viewerId = await addMember('twohats@example.com', 'viewer');
    const twohats = await signIn(t.app, 'twohats@example.com');
    expect((await twohats.post('/api/v1/orgs', { name: 'Side Project' })).status).toBe(201);
    expect((await admin.post(`/api/v1/orgs/${orgId}/members/${viewerId}/password-reset`)).status).toBe(403);
    // Nobody resets their own password this way, and a viewer resets nobody's.
    expect((await owner.post(`/api/v1/orgs/${orgId}/members/${ownerId}/password-reset`)).status).toBe(400);
    expect((await twohats.post(`/api/v1/orgs/${orgId}/members/${editorId}/password-reset`)).status).toBe(403);
  });

  it('unlocks a throttled account, and says so in the lockout message', async () => {
    const id = await addMember('locked@example.com', 'viewer');
    const anon = new Client(t.app);
    for (let i = 0; i < 5; i++) await anon.post('/api/v1/session', { email: 'locked@example.com', password: `guess ${i} xx` });
    const blocked = await anon.post('/api/v1/session', { email: 'locked@example.com', password: PASSWORD });
    expect(blocked.status).toBe(429);
    // the first wait of the per-account backoff (issue 16; the schedule is tested in security-accounts.test.ts)
    expect(blocked.body.detail).toBe('Too many attempts. Try again in 1 second or ask an administrator to unlock your account.');
    const viewer = await signIn(t.app, 'twohats@example.com');
    expect((await viewer.post(`/api/v1/orgs/${orgId}/members/${id}/unlock`)).status).toBe(403);
    const unlocked = await owner.post(`/api/v1/orgs/${orgId}/members/${id}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.clearedAttempts).toBe(5);
    expect((await anon.post('/api/v1/session', { email: 'locked@example.com', password: PASSWORD })).status).toBe(200);
    expect(await auditActions(id)).toContain('unlock');
    // Not a member here: nothing to unlock, nothing learnt.
    const otherOrg = (await owner.post('/api/v1/orgs', { name: 'Other Org' })).body.id as string;
    expect((await owner.post(`/api/v1/orgs/${otherOrg}/members/${id}/unlock`)).status).toBe(404);
  });

  it('enforces API token expiry at authentication', async () => {
    const soon = new Date(Date.now() + 3600_000).toISOString();
    const created = await owner.post('/api/v1/tokens', { name: 'expiring', expiresAt: soon });
    expect(created.status).toBe(201);
    expect(created.body.expiresAt).toBe(soon);
    const script = new Client(t.app, undefined, undefined, created.body.token);
    expect((await script.get(`/api/v1/orgs/${orgId}/profile`)).status).toBe(200);
    await t.database.db
      .updateTable('api_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', created.body.id)
      .execute();
    expect((await script.get(`/api/v1/orgs/${orgId}/profile`)).status).toBe(401);
    const past = await owner.post('/api/v1/tokens', { name: 'stale', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([expect.objectContaining({ field: 'body.expiresAt' })]);
    const listed = (await owner.get('/api/v1/tokens')).body.items;
    expect(listed.find((k: { id: string }) => k.id === created.body.id).expiresAt).toBeTruthy();
  });

  it('lists your sessions with the current one marked, and ends one or all others', async () => {
    await addMember('traveller@example.com', 'viewer');
    const laptop = await signIn(t.app, 'traveller@example.com');
    const phone = await signIn(t.app, 'traveller@example.com');
    const tablet = await signIn(t.app, 'traveller@example.com');
    const list = await laptop.get('/api/v1/account/sessions');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(3);
    expect(list.body.items.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect(list.body.items[0]).toEqual(
      expect.objectContaining({ ip: '127.0.0.1', userAgent: 'lightMyRequest', createdAt: expect.any(String) }),
    );
    // Ending the phone's session: find it as the phone sees it.
    const phoneId = (await phone.get('/api/v1/account/sessions')).body.items.find((s: { current: boolean }) => s.current).id;
    expect((await laptop.delete(`/api/v1/account/sessions/${phoneId}`)).status).toBe(204);
    expect((await phone.get('/api/v1/session')).status).toBe(401);
    // Someone else's session is not yours to end.
    const tabletId = (await tablet.get('/api/v1/account/sessions')).body.items.find((s: { current: boolean }) => s.current).id;
    expect((await owner.delete(`/api/v1/account/sessions/${tabletId}`)).status).toBe(404);
    const others = await laptop.delete('/api/v1/account/sessions');
    expect(others.body).toEqual({ ended: 1 });
    expect((await tablet.get('/api/v1/session')).status).toBe(401);
    expect((await laptop.get('/api/v1/session')).status).toBe(200);
  });
});
