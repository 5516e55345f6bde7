import type { FastifyReply } from 'fastify';
import { sendDownload } from '../http/download.js';
import { type ReportFormat, renderReport } from './render.js';
import type { Report } from './model.js';

/**
 * Renders the report in the requested format and sends it: HTML is shown in
 * the browser, every other format is downloaded as a file.
 */
export async function sendReport(reply: FastifyReply, report: Report, format: ReportFormat): Promise<FastifyReply> {
  const file = await renderReport(report, format);
  if (format === 'html') return reply.type(file.contentType).header('x-content-type-options', 'nosniff').send(file.body);
  return sendDownload(reply, file);
}
