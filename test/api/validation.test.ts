import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('bad input (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const auditRows = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
  });
  afterAll(() => t.close());

  async function expectRejected(
    res: { status: number; headers: Record<string, unknown>; body: { errors?: { field: string }[] } },
    status: number,
    field?: string,
  ) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    if (field) expect(res.body.errors?.map((e) => e.field)).toContain(field);
  }

  it('names each bad field and writes nothing', async () => {
    const before = await auditRows();
    const url = `/api/v1/orgs/${orgId}/profile`;
    const base = {
      legalName: null,
      country: null,
      employeeCount: null,
      sector: null,
      aiRoles: [],
      sites: [],
      certifications: [],
      targetMarkets: [],
    };
    await expectRejected(await owner.put(url, { ...base, employeeCount: 'sixty' }), 400, 'body.employeeCount');
    await expectRejected(await owner.put(url, { ...base, country: 'Germany' }), 400, 'body.country');
    await expectRejected(await owner.put(url, { ...base, aiRoles: ['provider', 'overlord'] }), 400, 'body.aiRoles.1');
    await expectRejected(await owner.put(url, { ...base, unknownField: 1 }), 400);
    await expectRejected(
      await owner.put(url, { ...base, sites: [{ name: 'HQ', address: '', country: 'DE' }] }),
      400,
      'body.sites.0.address',
    );
    await expectRejected(
      await owner.put(url, { ...base, certifications: [{ standard: 'other' }] }),
      400,
      'body.certifications.0.name',
    );
    await expectRejected(
      await owner.put(url, { ...base, certifications: [{ standard: 'ISO 9001', expiresOn: '2026-02-30' }] }),
      400,
      'body.certifications.0.expiresOn',
    );
    await expectRejected(await owner.put(url, { ...base, legalName: 'Acme\u0000Evil' }), 400, 'body.legalName');
    await expectRejected(
      await owner.post(`/api/v1/orgs/${orgId}/members`, { email: 'not-an-email', role: 'viewer' }),
      400,
      'body.email',
    );
    await expectRejected(
      await owner.post(`/api/v1/orgs/${orgId}/members`, { email: 'a@example.com', role: 'superuser' }),
      400,
      'body.role',
    );
    await expectRejected(
      await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), siteIds: ['x'] } }),
      400,
      'body.content.siteIds.0',
    );
    await expectRejected(await owner.get(`/api/v1/orgs/not-a-uuid/scope`), 400, 'params.orgId');
    expect(await auditRows()).toBe(before);
  });

  it('rejects an unknown field in the profile by name', async () => {
    const res = await owner.put(`/api/v1/orgs/${orgId}/profile`, {
      legalName: null,
      country: null,
      employeeCount: null,
      sector: null,
      aiRoles: [],
      sites: [],
      certifications: [],
      targetMarkets: [],
      colour: 'red',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toContain('colour');
  });

  it('answers malformed JSON and oversize bodies with problems, then keeps serving', async () => {
    const before = await auditRows();
    const malformed = await owner.request('PUT', `/api/v1/orgs/${orgId}/scope/draft`, '{"content": {', {
      'content-type': 'application/json',
    });
    await expectRejected(malformed, 400, 'body');
    const big = JSON.stringify({ content: { ...emptyContent(), boundaryStatement: 'x'.repeat(2 * 1024 * 1024) } });
    const oversize = await owner.request('PUT', `/api/v1/orgs/${orgId}/scope/draft`, big, { 'content-type': 'application/json' });
    await expectRejected(oversize, 413, 'body');
    expect(await auditRows()).toBe(before);
    expect((await t.app.inject('/api/health')).statusCode).toBe(200);
  });

  it('refuses a duplicate slug', async () => {
    expect((await owner.post('/api/v1/orgs', { name: 'Beta', slug: 'beta-co' })).status).toBe(201);
    await expectRejected(await owner.post('/api/v1/orgs', { name: 'Beta again', slug: 'beta-co' }), 409, 'body.slug');
    await expectRejected(await owner.post('/api/v1/orgs', { name: 'Bad slug', slug: 'Beta Co!' }), 400, 'body.slug');
  });

  it('stores SQL metacharacters as plain text', async () => {
    const evil = 'Robert\'); DROP TABLE users; -- " OR 1=1';
    const res = await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, { content: { ...emptyContent(), boundaryStatement: evil } });
    expect(res.status).toBe(200);
    expect((await owner.get(`/api/v1/orgs/${orgId}/scope`)).body.draft.content.boundaryStatement).toBe(evil);
    expect((await t.database.db.selectFrom('users').select('id').execute()).length).toBe(1);
  });

  it('sends security headers and problem+json for unknown API routes', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    const h = await t.app.inject('/api/health');
    expect(h.headers['x-content-type-options']).toBe('nosniff');
    expect(h.headers['content-security-policy']).toContain("default-src 'self'");
    expect(h.headers['x-frame-options']).toBeDefined();
  });
});
