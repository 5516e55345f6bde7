import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { unzipEntry } from '../support/zip.js';

// The report is rendered the way an auditor receives it: a PDF printed by
// Chromium, turned into pixels and text by poppler, and a real workbook.
describe('gap report export', () => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let id: string;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-report-'));

  beforeAll(async () => {
    t = await createTestApp('sqlite');
    ({ client: owner, orgId } = await setupOwner(t.app));
    id = (await owner.post(`/api/v1/orgs/${orgId}/gap-assessments`, { title: 'Baseline <2026>', assessmentDate: '2026-01-15' }))
      .body.id;
    await owner.put(`/api/v1/orgs/${orgId}/gap-assessments/${id}/answers/4.3`, { status: 'implemented' });
    await owner.put(`/api/v1/orgs/${orgId}/gap-assessments/${id}/answers/5.2`, { status: 'partial', notes: '=cmd|calc' });
    await owner.post(`/api/v1/orgs/${orgId}/gap-assessments/${id}/action-plan`, {});
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a PDF with every section', async () => {
    const res = await owner.request('GET', `/api/v1/orgs/${orgId}/gap-assessments/${id}/report?format=pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const file = path.join(dir, 'report.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, path.join(dir, 'page')]);
    expect(fs.readdirSync(dir).some((f) => f.startsWith('page') && f.endsWith('.png'))).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    for (const section of [
      'ISO/IEC 42001 gap report',
      'Summary',
      'Gaps by clause and control objective',
      'Gaps by review area',
      'Action plan',
    ]) {
      expect(text).toContain(section);
    }
    expect(text).toContain('Baseline <2026>');
    expect(text).toContain('AI system inventory');
    expect(text).toMatch(/P1\s+Put in place/);
  }, 60_000);

  it('exports a workbook with the answers and the plan, formulas neutralised', async () => {
    const res = await owner.request('GET', `/api/v1/orgs/${orgId}/gap-assessments/${id}/report?format=xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'By clause', 'By review area', 'Answers', 'Action plan']);
    const answers = wb.getWorksheet('Answers');
    const row = answers?.getRows(2, 80)?.find((r) => r.getCell(1).value === '5.2');
    expect(row?.getCell(7).value).toBe("'=cmd|calc");
    expect(wb.getWorksheet('Action plan')?.rowCount).toBe(1 + 69);
  });

  const report = (format: string) => owner.request('GET', `/api/v1/orgs/${orgId}/gap-assessments/${id}/report?format=${format}`);

  it('prints the legal name and "Page X of Y" in every PDF footer, and names the download', async () => {
    const profile = (await owner.get(`/api/v1/orgs/${orgId}/profile`)).body;
    const { updatedAt: _, ...input } = profile;
    expect((await owner.put(`/api/v1/orgs/${orgId}/profile`, { ...input, legalName: 'Acme AI Solutions GmbH' })).status).toBe(
      200,
    );
    const res = await report('pdf');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="gap-report-2026-01-15.pdf"; filename*=UTF-8''gap-report-2026-01-15.pdf`,
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const file = path.join(dir, 'footer.pdf');
    fs.writeFileSync(file, res.raw.rawPayload);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const pages = Number(text.match(/Page 1 of (\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    expect(text.match(/Acme AI Solutions GmbH/g)?.length).toBeGreaterThanOrEqual(pages);
  }, 60_000);

  it('exports a Word document with the metadata, the gaps and the plan', async () => {
    const res = await report('docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="gap-report-2026-01-15\.docx"; /);
    const xml = unzipEntry(res.raw.rawPayload, 'word/document.xml') ?? '';
    for (const text of [
      'ISO/IEC 42001 gap report',
      'Baseline &lt;2026&gt;',
      'Acme AI Solutions GmbH',
      'Gaps by review area',
      'AI system inventory',
      '=cmd|calc',
      'Put in place',
    ])
      expect(xml).toContain(text);
    expect(unzipEntry(res.raw.rawPayload, 'word/footer1.xml')).toContain('Acme AI Solutions GmbH');
  });

  it('shows the HTML page in the browser, escaped', async () => {
    const res = await report('html');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-disposition']).toBeUndefined();
    expect(res.raw.body).toContain('Baseline &lt;2026&gt;');
    expect(res.raw.body).toContain('Acme AI Solutions GmbH');
    expect((await report('odt')).status).toBe(400);
  });

  // PDF without Chromium (503, the other formats still work): test/api/report-unavailable.test.ts
});
