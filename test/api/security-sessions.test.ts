import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, PASSWORD, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { makeMember } from './security-accounts.support.js';

// Issue 16, item 6: passwords that are easy to guess are refused with the
// reason; sign-in rotates the session; "sign out everywhere".

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const set = res.headers['set-cookie'];
  const c = (Array.isArray(set) ? set : [set]).find((v) => typeof v === 'string' && v.startsWith('aims_session='));
  return String(c).split(';')[0];
}

describe.each(testDialects())('passwords and sessions (%s)', (dialect) => {
  let t: TestApp;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  it('refuses weak or control-character passwords at setup, naming the field and why', async () => {
    const fresh = await createTestApp(dialect);
    try {
      const setup = (password: string) =>
        fresh.app.inject({
          method: 'POST',
          url: '/api/v1/setup',
          payload: { email: 'ada.lovelace@example.com', password, name: 'Ada Lovelace', orgName: 'Analytical Engines' },
        });
      const cases: [string, RegExp][] = [
        ['password1234', /commonly used password/],
        ['qwertyuiopasdf', /too easy to guess/],
        ['ada.lovelace@example.com', /your own details/],
        ['short one', /at least 12 characters/],
        ['correct horse\u0000battery staple', /control characters/],
      ];
      for (const [password, why] of cases) {
        const res = await setup(password);
        expect(res.statusCode, password).toBe(400);
        expect(res.json().errors, password).toEqual([{ field: 'body.password', message: expect.stringMatching(why) }]);
      }
      expect((await setup(PASSWORD)).statusCode).toBe(201);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a weak new password when changing it', async () => {
    await makeMember(t, orgId, 'changer@example.com');
    const me = await signIn(t.app, 'changer@example.com');
    const weak = await me.put('/api/v1/account/password', { currentPassword: PASSWORD, newPassword: 'changer12345' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors).toEqual([{ field: 'body.newPassword', message: expect.stringMatching(/too easy to guess/) }]);
    const tab = await me.put('/api/v1/account/password', {
      currentPassword: PASSWORD,
      newPassword: 'correct horse\tbattery staple',
    });
    expect(tab.status).toBe(400);
    expect(tab.body.errors[0].field).toBe('body.newPassword');
    const ok = await me.put('/api/v1/account/password', { currentPassword: PASSWORD, newPassword: 'violet kettle orbit meadow' });
    expect(ok.status).toBe(200);
  });

  it('rotates the session at sign-in: the session whose cookie came with it ends', async () => {
    await makeMember(t, orgId, 'fixation@example.com');
    const planted = await signIn(t.app, 'fixation@example.com');
    // (a request carrying a live session needs its CSRF token, sign-in included)
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      headers: { cookie: planted.cookie ?? '', 'x-csrf-token': planted.csrf ?? '' },
      payload: { email: 'fixation@example.com', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const fresh = cookieOf(res);
    expect(fresh).not.toBe(planted.cookie);
    expect((await planted.get('/api/v1/session')).status).toBe(401);
    const me = new Client(t.app, fresh, res.json().csrfToken);
    expect((await me.get('/api/v1/session')).status).toBe(200);
    // the sessions page lists the live ones: only the new one
    expect((await me.get('/api/v1/account/sessions')).body.items).toHaveLength(1);
  });

  it('signs out everywhere: every session ends, this one too, API tokens stay, and it is audited', async () => {
    const userId = await makeMember(t, orgId, 'everywhere@example.com');
    const here = await signIn(t.app, 'everywhere@example.com');
    const laptop = await signIn(t.app, 'everywhere@example.com');
    const token = (await here.post('/api/v1/tokens', { name: 'script' })).body.token as string;
    // a session cannot be driven into it without its CSRF token
    expect((await new Client(t.app, here.cookie).post('/api/v1/account/sign-out-everywhere', {})).status).toBe(403);

    const res = await here.post('/api/v1/account/sign-out-everywhere', {});
    expect(res.status).toBe(200);
    expect(res.body.ended).toBe(2);
    expect(String(res.headers['set-cookie'])).toMatch(/aims_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await here.get('/api/v1/session')).status).toBe(401);
    expect((await laptop.get('/api/v1/session')).status).toBe(401);
    expect((await new Client(t.app, undefined, undefined, token).get('/api/v1/tokens')).status).toBe(200);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', userId)
      .where('action', '=', 'sign-out-everywhere')
      .execute();
    expect(audit).toEqual([{ action: 'sign-out-everywhere', actor_user_id: userId }]);
  });
});
