import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PUBLIC_LOOKUPS_PER_WINDOW } from '../../src/modules/certificates/certificates.public.js';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { Client, createTestApp, setupOwner, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The public verification of a published certificate: no sign-in, only the
// certificate's own fields (no ids of any kind), the same 404 for unknown and
// unpublished numbers, and a limit per client address.

describe.each(testDialects())('public certificate verification (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let ip = 0;
  const today = todayUtc();
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  /** signed out, from an address of its own so tests do not share the limit */
  const lookup = (n: string, from = `203.0.113.${ip}`) =>
    t.app.inject({
      method: 'GET',
      url: `/api/v1/public/certificates/${encodeURIComponent(n)}`,
      remoteAddress: from,
    });

  async function publishedCertificate(number: string, extra: Record<string, unknown> = {}) {
    const s2 = await owner.post(org('/certification-audits'), {
      type: 'stage-2',
      plannedStart: addDays(today, -30),
      plannedEnd: addDays(today, -29),
      actualStart: addDays(today, -30),
      actualEnd: addDays(today, -29),
      status: 'completed',
      outcome: 'recommended',
    });
    const d = await owner.post(org('/certification-decisions'), {
      auditId: s2.body.id,
      outcome: 'granted',
      decidedOn: addDays(today, -20),
      decidedBy: 'Certification committee',
    });
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    const c = await owner.post(org('/certificates'), {
      decisionId: d.body.id,
      organizationName: 'Acme AI GmbH',
      standard: 'ISO/IEC 42001:2023',
      scopeStatement: 'Design and operation of AI hiring tools',
      scopeVersion: 3,
      sites: [{ name: 'Berlin HQ', country: 'DE' }],
      certificateNumber: number,
      issueDate: addDays(today, -20),
      expiryDate: d.body.cycle.expiry,
      issuingBody: { name: 'Example Cert GmbH' },
      accreditation: { body: 'DAkkS', number: 'D-ZM-1234', iafMlaSignatory: 'yes' },
      verificationRoute: 'https://cert.example/verify',
      iafCertSearchListed: true,
      ...extra,
    });
    expect(c.status, JSON.stringify(c.body)).toBe(201);
    expect((await owner.post(org(`/certificates/${c.body.id}/publish`))).status).toBe(200);
    return { certificate: c.body, decision: d.body };
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    ip++;
    const r = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    orgId = r.body.id;
  });
  afterAll(() => t.close());

  it('shows a published certificate field by field, signed out, with no internal ids', async () => {
    const { decision } = await publishedCertificate('AIMS-PUB-1');
    const sv = await owner.post(org('/certification-audits'), {
      type: 'surveillance',
      surveillanceNumber: 1,
      plannedStart: addDays(today, -6),
      plannedEnd: addDays(today, -5),
      actualStart: addDays(today, -6),
      actualEnd: addDays(today, -5),
      status: 'completed',
      outcome: 'recommended',
    });
    expect(sv.status, JSON.stringify(sv.body)).toBe(201);
    const r = await lookup('aims-pub-1');
    expect(r.statusCode, r.body).toBe(200);
    expect(r.headers['set-cookie']).toBeUndefined();
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'accreditation',
        'certificateNumber',
        'expiryDate',
        'issueDate',
        'issuingBody',
        'lastSurveillanceAudit',
        'organizationName',
        'scopeStatement',
        'sites',
        'standard',
        'status',
        'statusChangedOn',
        'verification',
      ].sort(),
    );
    expect(body).toEqual({
      certificateNumber: 'AIMS-PUB-1',
      organizationName: 'Acme AI GmbH',
      standard: 'ISO/IEC 42001:2023',
      scopeStatement: 'Design and operation of AI hiring tools',
      sites: [{ name: 'Berlin HQ', country: 'DE' }],
      issueDate: addDays(today, -20),
      expiryDate: decision.cycle.expiry,
      status: 'valid',
      statusChangedOn: null,
      issuingBody: 'Example Cert GmbH',
      accreditation: { body: 'DAkkS', number: 'D-ZM-1234', iafMlaSignatory: 'yes' },
      lastSurveillanceAudit: addDays(today, -5),
      verification: {
        issuingBody: 'https://cert.example/verify',
        iafCertSearch: 'https://www.iafcertsearch.org',
        iafCertSearchListed: true,
        notice: expect.stringContaining('issuing certification body is the authority'),
      },
    });
    // nothing that looks like an id of the organization, its users or its records
    const text = r.body;
    for (const id of [orgId, decision.id, decision.audit.id]) expect(text).not.toContain(id);
    expect(text).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
  });

  it('answers unknown and unpublished numbers with the same 404; IAF CertSearch only under the MLA; expired shown', async () => {
    const { certificate } = await publishedCertificate('AIMS-PUB-2', {
      accreditation: { body: '', number: '', iafMlaSignatory: 'unknown' },
    });
    const shown = (await lookup('AIMS-PUB-2')).json();
    expect(shown.verification.iafCertSearch).toBeNull();
    expect((await owner.post(org(`/certificates/${certificate.id}/unpublish`))).status).toBe(200);
    const unpublished = await lookup('AIMS-PUB-2');
    const unknown = await lookup('AIMS-NOPE-9');
    expect(unpublished.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(unpublished.body).toBe(unknown.body);
    expect(unpublished.headers['content-type']).toBe(unknown.headers['content-type']);

    const old = await publishedCertificate('AIMS-OLD-3', { issueDate: '2020-01-01', expiryDate: '2023-01-01' });
    expect(old.certificate.status).toBe('expired');
    expect((await lookup('AIMS-OLD-3')).json().status).toBe('expired');
  });

  it('limits lookups per client address with 429 and Retry-After; other addresses go on', async () => {
    await publishedCertificate('AIMS-PUB-4');
    const from = `198.51.100.${ip}`;
    for (let i = 0; i < PUBLIC_LOOKUPS_PER_WINDOW; i++) expect((await lookup('AIMS-PUB-4', from)).statusCode).toBe(200);
    const limited = await lookup('AIMS-PUB-4', from);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
    // unknown numbers count too: guessing is limited the same way
    expect((await lookup('AIMS-NOPE', from)).statusCode).toBe(429);
    expect((await lookup('AIMS-PUB-4', `192.0.2.${ip}`)).statusCode).toBe(200);
  });

  it('publishes one of two certificates with the same number when two app processes race', async () => {
    const a = await publishedCertificate('RACE-A');
    const unpublish = await owner.post(org(`/certificates/${a.certificate.id}/unpublish`));
    expect(unpublish.status).toBe(200);
    const first = orgId;
    const other = await owner.post('/api/v1/orgs', { name: `Race ${dialect}` });
    orgId = other.body.id;
    const b = await publishedCertificate('race-a');
    await owner.post(org(`/certificates/${b.certificate.id}/unpublish`));
    const second = dialect === 'postgres' ? await startSecondNode(t) : null;
    try {
      const client2 = second ? new Client(second.app, owner.cookie, owner.csrf) : owner;
      const results = await Promise.all([
        owner.post(`/api/v1/orgs/${first}/certificates/${a.certificate.id}/publish`),
        client2.post(`/api/v1/orgs/${orgId}/certificates/${b.certificate.id}/publish`),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const published = await t.database.db
        .selectFrom('certificates')
        .select('id')
        .where('certificate_number_key', '=', 'race-a')
        .where('published', '=', 1)
        .execute();
      expect(published).toHaveLength(1);
    } finally {
      await second?.close();
    }
  });

  it('is documented as public in the OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const op = spec.paths['/api/v1/public/certificates/{certificateNumber}'].get;
    expect(op.security).toEqual([]);
    expect(op['x-permission']).toBeUndefined();
    expect(dialect).toBeTruthy();
  });
});
