import { renderDocx } from './docx.js';
import { renderHtml } from './html.js';
import type { Report } from './model.js';
import { renderPdf } from './pdf.js';
import { renderXlsx } from './xlsx.js';

export const REPORT_FORMATS = ['pdf', 'xlsx', 'docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** The media types a report route produces, for its OpenAPI document. */
export const REPORT_MEDIA_TYPES = REPORT_FORMATS.map((f) => REPORT_CONTENT_TYPES[f].split(';')[0]);

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  /** the report's file name with the format's extension */
  filename: string;
}

export async function renderReport(report: Report, format: ReportFormat): Promise<RenderedReport> {
  const body =
    format === 'pdf'
      ? await renderPdf(report)
      : format === 'xlsx'
        ? await renderXlsx(report)
        : format === 'docx'
          ? await renderDocx(report)
          : renderHtml(report);
  return { body, contentType: REPORT_CONTENT_TYPES[format], filename: `${report.filename}.${format}` };
}
