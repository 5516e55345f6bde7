import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { unzipEntry } from '../support/zip.js';

// The quote request pack as files a certification body receives: a PDF
// printed by Chromium (read back by poppler) and a Word document, with the
// organization's facts and the estimate's caveat.
describe.each(testDialects())('certification body quote request files (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-quote-'));
  const url = (p: string) => `/api/v1/orgs/${orgId}/certification-bodies${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    const profile = await owner.put(`/api/v1/orgs/${orgId}/profile`, {
      legalName: 'Acme Analytics GmbH',
      country: 'DE',
      employeeCount: 40,
      sector: 'Software',
      aiRoles: ['producer'],
      sites: [{ name: 'Berlin HQ', address: 'Street 1, Berlin', country: 'DE' }],
      certifications: [{ standard: 'ISO 9001' }],
      targetMarkets: ['EU'],
    });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Loan scoring', inScope: true });
    await owner.put(url('/settings'), { desiredStage2Month: '2027-03' });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the pack as a PDF with the facts, the estimate and its caveat', async () => {
    const res = await owner.request('GET', url('/quote-request?format=pdf'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.raw.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    const file = path.join(dir, 'quote.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'quote request',
      'Acme Analytics GmbH',
      'Berlin HQ (DE)',
      'Loan scoring',
      '2027-03',
      'Planning estimate only',
    ])
      expect(text).toContain(s);
  });

  it('writes the pack as a Word document', async () => {
    const res = await owner.request('GET', url('/quote-request?format=docx'));
    expect(res.status).toBe(200);
    expect(res.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(res.raw.rawPayload, 'word/document.xml') ?? '';
    for (const s of ['Acme Analytics GmbH', 'Loan scoring', 'producer', 'Planning estimate only']) expect(xml).toContain(s);
    expect((await owner.request('GET', url('/quote-request?format=xlsx'))).status).toBe(400);
  });
});
