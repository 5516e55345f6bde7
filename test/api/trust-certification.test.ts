import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The timeline and the answers read the certification modules: a Stage 1 in
// the diary replaces the forecast, and a published certificate is what
// "How can your certificate be verified?" and the trust page point to.
describe.each(testDialects())('buyer readiness with certification audits and a certificate (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const today = todayUtc();
  const api = (p: string) => `/api/v1/orgs/${orgId}/${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('shows a planned Stage 1 instead of the forecast, and forecasts Stage 2 at least four weeks after it', async () => {
    const forecast = (await owner.get(api('certification-timeline'))).body.forecast;
    expect(forecast.stage1.source).toBe('forecast');
    const start = addDays(today, 30);
    const a = await owner.post(api('certification-audits'), {
      type: 'stage-1',
      plannedStart: start,
      plannedEnd: addDays(start, 1),
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    const planned = (await owner.get(api('certification-timeline'))).body.forecast;
    expect(planned.stage1).toEqual({ date: start, source: 'planned', audit: a.body.number });
    expect(planned.stage2.source).toBe('forecast');
    expect(planned.stage2.date >= addDays(start, 28)).toBe(true);
  });

  it('points buyers to a published certificate: issuing body, verification link, and the trust page', async () => {
    expect((await owner.get(api('buyer-answers'))).body.items[6].answer).toMatch(/not certified/);
    const s2 = await owner.post(api('certification-audits'), {
      type: 'stage-2',
      plannedStart: addDays(today, -20),
      plannedEnd: addDays(today, -18),
      actualStart: addDays(today, -20),
      actualEnd: addDays(today, -18),
      status: 'completed',
      outcome: 'recommended-after-corrections',
    });
    expect(s2.status, JSON.stringify(s2.body)).toBe(201);
    const d = await owner.post(api('certification-decisions'), {
      auditId: s2.body.id,
      outcome: 'granted',
      decidedOn: today,
      decidedBy: 'Dr. Body, certification manager',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const cert = await owner.post(api('certificates'), {
      decisionId: d.body.id,
      organizationName: 'Acme AI GmbH',
      standard: 'ISO/IEC 42001:2023',
      scopeStatement: 'Design and operation of AI support tools',
      scopeVersion: null,
      sites: [{ name: 'Berlin HQ', country: 'DE' }],
      certificateNumber: `AIMS-${dialect}-77`,
      issueDate: today,
      expiryDate: addDays(today, 1000),
      issuingBody: { name: 'Example Cert GmbH' },
      accreditation: { body: 'DAkkS', number: 'D-ZM-1234', iafMlaSignatory: 'yes' },
      verificationRoute: 'https://cert.example/verify',
      iafCertSearchListed: true,
    });
    expect(cert.status, JSON.stringify(cert.body)).toBe(201);
    // recorded but not published: still nothing to verify publicly
    expect((await owner.get(api('buyer-answers'))).body.items[6].answer).toMatch(/not certified/);
    expect((await owner.post(api(`certificates/${cert.body.id}/publish`))).status).toBe(200);

    const answer = (await owner.get(api('buyer-answers'))).body.items[6];
    expect(answer.answer).toContain(`AIMS-${dialect}-77`);
    expect(answer.answer).toContain('Example Cert GmbH');
    expect(answer.links[0]).toEqual({ label: 'Verification page', href: `/verify/AIMS-${dialect}-77` });

    const slug = `acme-cert-${dialect}`;
    expect((await owner.post(api('trust-page/publish'), { slug })).status).toBe(200);
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/v1/public/trust/${slug}`,
      headers: { 'x-forwarded-for': '203.0.113.50' },
    });
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json().certificate).toEqual({
      certificateNumber: `AIMS-${dialect}-77`,
      issuingBody: 'Example Cert GmbH',
      status: 'valid',
      verifyPath: `/verify/AIMS-${dialect}-77`,
    });
    expect(page.json().answers[6].answer).toContain('Example Cert GmbH');
  });
});
