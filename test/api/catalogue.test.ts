import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE_VERSION, crosswalkById } from '../../src/catalogue/index.js';
import { Client, type Client as ClientType, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('catalogue API (%s)', (dialect) => {
  let t: TestApp;
  let owner: ClientType;
  let anonymous: ClientType;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
    anonymous = new Client(t.app);
  });
  afterAll(() => t.close());

  it('serves the ISO/IEC 42001 catalogue to a signed-in user', async () => {
    const res = await owner.get('/api/v1/catalogue/iso42001');
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(CATALOGUE_VERSION);
    expect(res.body.requirements).toHaveLength(70);
    expect(res.body.reviewAreas).toHaveLength(12);
    const control = res.body.requirements.find((r: { id: string }) => r.id === 'A.6.2.6');
    expect(control).toMatchObject({
      id: 'A.6.2.6',
      title: 'AI system operation and monitoring',
      kind: 'annex-a',
      group: 'A.6',
      subgroup: 'A.6.2',
      module: 'monitoring',
    });
    expect(control.questions.length).toBeGreaterThanOrEqual(2);
    expect(res.body.requirements[0]).toMatchObject({ id: '4.1', kind: 'clause', group: '4', subgroup: null });
  });

  it('serves it to an API token too', async () => {
    const token = (await owner.post('/api/v1/tokens', { name: 'catalogue reader' })).body.token;
    const res = await new Client(t.app, undefined, undefined, token).get('/api/v1/catalogue/iso42001');
    expect(res.status).toBe(200);
    expect(res.body.requirements).toHaveLength(70);
  });

  it('answers 401 problems when signed out', async () => {
    for (const url of [
      '/api/v1/catalogue/iso42001',
      '/api/v1/catalogue/crosswalks',
      '/api/v1/catalogue/crosswalks/eu-ai-act',
      '/api/v1/catalogue/crosswalks/eu-ai-act?format=csv',
    ]) {
      const res = await anonymous.get(url);
      expect(res.status, url).toBe(401);
      expect(res.headers['content-type'], url).toContain('application/problem+json');
    }
  });

  it('lists the crosswalks with their disclaimers', async () => {
    const res = await owner.get('/api/v1/catalogue/crosswalks');
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual(['iso27001-2022', 'nist-ai-rmf-1.0', 'eu-ai-act']);
    for (const c of res.body.items) {
      expect(c.disclaimer).toMatch(/^OpenAIMS's own reasoned mapping, not an official one/);
      expect(c.linkCount).toBeGreaterThan(0);
    }
  });

  it('serves one crosswalk with titled links, and the ISMS processes for ISO/IEC 27001', async () => {
    const res = await owner.get('/api/v1/catalogue/crosswalks/iso27001-2022');
    expect(res.status).toBe(200);
    expect(res.body.catalogueVersion).toBe(CATALOGUE_VERSION);
    expect(res.body.links.length).toBe(crosswalkById('iso27001-2022')?.links.length);
    expect(res.body.links.find((l: { from: string }) => l.from === '9.2.2')).toMatchObject({
      to: '9.2.2',
      fromTitle: 'Internal audit programme',
      toTitle: 'Internal audit programme',
      process: 'internal-audit',
    });
    expect(res.body.processes.map((p: { id: string }) => p.id)).toContain('risk-management');

    const nist = await owner.get('/api/v1/catalogue/crosswalks/nist-ai-rmf-1.0');
    expect(nist.status).toBe(200);
    expect(nist.body.processes).toBeUndefined();
  });

  it('downloads a crosswalk as CSV', async () => {
    const res = await owner.get('/api/v1/catalogue/crosswalks/eu-ai-act?format=csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const name = `openaims-eu-ai-act-${CATALOGUE_VERSION}.csv`;
    expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const text = res.raw.body;
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('iso42001_id,iso42001_title,target_id,target_title,rationale');
    expect(lines).toHaveLength((crosswalkById('eu-ai-act')?.links.length ?? 0) + 1);
    expect(lines).toContain(
      'A.6.2.8,AI system recording of event logs,Article 12,Record-keeping,Event logging decided per system and switched on.',
    );
    // A title with a comma is quoted.
    expect(text).toContain('"Accuracy, robustness and cybersecurity"');
  });

  it('answers 404 for an unknown crosswalk and 400 for an unknown format', async () => {
    const missing = await owner.get('/api/v1/catalogue/crosswalks/iso9001');
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toBe('Crosswalk not found.');
    const bad = await owner.get('/api/v1/catalogue/crosswalks/eu-ai-act?format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('querystring.format');
  });
});
