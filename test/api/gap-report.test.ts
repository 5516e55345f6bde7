import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';

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
});
