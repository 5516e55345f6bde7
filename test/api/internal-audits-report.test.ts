import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { unzipEntry } from '../support/zip.js';

// The internal audit report as an auditor hands it over: a PDF printed by
// Chromium and read back by poppler, and a Word document. Rendering does not
// depend on the database, so this runs on SQLite only.
describe('internal audit report', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let id: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-audit-'));
  const url = (p = '') => `/api/v1/orgs/${orgId}/internal-audits${p}`;

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    ({ client: owner, orgId } = await setupOwner(t.app));
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Claims triage model', inScope: true });
    const created = await owner.post(url(), {
      title: 'Spring AIMS audit',
      scope: 'Risk management and operation of the claims models',
      requirementIds: ['6.1.2'],
      plannedStart: '2026-03-02',
      plannedEnd: '2026-03-04',
      auditors: [{ name: 'Olga Outside', lead: true }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    id = created.body.id;
    expect((await owner.post(url(`/${id}/start`), {})).status).toBe(200);
    const items = (await owner.get(url(`/${id}/items`))).body.items as { id: string; key: string }[];
    const risk = items.find((i) => i.key === '6.1.2')!;
    await owner.patch(url(`/${id}/items/${risk.id}`), { result: 'nonconformity', notes: 'Risk criteria never approved' });
    const raised = await owner.post(url(`/${id}/items/${risk.id}/nonconformity`), { grade: 'minor' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    await owner.patch(url(`/${id}/items/${items[0].id}`), { result: 'opportunity', notes: 'Scope note could name the regions' });
    const reported = await owner.post(url(`/${id}/report`), { conclusions: 'The AIMS works except for risk criteria.' });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the report as a PDF: scope, criteria, auditors, independence, items with facts and results in words, conclusions', async () => {
    const res = await owner.request('GET', url(`/${id}/report?format=pdf`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'audit.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, ' ');
    for (const s of [
      'Internal audit report IA-001',
      'Reported',
      'Olga Outside (lead)',
      'ISO/IEC 42001:2023 and the',
      'Independence',
      'Nonconformity',
      'NC-001',
      'Opportunity for',
      'Risk criteria never',
      '1 AI system in the',
      'The AIMS works except for risk criteria.',
    ])
      expect(text).toContain(s);
    expect(text).not.toContain('in-progress');
    expect(text).not.toMatch(/\bopportunity\b(?! for)/);
  });

  it('writes the report as a Word document', async () => {
    const docx = await owner.request('GET', url(`/${id}/report?format=docx`));
    expect(docx.status).toBe(200);
    const xml = unzipEntry(docx.raw.rawPayload, 'word/document.xml') ?? '';
    expect(xml).toContain('Spring AIMS audit');
    expect(xml).toContain('The AIMS works except for risk criteria.');
  });
});
