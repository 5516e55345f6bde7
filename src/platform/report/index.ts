// The report kit: a module builds a Report (model.ts) and hands it to
// renderReport in the format the request asks for; a route sends it with
// sendReport. No module writes HTML, workbooks, documents or PDFs itself.

export { type DateFormat, dateFormat, localeOfCountry } from './dates.js';
export { renderDocx } from './docx.js';
export { escapeHtml, renderHtml } from './html.js';
export * from './model.js';
export { closeReportBrowser, renderPdf, reportBrowserStats } from './pdf.js';
export {
  REPORT_CONTENT_TYPES,
  REPORT_FORMATS,
  REPORT_MEDIA_TYPES,
  type RenderedReport,
  type ReportFormat,
  renderReport,
} from './render.js';
export { sendReport } from './send.js';
export { renderXlsx } from './xlsx.js';
