import type { FastifyReply } from 'fastify';
import { sendDownload } from '../http/download.js';
import type { Report } from './model.js';
import { renderPdf } from './pdf.js';
import { REPORT_CONTENT_TYPES, type RenderedReport, type ReportFormat, renderReport } from './render.js';

/**
 * Renders the report in the requested format and sends it: HTML is shown in
 * the browser, every other format is downloaded as a file. PDFs are printed
 * by the Chromium the app's config names (OPENAIMS_CHROMIUM); without one the
 * answer is a 503 problem that says how to fix it, and the other formats work.
 */
export async function sendReport(reply: FastifyReply, report: Report, format: ReportFormat): Promise<FastifyReply> {
  const config = reply.server.config;
  const file: RenderedReport =
    format === 'pdf'
      ? {
          body: await renderPdf(report, {
            chromiumPath: config?.chromiumPath,
            // every PDF of the app takes a slot of one queue, sized by the app's settings
            limits: config ? { concurrency: config.pdfConcurrency, queueMax: config.pdfQueueMax } : undefined,
          }),
          contentType: REPORT_CONTENT_TYPES.pdf,
          filename: `${report.filename}.pdf`,
        }
      : await renderReport(report, format);
  if (format === 'html') return reply.type(file.contentType).header('x-content-type-options', 'nosniff').send(file.body);
  return sendDownload(reply, file);
}
