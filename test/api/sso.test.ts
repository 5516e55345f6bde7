import type { AddressInfo } from 'node:net';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertUser } from '../../src/platform/auth/users.js';
import { nowIso } from '../../src/platform/db/db.js';
import { type Client, createTestApp, PASSWORD, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';

// Single sign-on against a real OpenID Connect provider (oidc-provider on a
// local port): the app listens on a real port too, and the browser's part
// (start, the provider's login, the redirect back) is driven over HTTP.

describe.each(testDialects())('single sign-on with OpenID Connect (%s)', (dialect) => {
  let t: TestApp;
  let idp: TestProvider;
  let base: string;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const sso = () => `/api/v1/orgs/${orgId}/sso`;
  const settings = (extra: Record<string, unknown> = {}) => ({
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    allowedDomains: ['ACME.test', 'acme-labs.test'],
    defaultRole: 'editor',
    ...extra,
  });

  /** A user with a password, made a member directly (membership invitations are another helper's). */
  async function addMember(email: string, role: string, org = orgId) {
    const db = t.database.db;
    const user =
      (await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst()) ??
      (await db
        .transaction()
        .execute((tx) => insertUser(tx, { userId: null, label: 'test' }, { email, name: email, password: PASSWORD })));
    await db
      .insertInto('memberships')
      .values({ org_id: org, user_id: user.id, role: role as 'owner', created_at: nowIso(), expires_at: null })
      .execute();
    return user;
  }

  async function passwordSignIn(email: string) {
    return t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } });
  }

  async function start(email: string) {
    const res = await fetch(`${base}/api/v1/sso/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    const cookie = res.headers
      .getSetCookie()
      .find((c) => c.startsWith('aims_sso_state='))
      ?.split(';')[0];
    return { status: res.status, body: await res.json(), cookie };
  }

  async function callback(url: string, cookie?: string) {
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('aims_session=') && !c.startsWith('aims_session=;'));
    const location = res.headers.get('location') ?? '';
    const error = location.startsWith('/sign-in') ? new URL(location, base).searchParams.get('sso_error') : null;
    return { status: res.status, location, error, session: session?.split(';')[0] };
  }

  /** The whole round trip: start with an email, sign in at the provider as an account, come back. */
  async function ssoSignIn(email: string, accountId: string, amr?: string[]) {
    const s = await start(email);
    expect(s.status, JSON.stringify(s.body)).toBe(200);
    const back = await idp.signIn(s.body.authorizationUrl, accountId, amr);
    return { ...(await callback(back, s.cookie)), back, stateCookie: s.cookie };
  }

  async function whoAmI(session: string) {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/session', headers: { cookie: session } });
    return res.json();
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    idp = await startTestProvider(`${base}/api/v1/sso/callback`);
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
    const configured = await owner.put(sso(), settings());
    expect(configured.status, JSON.stringify(configured.body)).toBe(200);
  });
  afterAll(async () => {
    await idp?.close();
    await t?.close();
  });

  it('saves the settings only when the issuer can be discovered, validates domains and role, and never returns the secret', async () => {
    const org = await owner.post('/api/v1/orgs', { name: 'Settings Co' });
    const url = `/api/v1/orgs/${org.body.id}/sso`;
    const mine = (extra: Record<string, unknown> = {}) =>
      settings({ allowedDomains: ['SETTINGS.test', 'settings-labs.test'], ...extra });
    const empty = await owner.get(url);
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({ configured: false, hasSecret: false });
    // from the request's host (no public URL configured): what the admin registers at the provider
    expect(empty.body.redirectUri).toBe('http://localhost/api/v1/sso/callback');

    const unreachable = await owner.put(url, mine({ issuer: 'http://127.0.0.1:9/nothing' }));
    expect(unreachable.status).toBe(400);
    expect(unreachable.body.errors[0]).toMatchObject({ field: 'body.issuer' });
    expect(unreachable.body.errors[0].message).toMatch(/discovery failed/);

    const plainHttp = await owner.put(url, mine({ issuer: 'http://idp.example.com' }));
    expect(plainHttp.status).toBe(400);
    expect(plainHttp.body.errors[0].message).toMatch(/https/);

    const badDomain = await owner.put(url, mine({ allowedDomains: ['acme.test', 'user@acme.test'] }));
    expect(badDomain.status).toBe(400);
    expect(badDomain.body.errors[0].field).toBe('body.allowedDomains.1');

    const ownerRole = await owner.put(url, mine({ defaultRole: 'owner' }));
    expect(ownerRole.status).toBe(400);
    expect(ownerRole.body.errors[0].field).toBe('body.defaultRole');

    const saved = await owner.put(url, mine());
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({
      configured: true,
      hasSecret: true,
      allowedDomains: ['settings-labs.test', 'settings.test'],
      enforce: false,
    });
    expect(saved.raw.body).not.toContain(idp.clientSecret);
    // omitting the secret keeps it
    const { clientSecret: _s, ...withoutSecret } = mine();
    const kept = await owner.put(url, withoutSecret);
    expect(kept.body.hasSecret).toBe(true);
    const read = await owner.get(url);
    expect(read.raw.body).not.toContain(idp.clientSecret);
    expect(read.body).not.toHaveProperty('clientSecret');

    const audit = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'sso-settings')
      .where('entity_id', '=', org.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'update']);
    expect(JSON.stringify(audit)).not.toContain(idp.clientSecret);
    expect(JSON.parse(audit[0].after!)).toMatchObject({ hasSecret: true, issuer: idp.issuer });

    // one organization per domain
    const other = await owner.post('/api/v1/orgs', { name: 'Other Co' });
    const claimed = await owner.put(`/api/v1/orgs/${other.body.id}/sso`, settings({ allowedDomains: ['settings.test'] }));
    expect(claimed.status).toBe(409);
    expect(claimed.body.errors[0].field).toBe('body.allowedDomains');
    expect(claimed.raw.body).not.toContain('Settings Co');
  });

  it('signs an existing member in through the provider, and reports the time of one round trip', async () => {
    const bob = await addMember('bob@acme.test', 'viewer');
    idp.accounts.set('bob', { email: 'Bob@acme.test', email_verified: true, name: 'Bob' });
    const t0 = performance.now();
    const r = await ssoSignIn('bob@acme.test', 'bob');
    const ms = performance.now() - t0;
    console.log(`[sso] one round trip (start, provider login, callback, session): ${ms.toFixed(0)} ms on ${dialect}`);
    expect(r.status).toBe(302);
    expect(r.error).toBeNull();
    expect(r.location).toBe('/');
    const me = await whoAmI(r.session!);
    expect(me.user).toMatchObject({ id: bob.id, email: 'bob@acme.test' });
    expect(me.organizations.map((o: { id: string; role: string }) => [o.id, o.role])).toEqual([[orgId, 'viewer']]);
    const signIn = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'session')
      .where('entity_id', '=', bob.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(signIn.after!)).toEqual({ method: 'sso' });
  });

  it("marks the session as two-step verified when the provider's amr claim shows a second factor", async () => {
    await addMember('amy@acme.test', 'viewer');
    idp.accounts.set('amy', { email: 'amy@acme.test', email_verified: true });
    const r = await ssoSignIn('amy@acme.test', 'amy', ['pwd', 'otp']);
    expect(r.session).toBeDefined();
    const last = await t.database.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity_type', '=', 'session')
      .where('action', '=', 'sign-in')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(last.after!)).toEqual({ method: 'sso', secondFactor: true });
  });

  it('asks an account with its own second factor for its code, unless the provider already checked one', async () => {
    await addMember('tess@acme.test', 'viewer');
    // tess turns on two-step verification with her password session
    const tessClient = await signIn(t.app, 'tess@acme.test');
    const enrol = await tessClient.post('/api/v1/account/mfa/totp');
    expect(enrol.status, JSON.stringify(enrol.body)).toBe(201);
    const secret = enrol.body.secret as string;
    const codeAt = (offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });
    expect((await tessClient.post('/api/v1/account/mfa/totp/confirm', { code: await codeAt(0) })).status).toBe(200);
    idp.accounts.set('tess', { email: 'tess@acme.test', email_verified: true });
    const withoutMfa = await ssoSignIn('tess@acme.test', 'tess');
    expect(withoutMfa.session).toBeUndefined();
    expect(withoutMfa.location).toMatch(/^\/sign-in#mfa=.+/);
    const challenge = decodeURIComponent(withoutMfa.location.split('#mfa=')[1]);
    const step = await t.app.inject({ method: 'POST', url: '/api/v1/session/mfa', payload: { challenge, code: '000000' } });
    // the challenge is a real one: a wrong code is refused as a wrong code, not as an unknown sign-in step
    expect(step.statusCode, step.body).toBe(401);
    expect(step.json().detail).toMatch(/code is wrong/);
    // with her code (the next step's, within the drift allowed) the sign-in finishes
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/mfa',
      payload: { challenge, code: await codeAt(1) },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().user.email).toBe('tess@acme.test');

    const withMfa = await ssoSignIn('tess@acme.test', 'tess', ['pwd', 'hwk']);
    expect(withMfa.session).toBeDefined();
  });

  it.runIf(dialect === 'postgres')(
    'finishes on another app process than the one that started it (state in the database)',
    async () => {
      const node2 = await startSecondNode(t);
      try {
        await addMember('nina@acme.test', 'viewer');
        idp.accounts.set('nina', { email: 'nina@acme.test', email_verified: true });
        const s = await start('nina@acme.test');
        const back = new URL(await idp.signIn(s.body.authorizationUrl, 'nina'));
        const res = await node2.app.inject({
          method: 'GET',
          url: `${back.pathname}${back.search}`,
          headers: { cookie: s.cookie! },
        });
        expect(res.statusCode).toBe(302);
        expect(res.headers.location).toBe('/');
        const session = String(res.headers['set-cookie']).match(/aims_session=[^;]+/)![0];
        expect((await whoAmI(session)).user.email).toBe('nina@acme.test');
      } finally {
        await node2.close();
      }
    },
  );

  it('adds a new person just in time with the default role, an account without a usable password, audited by "sso"', async () => {
    idp.accounts.set('carol', { email: 'carol@acme-labs.test', email_verified: true, name: 'Carol Lab' });
    const r = await ssoSignIn('carol@acme-labs.test', 'carol');
    expect(r.error).toBeNull();
    const me = await whoAmI(r.session!);
    expect(me.user).toMatchObject({ email: 'carol@acme-labs.test', name: 'Carol Lab' });
    expect(me.organizations).toEqual([expect.objectContaining({ id: orgId, role: 'editor' })]);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', me.user.id)
      .where('actor', '=', 'sso')
      .execute();
    expect(rows.map((a) => `${a.entity_type} ${a.action}`).sort()).toEqual(['membership create', 'user create']);
    expect((await passwordSignIn('carol@acme-labs.test')).statusCode).toBe(401);
    // the second time, the same account and membership
    const again = await ssoSignIn('carol@acme-labs.test', 'carol');
    expect((await whoAmI(again.session!)).user.id).toBe(me.user.id);
  });

  it('refuses an email the provider has not verified, and one outside the allowed domains', async () => {
    idp.accounts.set('dan', { email: 'dan@acme.test', email_verified: false });
    const unverified = await ssoSignIn('dan@acme.test', 'dan');
    expect(unverified.session).toBeUndefined();
    expect(unverified.error).toMatch(/not verified/);

    idp.accounts.set('eve', { email: 'eve@elsewhere.test', email_verified: true });
    const foreign = await ssoSignIn('eve@acme.test', 'eve');
    expect(foreign.session).toBeUndefined();
    expect(foreign.error).toMatch(/elsewhere\.test may not sign in/);
    const users = await t.database.db
      .selectFrom('users')
      .select('email')
      .where('email', 'in', ['dan@acme.test', 'eve@elsewhere.test'])
      .execute();
    expect(users).toEqual([]);
  });

  it('uses a state once: a replayed callback, or one from another browser, is refused', async () => {
    await addMember('rita@acme.test', 'viewer');
    idp.accounts.set('rita', { email: 'rita@acme.test', email_verified: true });
    const first = await ssoSignIn('rita@acme.test', 'rita');
    expect(first.session).toBeDefined();
    const replay = await callback(first.back, first.stateCookie);
    expect(replay.session).toBeUndefined();
    expect(replay.error).toMatch(/expired or was already used/);

    const s = await start('rita@acme.test');
    const back = await idp.signIn(s.body.authorizationUrl, 'rita');
    const noCookie = await callback(back);
    expect(noCookie.session).toBeUndefined();
    expect(noCookie.error).toMatch(/another browser/);
    // the state is still unused: the browser that started it finishes
    expect((await callback(back, s.cookie)).session).toBeDefined();
  });

  it('answers the same for an email no organization claims, and refuses to take over an account of other organizations', async () => {
    const none = await start('someone@unclaimed.test');
    expect(none.status).toBe(404);
    const alsoNone = await start('someone@other.test');
    expect(alsoNone.body.detail).toBe(none.body.detail);
    expect(none.cookie).toBeUndefined();

    const org2 = await owner.post('/api/v1/orgs', { name: 'Second Org' });
    await addMember('gina@acme.test', 'editor', org2.body.id);
    idp.accounts.set('gina', { email: 'gina@acme.test', email_verified: true });
    const r = await ssoSignIn('gina@acme.test', 'gina');
    expect(r.session).toBeUndefined();
    expect(r.error).toMatch(/belongs to other organizations/);
  });

  it('enforcement: owner only, needs a break-glass owner, refuses members’ passwords but not the break-glass owner’s', async () => {
    const strict = await owner.post('/api/v1/orgs', { name: 'Strict Co' });
    const strictId = strict.body.id as string;
    const url = `/api/v1/orgs/${strictId}/sso`;
    const mine = (extra: Record<string, unknown> = {}) => settings({ allowedDomains: ['strict.test'], ...extra });
    expect((await owner.put(url, mine())).status).toBe(200);
    await addMember('adam@strict.test', 'admin', strictId);
    await addMember('sam@strict.test', 'viewer', strictId);
    const admin = await passwordSignIn('adam@strict.test');
    const asAdmin = (payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url,
        headers: { cookie: String(admin.headers['set-cookie']).split(';')[0], 'x-csrf-token': admin.json().csrfToken },
        payload: payload as object,
      });
    expect((await asAdmin(mine({ enforce: true, breakGlassUserId: ownerId }))).statusCode).toBe(403);

    const noBreakGlass = await owner.put(url, mine({ enforce: true }));
    expect(noBreakGlass.status).toBe(400);
    expect(noBreakGlass.body.errors[0].field).toBe('body.breakGlassUserId');
    const adamId = (
      await t.database.db.selectFrom('users').select('id').where('email', '=', 'adam@strict.test').executeTakeFirstOrThrow()
    ).id;
    const notOwner = await owner.put(url, mine({ enforce: true, breakGlassUserId: adamId }));
    expect(notOwner.status).toBe(400);
    expect(notOwner.body.errors[0].field).toBe('body.breakGlassUserId');

    expect((await passwordSignIn('sam@strict.test')).statusCode).toBe(200);
    const on = await owner.put(url, mine({ enforce: true, breakGlassUserId: ownerId }));
    expect(on.status, JSON.stringify(on.body)).toBe(200);

    const refused = await passwordSignIn('sam@strict.test');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/Strict Co requires single sign-on/);
    // the break-glass owner still may (and is an owner of other organizations too)
    expect((await passwordSignIn('lead@example.com')).statusCode).toBe(200);

    // a member of two organizations, one enforcing: refused, and told it is the whole account
    await addMember('hal@strict.test', 'viewer', strictId);
    await addMember('hal@strict.test', 'editor', orgId);
    const both = await passwordSignIn('hal@strict.test');
    expect(both.statusCode).toBe(403);
    expect(both.json().detail).toMatch(/whole account/);
    // single sign-on still lets them in
    idp.accounts.set('hal', { email: 'hal@strict.test', email_verified: true });
    expect((await ssoSignIn('hal@strict.test', 'hal')).session).toBeDefined();

    // while it is enforced an admin changes nothing; the owner turns it off
    expect((await asAdmin(mine({ enforce: false }))).statusCode).toBe(403);
    expect((await owner.put(url, mine({ enforce: false }))).status).toBe(200);
    expect((await passwordSignIn('sam@strict.test')).statusCode).toBe(200);
  });
});
