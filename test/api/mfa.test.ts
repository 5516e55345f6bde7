import { generate } from 'otplib';
import { uuidv7 } from 'uuidv7';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword, sha256 } from '../../src/platform/auth/secrets.js';
import { Client, createTestApp, PASSWORD, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Two-step verification through the real HTTP app: enrolment, the sign-in
// step, recovery codes, replay, the wrong-code limits, and an organization
// that requires it (cookie and token).

const ENFORCED = 'This organization requires two-step verification; set it up on your account page';

describe.each(testDialects())('two-step verification (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let passwordHash: string;

  const db = () => t.database.db;
  const nowSec = () => Math.floor(Date.now() / 1000);
  /** The code for the step `offset` steps from now (±1 is within the drift allowed). */
  const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: nowSec() + offset * 30 });
  /**
   * Each code may be used once, and only 3 steps are accepted at a time; tests
   * that need more codes than that move the account's last used step back,
   * as if the next window had come.
   */
  const nextWindow = (userId: string) =>
    db().updateTable('mfa_totp').set({ last_step: 0 }).where('user_id', '=', userId).execute();

  /** A member made directly in the database: how people join is not under test here. */
  async function member(email: string, role: 'editor' | 'viewer' = 'editor', org = orgId) {
    const id = uuidv7();
    const now = new Date().toISOString();
    await db()
      .insertInto('users')
      .values({
        id,
        email,
        name: email.split('@')[0],
        password_hash: passwordHash,
        created_at: now,
        updated_at: now,
        disabled_at: null,
      })
      .execute();
    await db()
      .insertInto('memberships')
      .values({ org_id: org, user_id: id, role, created_at: now, expires_at: null, starts_at: null })
      .execute();
    return id;
  }

  /** Enrols the signed-in client; answers the secret and the recovery codes. */
  async function enrol(c: Client) {
    const started = await c.post('/api/v1/account/mfa/totp');
    expect(started.status).toBe(201);
    const secret = started.body.secret as string;
    const confirmed = await c.post('/api/v1/account/mfa/totp/confirm', { code: await codeAt(secret) });
    expect(confirmed.status).toBe(200);
    await nextWindow((await c.get('/api/v1/session')).body.user.id);
    return { secret, recoveryCodes: confirmed.body.recoveryCodes as string[] };
  }

  async function passwordStep(email: string) {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { email, password: PASSWORD } });
    return { status: res.statusCode, body: res.json(), cookie: res.headers['set-cookie'] };
  }

  async function codeStep(challenge: string, proof: { code?: string; recoveryCode?: string }, sentWith?: Client) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session/mfa',
      payload: { challenge, ...proof },
      ...(sentWith?.cookie ? { headers: { cookie: sentWith.cookie, 'x-csrf-token': sentWith.csrf ?? '' } } : {}),
    });
    const set = [res.headers['set-cookie']].flat().find((v) => typeof v === 'string' && v.startsWith('aims_session='));
    return {
      status: res.statusCode,
      body: res.json(),
      headers: res.headers,
      client: set ? new Client(t.app, String(set).split(';')[0], res.json().csrfToken) : null,
    };
  }

  async function signInWithCode(email: string, secret: string, offset = 0) {
    const first = await passwordStep(email);
    expect(first.status).toBe(202);
    const done = await codeStep(first.body.challenge, { code: await codeAt(secret, offset) });
    expect(done.status).toBe(200);
    return done.client as Client;
  }

  const failedAttempts = async (email: string) =>
    Number(
      (
        await db()
          .selectFrom('sign_in_attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('email', '=', email)
          .where('succeeded', '=', 0)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    passwordHash = await hashPassword(PASSWORD);
  });
  afterAll(() => t.close());

  it('enrols with a first code; recovery codes are shown once and stored hashed; the secret is never shown again', async () => {
    const id = await member('enrol@example.com');
    const c = await signIn(t.app, 'enrol@example.com');
    expect((await c.get('/api/v1/account/mfa')).body).toMatchObject({ enabled: false, pending: false });

    const started = await c.post('/api/v1/account/mfa/totp');
    expect(started.status).toBe(201);
    expect(started.body.otpauthUri).toBe(
      `otpauth://totp/OpenAIMS:enrol%40example.com?secret=${started.body.secret}&issuer=OpenAIMS`,
    );
    expect((await c.get('/api/v1/account/mfa')).body).toMatchObject({ enabled: false, pending: true });

    const wrong = await c.post('/api/v1/account/mfa/totp/confirm', { code: '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.code' })]);
    expect((await c.post('/api/v1/account/mfa/totp/confirm', { code: '12ab56' })).status).toBe(400);

    const ok = await c.post('/api/v1/account/mfa/totp/confirm', { code: await codeAt(started.body.secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toHaveLength(10);
    expect(new Set(ok.body.recoveryCodes).size).toBe(10);

    const status = await c.get('/api/v1/account/mfa');
    expect(status.body).toMatchObject({ enabled: true, pending: false, recoveryCodesLeft: 10, sessionVerified: true });
    expect(JSON.stringify(status.body)).not.toContain(started.body.secret);
    // A second enrolment would overwrite the working one: refused until it is turned off.
    expect((await c.post('/api/v1/account/mfa/totp')).status).toBe(409);

    const stored = await db().selectFrom('mfa_recovery_codes').select('code_hash').where('user_id', '=', id).execute();
    expect(stored).toHaveLength(10);
    for (const code of ok.body.recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'mfa')
      .where('entity_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['enrol-start', 'enable']);
  });

  it('sign-in asks for the code: 202 with a challenge and no session; a wrong code is 401 and counts', async () => {
    await member('signin@example.com');
    await member('plain-owner@example.com');
    const { secret } = await enrol(await signIn(t.app, 'signin@example.com'));

    const first = await passwordStep('signin@example.com');
    expect(first.status).toBe(202);
    expect(first.body).toEqual({ mfaRequired: true, challenge: expect.any(String) });
    expect(first.cookie).toBeUndefined();
    // Stored hashed: the database does not hold a usable challenge.
    const row = await db()
      .selectFrom('mfa_challenges')
      .select('id')
      .where('id', '=', sha256(first.body.challenge))
      .executeTakeFirst();
    expect(row).toBeDefined();
    expect((await db().selectFrom('mfa_challenges').select('id').where('id', '=', first.body.challenge).execute()).length).toBe(
      0,
    );

    const before = await failedAttempts('signin@example.com');
    const wrong = await codeStep(first.body.challenge, { code: '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.client).toBeNull();
    expect(await failedAttempts('signin@example.com')).toBe(before + 1);
    expect(
      await db()
        .selectFrom('mfa_totp')
        .select('failures')
        .where('user_id', '=', await userId('signin@example.com'))
        .executeTakeFirst(),
    ).toEqual({ failures: 1 });

    // A session cookie sent along with the code (planted, or an old one) ends: the sign-in gets a fresh one.
    const planted = await signIn(t.app, 'plain-owner@example.com');
    const ok = await codeStep(first.body.challenge, { code: await codeAt(secret) }, planted);
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe('signin@example.com');
    expect((await planted.get('/api/v1/session')).status).toBe(401);
    expect((await (ok.client as Client).get('/api/v1/account/mfa')).body.sessionVerified).toBe(true);
    // The challenge is single use.
    expect((await codeStep(first.body.challenge, { code: await codeAt(secret, 1) })).status).toBe(401);
    // Bad input names the field.
    const neither = await codeStep(first.body.challenge, {});
    expect(neither.status).toBe(400);
    expect(neither.body.errors).toEqual([expect.objectContaining({ field: 'body.code' })]);
  });

  it('refuses a code used before within its window (replay), even with a fresh challenge', async () => {
    await member('replay@example.com');
    const { secret } = await enrol(await signIn(t.app, 'replay@example.com'));
    const code = await codeAt(secret, 0);
    const first = await passwordStep('replay@example.com');
    expect((await codeStep(first.body.challenge, { code })).status).toBe(200);
    const second = await passwordStep('replay@example.com');
    expect((await codeStep(second.body.challenge, { code })).status).toBe(401);
    // An older step than the one used is a replay too.
    expect((await codeStep(second.body.challenge, { code: await codeAt(secret, -1) })).status).toBe(401);
    expect((await codeStep(second.body.challenge, { code: await codeAt(secret, 1) })).status).toBe(200);
  });

  it('a recovery code signs in once; new recovery codes need a code and void the old ones', async () => {
    const id = await member('recover@example.com');
    const c = await signIn(t.app, 'recover@example.com');
    const { secret, recoveryCodes } = await enrol(c);

    const first = await passwordStep('recover@example.com');
    // Case, spaces and hyphens do not matter.
    const typed = recoveryCodes[0].toUpperCase().replace(/-/g, ' ');
    const used = await codeStep(first.body.challenge, { recoveryCode: typed });
    expect(used.status).toBe(200);
    const again = await passwordStep('recover@example.com');
    expect((await codeStep(again.body.challenge, { recoveryCode: recoveryCodes[0] })).status).toBe(401);
    expect((await (used.client as Client).get('/api/v1/account/mfa')).body.recoveryCodesLeft).toBe(9);

    expect((await c.post('/api/v1/account/mfa/recovery-codes', { code: '000000' })).status).toBe(400);
    const fresh = await c.post('/api/v1/account/mfa/recovery-codes', { code: await codeAt(secret, 0) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    await nextWindow(id);
    const old = await passwordStep('recover@example.com');
    expect((await codeStep(old.body.challenge, { recoveryCode: recoveryCodes[1] })).status).toBe(401);
    expect((await codeStep(old.body.challenge, { recoveryCode: fresh.body.recoveryCodes[0] })).status).toBe(200);
  });

  it('spends a challenge after 5 wrong codes, and stops taking codes after 10 wrong ones whatever the password', async () => {
    const id = await member('guess@example.com');
    const { secret } = await enrol(await signIn(t.app, 'guess@example.com'));
    const first = await passwordStep('guess@example.com');
    for (let i = 0; i < 5; i++) expect((await codeStep(first.body.challenge, { code: '000000' })).status).toBe(401);
    expect((await codeStep(first.body.challenge, { code: await codeAt(secret) })).status).toBe(401);
    expect(await db().selectFrom('mfa_totp').select('failures').where('user_id', '=', id).executeTakeFirst()).toEqual({
      failures: 5,
    });

    // Ten wrong codes in the window lock the codes, even after a right password.
    await db().updateTable('mfa_totp').set({ failures: 10 }).where('user_id', '=', id).execute();
    await db().deleteFrom('sign_in_attempts').where('email', '=', 'guess@example.com').execute();
    const next = await passwordStep('guess@example.com');
    expect(next.status).toBe(202);
    const locked = await codeStep(next.body.challenge, { code: await codeAt(secret) });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
  });

  it('turns off only with the password and a code, and then sign-in needs no code', async () => {
    const id = await member('off@example.com');
    const c = await signIn(t.app, 'off@example.com');
    const { secret } = await enrol(c);
    const badPassword = await c.request('DELETE', '/api/v1/account/mfa', {
      password: 'not my password',
      code: await codeAt(secret),
    });
    expect(badPassword.status).toBe(400);
    expect(badPassword.body.errors).toEqual([expect.objectContaining({ field: 'body.password' })]);
    expect((await c.request('DELETE', '/api/v1/account/mfa', { password: PASSWORD })).status).toBe(400);
    expect((await c.request('DELETE', '/api/v1/account/mfa', { password: PASSWORD, code: '000000' })).status).toBe(400);
    expect((await c.request('DELETE', '/api/v1/account/mfa', { password: PASSWORD, code: await codeAt(secret, 1) })).status).toBe(
      204,
    );
    expect((await c.get('/api/v1/account/mfa')).body).toMatchObject({ enabled: false, sessionVerified: false });
    expect((await passwordStep('off@example.com')).status).toBe(200);
    const audit = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'mfa')
      .where('entity_id', '=', id)
      .execute();
    expect(audit.map((a) => a.action)).toContain('disable');
  });

  it('an organization that requires it refuses sessions and tokens without it, and keeps the account pages open', async () => {
    // The owner cannot require it without having it, nor lock themselves out.
    const refused = await owner.put(`/api/v1/orgs/${orgId}/mfa-policy`, { required: true });
    expect(refused.status).toBe(409);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'body.required' })]);
    const ownerFactor = await enrol(owner);

    const id = await member('enforced@example.com');
    const plain = await signIn(t.app, 'enforced@example.com');
    const oldToken = (await plain.post('/api/v1/tokens', { name: 'before enrolment' })).body.token as string;
    const outsiderOrg = await setupOther();

    const on = await owner.put(`/api/v1/orgs/${orgId}/mfa-policy`, { required: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ required: true });
    const audit = await db()
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_type', '=', 'mfa_policy')
      .execute();
    expect(audit).toHaveLength(1);
    expect((await owner.get(`/api/v1/orgs/${orgId}/members`)).status).toBe(200);

    // Without it: 403 with cookie and with token; the account routes answer.
    const byCookie = await plain.get(`/api/v1/orgs/${orgId}/suppliers`);
    expect(byCookie.status).toBe(403);
    expect(byCookie.body.detail).toBe(ENFORCED);
    expect((await new Client(t.app, undefined, undefined, oldToken).get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(403);
    expect((await plain.get('/api/v1/account/mfa')).body.requiredBy).toEqual([{ id: orgId, name: 'Acme AI' }]);
    // An outsider still learns nothing: 404, not 403.
    expect((await outsiderOrg.get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(404);

    // Enrolling from this session verifies it; the token made before stays refused.
    const { secret } = await enrol(plain);
    expect((await plain.get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(200);
    expect((await new Client(t.app, undefined, undefined, oldToken).get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(403);
    const newToken = (await plain.post('/api/v1/tokens', { name: 'after enrolment' })).body.token as string;
    expect((await new Client(t.app, undefined, undefined, newToken).get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(200);

    // A session signed in with the code is fine; one started before enrolment is not.
    const withCode = await signInWithCode('enforced@example.com', secret, 0);
    expect((await withCode.get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(200);

    // Turning it off is refused while the organization requires it.
    await nextWindow(id);
    const off = await plain.request('DELETE', '/api/v1/account/mfa', { password: PASSWORD, code: await codeAt(secret, 0) });
    expect(off.status).toBe(409);

    // The owner turns the policy off again (audited); the old token works again.
    expect((await owner.put(`/api/v1/orgs/${orgId}/mfa-policy`, { required: false })).status).toBe(200);
    expect((await new Client(t.app, undefined, undefined, oldToken).get(`/api/v1/orgs/${orgId}/suppliers`)).status).toBe(200);
    expect((await plain.get(`/api/v1/orgs/${orgId}/mfa-policy`)).body).toEqual({ required: false });
    expect(ownerFactor.recoveryCodes).toHaveLength(10);
  });

  it('a token made by a session without the mark is refused, even after its owner enrols elsewhere', async () => {
    const { client: admin, orgId: org2 } = await setupOtherWithOrg('strict@example.com', 'Strict Org');
    const adminFactor = await enrol(admin);
    const id = await member('late@example.com', 'viewer', org2);
    const before = await signIn(t.app, 'late@example.com');
    const other = await signIn(t.app, 'late@example.com');
    await enrol(other);
    // `before` was signed in without the code: neither it nor its tokens carry the mark.
    const token = (await before.post('/api/v1/tokens', { name: 'unverified' })).body.token as string;
    expect((await admin.put(`/api/v1/orgs/${org2}/mfa-policy`, { required: true })).status).toBe(200);
    expect((await before.get(`/api/v1/orgs/${org2}/suppliers`)).status).toBe(403);
    expect((await new Client(t.app, undefined, undefined, token).get(`/api/v1/orgs/${org2}/suppliers`)).status).toBe(403);
    expect((await other.get(`/api/v1/orgs/${org2}/suppliers`)).status).toBe(200);
    // A viewer cannot change the policy.
    expect((await other.put(`/api/v1/orgs/${org2}/mfa-policy`, { required: false })).status).toBe(403);
    expect(adminFactor.secret).toBeTruthy();
    expect(id).toBeTruthy();
  });

  it.runIf(dialect === 'postgres')('accepts one code once when two app nodes get it at the same moment', async () => {
    await member('twonodes@example.com');
    const { secret } = await enrol(await signIn(t.app, 'twonodes@example.com'));
    const second = await startSecondNode(t);
    try {
      const a = await passwordStep('twonodes@example.com');
      const b = await passwordStep('twonodes@example.com');
      const code = await codeAt(secret);
      const [r1, r2] = await Promise.all([
        t.app.inject({ method: 'POST', url: '/api/v1/session/mfa', payload: { challenge: a.body.challenge, code } }),
        second.app.inject({ method: 'POST', url: '/api/v1/session/mfa', payload: { challenge: b.body.challenge, code } }),
      ]);
      expect([r1.statusCode, r2.statusCode].sort()).toEqual([200, 401]);
    } finally {
      await second.close();
    }
  });

  async function userId(email: string) {
    return (await db().selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  }

  /** An account in an organization of its own, signed in. */
  async function setupOther() {
    return (await setupOtherWithOrg(`outsider-${uuidv7()}@example.com`, 'Other Org')).client;
  }

  async function setupOtherWithOrg(email: string, orgName: string) {
    const id = uuidv7();
    const now = new Date().toISOString();
    await db()
      .insertInto('users')
      .values({ id, email, name: 'Other', password_hash: passwordHash, created_at: now, updated_at: now, disabled_at: null })
      .execute();
    const client = await signIn(t.app, email);
    const created = await client.post('/api/v1/orgs', { name: orgName });
    expect(created.status).toBe(201);
    return { client, orgId: created.body.id as string };
  }
});
