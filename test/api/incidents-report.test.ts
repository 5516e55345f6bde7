import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { unzipEntry } from '../support/zip.js';

// One incident as an auditor receives it: a PDF printed by Chromium and read
// back by poppler, a Word document, and the register as a workbook. The
// rendering does not depend on the database, so this runs on SQLite only.
describe('incident report and register export', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let id: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-incident-'));

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    ({ client: owner, orgId } = await setupOwner(t.app));
    const created = await owner.post(`/api/v1/orgs/${orgId}/incidents`, {
      title: 'Screening model rejected every applicant over 50',
      description: 'Found in the weekly fairness review.',
      detectedAt: new Date(Date.now() - 86_400_000).toISOString(),
      detectedHow: 'internal-review',
      severity: 'critical',
      harmCategories: ['discrimination', 'fundamental-rights'],
      peopleAffected: { count: 212, description: 'Applicants over 50' },
    });
    expect(created.status).toBe(201);
    id = created.body.id;
    const closed = await owner.patch(`/api/v1/orgs/${orgId}/incidents/${id}`, {
      communications: [
        {
          party: 'The data protection authority',
          when: new Date(Date.now() - 3_600_000).toISOString(),
          what: 'Reported under our notification duty',
          by: { name: 'Legal Team' },
        },
      ],
      containment: 'Model taken out of use',
      rootCause: 'Age proxy in the training features',
      lessonsLearned: 'Test for age proxies before release',
      status: 'closed',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the incident as a PDF with its facts, communications and timeline in words', async () => {
    const res = await owner.request('GET', `/api/v1/orgs/${orgId}/incidents/${id}/report?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'incident.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    // table cells wrap, so phrases are checked in pieces that fit one line
    for (const s of [
      'AI incident INC-001',
      'Critical',
      'Closed',
      'Discrimination or unfair treatment',
      'protection authority',
      'Age proxy in the training features',
      'Not escalated',
      'Status changed from open',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('fundamental-rights');
  });

  it('writes the incident as a Word document and the register as a workbook and CSV', async () => {
    const docx = await owner.request('GET', `/api/v1/orgs/${orgId}/incidents/${id}/report?format=docx`);
    expect(docx.status).toBe(200);
    const xml = unzipEntry(docx.raw.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('Test for age proxies before release');
    expect(xml).toContain('Communicated to The data protection authority');

    const xlsx = await owner.request('GET', `/api/v1/orgs/${orgId}/incidents/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.raw.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Incidents');
    const values = JSON.stringify(sheet?.getSheetValues());
    expect(values).toContain('INC-001');
    expect(values).toContain('Critical');

    const filtered = await owner.request('GET', `/api/v1/orgs/${orgId}/incidents/export?format=csv&status=open`);
    expect(filtered.raw.body).not.toContain('INC-001');
    const csv = await owner.request('GET', `/api/v1/orgs/${orgId}/incidents/export?format=csv&status=closed`);
    expect(csv.raw.body.split('\r\n')[1]).toMatch(/^INC-001,Screening model/);
  });
});
