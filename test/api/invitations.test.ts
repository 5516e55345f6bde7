import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { addMember, Client, createTestApp, PASSWORD, setupOwner, signIn, type TestApp } from '../support/app.js';
import { createTestDatabase, testDialects } from '../support/db.js';

// Issue 16 item 3: members are invited and accept; the inviter learns nothing
// about whether the email has an account, and the invitee sees nothing of the
// organization until they accept.

const tokenOf = (acceptUrl: string) => acceptUrl.split('/invite/')[1];

/** The reply with what differs per invitation (ids, times, the email, the link) blanked: what an inviter could compare. */
function shape(body: { invitation: Record<string, unknown>; acceptUrl: string }) {
  const { id: _i, email: _e, invitedAt: _a, acceptBy: _b, ...rest } = body.invitation;
  return { invitation: rest, keys: Object.keys(body.invitation).sort(), link: body.acceptUrl.replace(/[^/]+$/, 'TOKEN') };
}

describe.each(testDialects())('invitations (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let n = 0;
  const fresh = (name = 'new') => `${name}.${++n}.${dialect}@example.com`;
  const members = (id = orgId) => `/api/v1/orgs/${id}/members`;
  const invite = (body: Record<string, unknown>, by = owner, id = orgId) => by.post(members(id), body);
  const anonymous = () => new Client(t.app);
  const accept = (token: string, body: Record<string, unknown> = {}, as = anonymous()) =>
    as.post(`/api/v1/invitations/${token}/accept`, body);
  const memberEmails = async () => ((await owner.get(members())).body.items as { email: string }[]).map((m) => m.email);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('answers 202 with the same shape and wording whether or not an account has the email', async () => {
    // an account that exists, in another organization only
    const existing = fresh('existing');
    const elsewhere = (await owner.post('/api/v1/orgs', { name: `Elsewhere ${dialect}` })).body.id;
    await addMember(owner, t.app, elsewhere, { email: existing, role: 'viewer', name: 'Existing Person' });
    const toExisting = await invite({ email: existing, role: 'editor' });
    const toNew = await invite({ email: fresh(), role: 'editor' });
    expect([toExisting.status, toNew.status]).toEqual([202, 202]);
    expect(shape(toExisting.body)).toEqual(shape(toNew.body));
    expect(toNew.body.invitation).toMatchObject({
      role: 'editor',
      expiresAt: null,
      invitedBy: 'lead@example.com',
      emailState: 'none',
    });
    expect(toNew.body.acceptUrl).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(toExisting.body)).not.toMatch(/userId|name/);
    // the link is valid for a week
    const week = Date.parse(toNew.body.invitation.acceptBy) - Date.parse(toNew.body.invitation.invitedAt);
    expect(week).toBe(7 * 86_400_000);
  });

  it('shows the invitee nothing of the organization until they accept', async () => {
    const email = fresh('waiting');
    const elsewhere = (await owner.post('/api/v1/orgs', { name: `Other ${n} ${dialect}` })).body.id;
    await addMember(owner, t.app, elsewhere, { email, role: 'viewer', name: 'Wai Ting' });
    const invited = await invite({ email, role: 'editor' });
    const invitee = await signIn(t.app, email);
    expect(((await invitee.get('/api/v1/orgs')).body.items as { id: string }[]).map((o) => o.id)).toEqual([elsewhere]);
    expect((await invitee.get(`/api/v1/orgs/${orgId}`)).status).toBe(404);
    expect((await invitee.get(members())).status).toBe(404);
    expect(await memberEmails()).not.toContain(email);
    // the link's preview names the organization and the role, nothing more
    const preview = await anonymous().get(`/api/v1/invitations/${tokenOf(invited.body.acceptUrl)}`);
    expect(preview.status).toBe(200);
    expect(preview.body).toEqual({
      organization: { name: 'Acme AI' },
      email,
      role: 'editor',
      expiresAt: null,
      acceptBy: invited.body.invitation.acceptBy,
      invitedBy: 'lead@example.com',
    });
    // accepted while signed in as the invited email: a member now
    const accepted = await accept(tokenOf(invited.body.acceptUrl), {}, invitee);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ organization: { id: orgId, name: 'Acme AI', role: 'editor' }, csrfToken: null });
    expect((await invitee.get(`/api/v1/orgs/${orgId}`)).status).toBe(200);
    expect(await memberEmails()).toContain(email);
  });

  it('creates the account of a new email on accept, checks the password, and signs in', async () => {
    const email = fresh('joiner');
    const token = tokenOf((await invite({ email, role: 'contributor' })).body.acceptUrl);
    const missing = await accept(token, {});
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.name', 'body.password']);
    const weak = await accept(token, { name: 'Jo Iner', password: 'password1234' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors[0].field).toBe('body.password');
    const fromEmail = await accept(token, { name: 'Jo Iner', password: `${email}1` });
    expect(fromEmail.status, 'a password built from the email is refused').toBe(400);
    expect(await memberEmails()).not.toContain(email);

    const ok = await accept(token, { name: 'Jo Iner', password: PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.organization.role).toBe('contributor');
    expect(String(ok.headers['set-cookie'])).toMatch(/aims_session=/);
    expect(await memberEmails()).toContain(email);
    const joiner = await signIn(t.app, email);
    expect(((await joiner.get('/api/v1/orgs')).body.items as { id: string }[]).map((o) => o.id)).toEqual([orgId]);
    // used up: the link and its preview are gone
    expect((await anonymous().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await accept(token, {}, await signIn(t.app, 'lead@example.com'))).status).toBe(403);
  });

  it('asks an existing account to sign in first, and refuses another signed-in email', async () => {
    const email = fresh('member');
    const elsewhere = (await owner.post('/api/v1/orgs', { name: `Third ${n} ${dialect}` })).body.id;
    await addMember(owner, t.app, elsewhere, { email, role: 'viewer', name: 'Mem Ber' });
    const token = tokenOf((await invite({ email, role: 'viewer' })).body.acceptUrl);
    const notSignedIn = await accept(token, { name: 'Someone', password: 'an entirely different passphrase 42' });
    expect(notSignedIn.status).toBe(401);
    expect(notSignedIn.body.detail).toContain(`Sign in as ${email} first`);
    const other = await accept(token, {}, owner);
    expect(other.status).toBe(403);
    expect(await memberEmails()).not.toContain(email);
    expect((await accept(token, {}, await signIn(t.app, email))).status).toBe(200);
  });

  it('makes one membership from a double click, signed in or creating the account', async () => {
    const email = fresh('double');
    const token = tokenOf((await invite({ email, role: 'editor' })).body.acceptUrl);
    const both = await Promise.all([
      accept(token, { name: 'Dou Ble', password: PASSWORD }),
      accept(token, { name: 'Dou Ble', password: PASSWORD }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const signedIn = await signIn(t.app, email);
    const again = await Promise.all([accept(token, {}, signedIn), accept(token, {}, signedIn)]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    const rows = await t.database.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select('users.id')
      .where('users.email', '=', email)
      .execute();
    expect(rows).toHaveLength(1);
    const users = await t.database.db.selectFrom('users').select('id').where('email', '=', email).execute();
    expect(users).toHaveLength(1);
    // one accept in the log, however many clicks
    const accepts = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'invitation')
      .where('action', '=', 'accept')
      .where('after', 'like', `%${email}%`)
      .execute();
    expect(accepts).toHaveLength(1);
  });

  it('refreshes the invitation when the same email is invited again: the old link stops working', async () => {
    const email = fresh('again');
    const first = await invite({ email, role: 'viewer' });
    const second = await invite({ email, role: 'editor' });
    expect(second.body.invitation.id).toBe(first.body.invitation.id);
    expect((await anonymous().get(`/api/v1/invitations/${tokenOf(first.body.acceptUrl)}`)).status).toBe(404);
    const listed = (
      (await owner.get(`/api/v1/orgs/${orgId}/invitations`)).body.items as { email: string; role: string }[]
    ).filter((i) => i.email === email);
    expect(listed).toEqual([expect.objectContaining({ email, role: 'editor' })]);
    const ok = await accept(tokenOf(second.body.acceptUrl), { name: 'Ag Ain', password: PASSWORD });
    expect(ok.body.organization.role).toBe('editor');
    // accepted: no longer pending, and inviting a member is a 409 naming the email
    expect(
      ((await owner.get(`/api/v1/orgs/${orgId}/invitations`)).body.items as { email: string }[]).map((i) => i.email),
    ).not.toContain(email);
    const member = await invite({ email, role: 'viewer' });
    expect(member.status).toBe(409);
    expect(member.body.errors[0].field).toBe('body.email');
  });

  it('lets an admin list and revoke, but not invite or revoke an owner; a revoked or expired link is gone', async () => {
    const adminEmail = fresh('admin');
    await addMember(owner, t.app, orgId, { email: adminEmail, role: 'admin', name: 'Ad Min' });
    const admin = await signIn(t.app, adminEmail);
    expect((await invite({ email: fresh(), role: 'owner' }, admin)).status).toBe(403);
    const ownerInvite = await invite({ email: fresh('co-owner'), role: 'owner' });
    expect(ownerInvite.status).toBe(202);
    expect((await admin.delete(`/api/v1/orgs/${orgId}/invitations/${ownerInvite.body.invitation.id}`)).status).toBe(403);

    const revoked = await invite({ email: fresh('revoked'), role: 'viewer' }, admin);
    expect(revoked.status).toBe(202);
    expect((await admin.get(`/api/v1/orgs/${orgId}/invitations`)).body.items.map((i: { id: string }) => i.id)).toContain(
      revoked.body.invitation.id,
    );
    expect((await admin.delete(`/api/v1/orgs/${orgId}/invitations/${revoked.body.invitation.id}`)).status).toBe(204);
    expect((await admin.delete(`/api/v1/orgs/${orgId}/invitations/${revoked.body.invitation.id}`)).status).toBe(404);
    const token = tokenOf(revoked.body.acceptUrl);
    expect((await anonymous().get(`/api/v1/invitations/${token}`)).status).toBe(404);
    expect((await accept(token, { name: 'Re Voked', password: PASSWORD })).status).toBe(404);

    const expired = await invite({ email: fresh('late'), role: 'viewer' });
    await t.database.db
      .updateTable('invitations')
      .set({ accept_by: '2020-01-01T00:00:00.000Z' })
      .where('id', '=', expired.body.invitation.id)
      .execute();
    expect((await accept(tokenOf(expired.body.acceptUrl), { name: 'La Te', password: PASSWORD })).status).toBe(404);

    // a viewer cannot see or make invitations
    const viewerEmail = fresh('viewer');
    await addMember(owner, t.app, orgId, { email: viewerEmail, role: 'viewer', name: 'Vi Ewer' });
    const viewer = await signIn(t.app, viewerEmail);
    expect((await viewer.get(`/api/v1/orgs/${orgId}/invitations`)).status).toBe(403);
    expect((await invite({ email: fresh(), role: 'viewer' }, viewer)).status).toBe(403);
  });

  it('names the bad field, and keeps the token out of the database and the audit log', async () => {
    const bad = await invite({ email: 'not-an-email', role: 'viewer' });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'body.email']);
    const past = await invite({ email: fresh(), role: 'auditor', expiresAt: '2020-01-01T00:00:00.000Z' });
    expect([past.status, past.body.errors[0].field]).toEqual([400, 'body.expiresAt']);
    const oldShape = await invite({ email: fresh(), role: 'viewer', name: 'X', password: PASSWORD });
    expect(oldShape.status, 'name and password are no longer the admin’s to set').toBe(400);
    expect((await anonymous().get('/api/v1/invitations/short')).status).toBe(400);

    const email = fresh('audited');
    const invited = await invite({ email, role: 'auditor', expiresAt: '2099-01-01T00:00:00.000Z' });
    const token = tokenOf(invited.body.acceptUrl);
    expect((await accept(token, { name: 'Au Dited', password: PASSWORD })).status).toBe(200);
    const row = await t.database.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', invited.body.invitation.id)
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    const log = await t.database.db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).execute();
    expect(JSON.stringify(log)).not.toContain(token);
    expect(JSON.stringify(log)).not.toContain(row.token_hash);
    const mine = log.filter((r) => r.entity_id === invited.body.invitation.id).map((r) => [r.action, r.actor]);
    expect(mine).toEqual([
      ['invite', 'lead@example.com'],
      ['accept', email],
    ]);
    const membership = log.find((r) => r.entity_type === 'membership' && r.after?.includes(email));
    expect(membership).toMatchObject({ action: 'create', actor: email });
    // the membership carries the expiry the invitation named
    const m = ((await owner.get(members())).body.items as { email: string; expiresAt: string | null }[]).find(
      (x) => x.email === email,
    );
    expect(m?.expiresAt).toBe('2099-01-01T00:00:00.000Z');
  });
});

describe.each(testDialects())('invitation email (%s)', (dialect) => {
  it('emails the link when SMTP is configured, and records that it was sent', async () => {
    const received: string[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, done) {
        let raw = '';
        stream.on('data', (d) => {
          raw += d;
        });
        stream.on('end', () => {
          received.push(raw.replace(/=\r?\n/g, '').replace(/=3D/g, '='));
          done();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    const port = (server.server.address() as AddressInfo).port;
    const database = await createTestDatabase(dialect);
    const config = loadConfig(
      {
        logLevel: 'silent',
        dataDir: '/tmp',
        webDir: '/nonexistent',
        smtpUrl: `smtp://127.0.0.1:${port}`,
        publicUrl: 'https://aims.example.com',
      },
      {},
    );
    const app = await buildApp(database, config);
    await app.ready();
    try {
      const { client, orgId } = await setupOwner(app);
      const r = await client.post(`/api/v1/orgs/${orgId}/members`, { email: 'mailed@example.com', role: 'viewer' });
      expect(r.status).toBe(202);
      expect(r.body.acceptUrl).toMatch(/^https:\/\/aims\.example\.com\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(r.body.invitation.emailState).toBe('pending');
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((res) => setTimeout(res, 50));
      expect(received).toHaveLength(1);
      expect(received[0]).toMatch(/^To: mailed@example.com/m);
      expect(received[0]).toContain(r.body.acceptUrl);
      let state = '';
      for (let i = 0; i < 100 && state !== 'sent'; i++) {
        state = (await client.get(`/api/v1/orgs/${orgId}/invitations`)).body.items[0].emailState;
        if (state !== 'sent') await new Promise((res) => setTimeout(res, 50));
      }
      expect(state).toBe('sent');
    } finally {
      await app.close();
      await database.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
