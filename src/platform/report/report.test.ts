import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { unzipEntry } from '../../../test/support/zip.js';
import { AppError } from '../http/errors.js';
import {
  closeReportBrowser,
  legalNameOf,
  type Report,
  renderDocx,
  renderHtml,
  renderPdf,
  renderReport,
  renderXlsx,
  reportBrowserStats,
} from './index.js';

// Real renderers, real files: Chromium prints the PDF and poppler reads it
// back; the DOCX and XLSX are unzipped and parsed.

const report: Report = {
  title: 'Risk register <draft>',
  filename: 'risk-register',
  metadata: {
    organization: 'Acme <Holdings> GmbH & Co. KG',
    record: { name: 'Risk register "Q1"', version: 3 },
    approval: { by: 'Dana Approver', at: '2026-02-01T09:30:00.000Z' },
    generatedAt: '2026-03-04T10:15:00.000Z',
    details: [{ label: 'Owner', value: 'Risk team' }],
  },
  sections: [
    {
      heading: 'Summary',
      blocks: [
        { type: 'paragraph', text: 'Three risks <script>alert(1)</script> are open.\nSecond line.' },
        { type: 'list', items: ['First & foremost', 'Second'] },
      ],
    },
    {
      heading: 'Risks',
      blocks: [
        {
          type: 'table',
          sheet: 'Risk list',
          columns: [
            { header: 'Id', width: 6 },
            { header: 'Risk', width: 40 },
            { header: 'Score', width: 8 },
          ],
          rows: [
            ['R-1', "=cmd|' /C calc'!A0", 12],
            ['R-2', 'Model drift', null],
          ],
        },
        {
          type: 'chart',
          sheet: 'Scores',
          caption: 'Score by risk',
          labelHeader: 'Risk',
          valueHeader: 'Score',
          labels: ['R-1', 'R-2'],
          values: [12, null],
          max: 25,
        },
        { type: 'table', columns: [{ header: 'Only in the workbook' }], rows: [['x']], only: 'spreadsheet' },
      ],
    },
  ],
};

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-report-kit-'));
function pdfText(pdf: Buffer, name = 'r.pdf'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString();
}

afterAll(async () => {
  await closeReportBrowser();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('report model', () => {
  it('prints the legal name, falling back to the organization name', () => {
    expect(legalNameOf({ name: 'Acme' }, { legalName: 'Acme Ltd.' })).toBe('Acme Ltd. (Acme)');
    expect(legalNameOf({ name: 'Acme Analytics GmbH' }, { legalName: ' Acme Analytics GmbH ' })).toBe('Acme Analytics GmbH');
    expect(legalNameOf({ name: 'acme analytics gmbh' }, { legalName: 'Acme Analytics GmbH' })).toBe('Acme Analytics GmbH');
    expect(legalNameOf({ name: 'Acme' }, { legalName: '  ' })).toBe('Acme');
    expect(legalNameOf({ name: 'Acme' }, null)).toBe('Acme');
  });
});

describe('HTML', () => {
  it('escapes every text and carries the metadata', () => {
    const html = renderHtml(report);
    expect(html).not.toContain('<script>');
    expect(html).toContain('Three risks &lt;script&gt;alert(1)&lt;/script&gt; are open.<br>Second line.');
    expect(html).toContain('<title>Risk register &lt;draft&gt;</title>');
    expect(html).toContain('Acme &lt;Holdings&gt; GmbH &amp; Co. KG');
    expect(html).toContain('Risk register &quot;Q1&quot;');
    expect(html).toMatch(/Version<\/th><td>3</);
    expect(html).toContain('2026-02-01 09:30 UTC by Dana Approver');
    expect(html).toContain('2026-03-04 10:15 UTC');
    expect(html).toContain('<li>First &amp; foremost</li>');
    expect(html).toContain('<td class="n">12</td>');
    expect(html).toMatch(/<svg [^>]*role="img"/);
    expect(html).toContain('R-1: 12');
    // Spreadsheet-only blocks stay out of documents.
    expect(html).not.toContain('Only in the workbook');
  });
});

describe('PDF', () => {
  it('prints the page numbers and the legal name in the footer, on one reused browser', async () => {
    await closeReportBrowser();
    const before = reportBrowserStats().launches;
    let t = performance.now();
    const cold = await renderPdf(report);
    const coldMs = performance.now() - t;
    expect(cold.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(cold);
    expect(text).toContain('Page 1 of 1');
    expect(text).toContain('Acme <Holdings> GmbH & Co. KG');
    expect(text).toContain('Risk register <draft>');
    expect(text).toContain('Dana Approver');

    t = performance.now();
    await renderPdf(report);
    const warmMs = performance.now() - t;
    t = performance.now();
    const many = await Promise.all([renderPdf(report), renderPdf(report), renderPdf(report)]);
    const threeMs = performance.now() - t;
    for (const pdf of many) expect(pdfText(pdf)).toContain('Page 1 of 1');
    expect(reportBrowserStats()).toMatchObject({ launches: before + 1, active: 0, queued: 0, running: true });
    console.info(
      `PDF render: cold ${Math.round(coldMs)} ms, warm ${Math.round(warmMs)} ms, 3 concurrent ${Math.round(threeMs)} ms`,
    );
  }, 60_000);

  it('numbers every page of a long report', async () => {
    const long: Report = {
      ...report,
      sections: [
        {
          heading: 'Many rows',
          blocks: [
            {
              type: 'table',
              columns: [{ header: 'n' }, { header: 'text' }],
              rows: Array.from({ length: 150 }, (_, i) => [i, `row ${i}`]),
            },
          ],
        },
      ],
    };
    const text = pdfText(await renderPdf(long), 'long.pdf');
    const pages = Number(text.match(/Page 1 of (\d+)/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
  }, 60_000);

  it('relaunches the browser after it crashed', async () => {
    await renderPdf(report);
    const before = reportBrowserStats().launches;
    // Kill this process's Chromium (our own child processes, by pid).
    const children = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)])
      .toString()
      .trim()
      .split('\n')
      .filter((l) => /chrom/i.test(l))
      .map((l) => Number(l.trim().split(/\s+/)[0]));
    expect(children.length).toBeGreaterThan(0);
    for (const pid of children) process.kill(pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
    expect(pdfText(await renderPdf(report), 'after-crash.pdf')).toContain('Page 1 of 1');
    expect(reportBrowserStats().launches).toBe(before + 1);
  }, 60_000);

  it('fails with a clear 503 when Chromium is missing, without waiting', async () => {
    await closeReportBrowser();
    const saved = process.env.OPENAIMS_CHROMIUM;
    process.env.OPENAIMS_CHROMIUM = path.join(dir, 'no-chromium-here');
    try {
      const error = await renderPdf(report).catch((e) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ status: 503 });
      expect(error.message).toBe(
        `PDF export needs Chromium, and there is none at ${path.join(dir, 'no-chromium-here')}; set OPENAIMS_CHROMIUM=/path/to/chromium or install it (Debian: apt-get install chromium), or choose XLSX or DOCX.`,
      );
      expect(reportBrowserStats()).toMatchObject({ active: 0, running: false });
    } finally {
      if (saved === undefined) delete process.env.OPENAIMS_CHROMIUM;
      else process.env.OPENAIMS_CHROMIUM = saved;
    }
  });
});

describe('DOCX', () => {
  it('is a zip whose document holds the title, the metadata and the table cells; the footer numbers pages', async () => {
    const docx = await renderDocx(report);
    expect(docx.subarray(0, 2).toString()).toBe('PK');
    const xml = unzipEntry(docx, 'word/document.xml') ?? '';
    expect(xml).toContain('Risk register &lt;draft&gt;');
    expect(xml).toContain('Acme &lt;Holdings&gt; GmbH &amp; Co. KG');
    expect(xml).toContain('Model drift');
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('Score by risk');
    expect(xml).not.toContain('Only in the workbook');
    const footer = unzipEntry(docx, 'word/footer1.xml') ?? '';
    expect(footer).toContain('Acme &lt;Holdings&gt; GmbH &amp; Co. KG');
    expect(footer).toMatch(/PAGE[\s\S]*NUMPAGES/);
  });

  it('drops characters XML cannot carry instead of writing a broken document', async () => {
    const docx = await renderDocx({ ...report, title: 'Bad\u0001title\u0008' });
    expect(unzipEntry(docx, 'word/document.xml')).toContain('Badtitle');
  });
});

describe('XLSX', () => {
  it('has a cover sheet with the metadata and one sheet per table and chart, formulas neutralised', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderXlsx(report)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Risk list', 'Scores', 'Risks']);
    const cover = wb.getWorksheet('Summary');
    const coverText = cover?.getSheetValues().flat().filter(Boolean).join('\n') ?? '';
    expect(cover?.getCell('A1').value).toBe('Risk register <draft>');
    for (const s of ['Acme <Holdings> GmbH & Co. KG', 'Risk register "Q1"', '3', 'Dana Approver', 'Three risks', '• Second'])
      expect(coverText).toContain(s);
    const risks = wb.getWorksheet('Risk list');
    expect(risks?.getRow(1).values).toEqual([undefined, 'Id', 'Risk', 'Score']);
    expect(risks?.getRow(1).font?.bold).toBe(true);
    expect(risks?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(risks?.getCell('B2').value).toBe("'=cmd|' /C calc'!A0");
    expect(risks?.getCell('C2').value).toBe(12);
    expect(wb.getWorksheet('Scores')?.getRow(2).values).toEqual([undefined, 'R-1', 12]);
  });
});

describe('renderReport', () => {
  it('names the file and the content type of each format', async () => {
    const docx = await renderReport(report, 'docx');
    expect(docx).toMatchObject({
      filename: 'risk-register.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect((await renderReport(report, 'html')).contentType).toBe('text/html; charset=utf-8');
  });
});
