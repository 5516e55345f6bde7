import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestApp, PASSWORD, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('accounts and sessions (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('offers setup once, and only once', async () => {
    const anon = new Client(t.app);
    expect((await anon.get('/api/v1/setup')).body).toEqual({ needed: true });
    // Nothing but setup works before it: no default account exists.
    expect((await anon.get('/api/v1/orgs')).status).toBe(401);
    ({ client: owner, orgId } = await setupOwner(t.app));
    expect((await anon.get('/api/v1/setup')).body).toEqual({ needed: false });
    const again = await anon.post('/api/v1/setup', { email: 'x@example.com', password: PASSWORD, name: 'X', orgName: 'Y' });
    expect(again.status).toBe(409);
    const users = await t.database.db.selectFrom('users').select('email').execute();
    expect(users.map((u) => u.email)).toEqual(['lead@example.com']);
  });

  it('stores passwords as argon2id hashes only', async () => {
    const row = await t.database.db.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    expect(row.password_hash).not.toContain(PASSWORD);
  });

  it('signs in with an HttpOnly SameSite cookie and signs out', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { email: 'LEAD@example.com', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const c = await signIn(t.app, 'lead@example.com');
    const me = await c.get('/api/v1/session');
    expect(me.body.user.email).toBe('lead@example.com');
    expect(me.body.organizations).toEqual([expect.objectContaining({ id: orgId, role: 'owner' })]);
    expect((await c.delete('/api/v1/session')).status).toBe(204);
    expect((await c.get('/api/v1/session')).status).toBe(401);
  });

  it('rejects a wrong password without saying which part was wrong', async () => {
    const bad = await new Client(t.app).post('/api/v1/session', { email: 'lead@example.com', password: 'wrong password!!' });
    expect(bad.status).toBe(401);
    const unknown = await new Client(t.app).post('/api/v1/session', {
      email: 'nobody@example.com',
      password: 'wrong password!!',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.detail).toBe(bad.body.detail);
  });

  it('rate-limits failed sign-ins per email', async () => {
    const anon = new Client(t.app);
    const email = 'target@example.com';
    for (let i = 0; i < 5; i++)
      expect((await anon.post('/api/v1/session', { email, password: `guess number ${i}` })).status).toBe(401);
    const blocked = await anon.post('/api/v1/session', { email, password: 'guess number 6' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Another account is not locked out by it.
    expect((await anon.post('/api/v1/session', { email: 'lead@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('requires the CSRF token for unsafe requests made with a session', async () => {
    const noCsrf = new Client(t.app, owner.cookie);
    const res = await noCsrf.post('/api/v1/orgs', { name: 'Sneaky Org' });
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    const wrong = new Client(t.app, owner.cookie, 'not-the-token');
    expect((await wrong.post('/api/v1/orgs', { name: 'Sneaky Org' })).status).toBe(403);
    const orgs = await t.database.db.selectFrom('organizations').select('name').execute();
    expect(orgs.map((o) => o.name)).not.toContain('Sneaky Org');
    expect((await owner.post('/api/v1/orgs', { name: 'Second Org' })).status).toBe(201);
  });

  it('issues API tokens shown once, stored hashed, usable as Bearer, revocable', async () => {
    const created = await owner.post('/api/v1/tokens', { name: 'ci script' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^aims_/);
    const stored = await t.database.db
      .selectFrom('api_tokens')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toBe(token);
    expect(JSON.stringify(stored)).not.toContain(token);
    const list = await owner.get('/api/v1/tokens');
    expect(JSON.stringify(list.body)).not.toContain(token);

    const script = new Client(t.app, undefined, undefined, token);
    expect((await script.get(`/api/v1/orgs/${orgId}/profile`)).status).toBe(200);
    // Bearer requests are not CSRF-prone: no cookie rides along.
    expect(
      (
        await script.put(`/api/v1/orgs/${orgId}/scope/draft`, {
          content: (await owner.get(`/api/v1/orgs/${orgId}/scope`)).body.draft?.content ?? emptyContent(),
        })
      ).status,
    ).toBe(200);

    expect((await owner.delete(`/api/v1/tokens/${created.body.id}`)).status).toBe(204);
    expect((await script.get(`/api/v1/orgs/${orgId}/profile`)).status).toBe(401);
    expect((await new Client(t.app, undefined, undefined, 'aims_forged').get('/api/v1/orgs')).status).toBe(401);
  });
});
