import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendDownload } from '../../platform/http/download.js';
import { problemSchema } from '../../platform/http/fields.js';
import { getOrgSettings } from '../organizations/index.js';
import { columnGuide } from './inventory.columns.js';
import { CONTENT_TYPES, importTemplate, streamInventory } from './inventory.export.js';
import { detectFormat, type ImportData, importInventory } from './inventory.import.js';
import {
  exportQuery,
  importColumnsSchema,
  type ImportFormat,
  importProblemSchema,
  importQuery,
  importReportSchema,
  templateQuery,
} from './inventory.transfer.schemas.js';
import { orgAccess, orgParams } from '../../platform/http/org-routes.js';

// Import and export of the AI system inventory. The upload is the raw file
// as the request body, not multipart, so `curl --data-binary @file` works
// and the body limit applies to the file itself.

const tags = ['AI system inventory'];
const errors = { 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 413: problemSchema };

/** A 10,000-row CSV is about 5 MB; an XLSX of it less. 20 MiB leaves room and stops abuse. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  CONTENT_TYPES.xlsx,
  'application/octet-stream',
  'application/vnd.cyclonedx+json',
];

/** A file in the response: text or bytes, never JSON-serialized. */
const fileBody = z
  .custom<string | Buffer>(() => true)
  .meta({ type: 'string', format: 'binary', description: 'the file, as Content-Disposition names it' });

function formatOf(req: FastifyRequest, query: ImportFormat | undefined, body: ImportData): ImportFormat {
  if (query) return query;
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.startsWith('text/csv')) return 'csv';
  if (type.includes('json')) return 'cyclonedx';
  return detectFormat(body);
}

export const inventoryTransferRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/ai-systems';

  // Scoped to this plugin: only the import route takes files as bodies.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

  app.get(
    `${base}/import-template`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Import template: the inventory columns in order (CSV, or XLSX with a help sheet)',
        params: orgParams,
        querystring: templateQuery,
        produces: [CONTENT_TYPES.csv, CONTENT_TYPES.xlsx],
        response: { 200: fileBody, 400: problemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const file = await importTemplate(req.query.format);
      return sendDownload(reply, file);
    },
  );

  app.get(
    `${base}/import-columns`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The import columns in template order, with the values each column of a fixed list takes',
        description:
          'Risk level takes the levels of the organization’s risk scale; Supplier dependency the dependencies in brackets.',
        params: orgParams,
        response: { 200: importColumnsSchema, ...errors },
      },
    },
    async (req) => {
      const settings = await getOrgSettings(db, orgAccess(req).orgId);
      return { columns: columnGuide(settings.riskScale) };
    },
  );

  app.post(
    `${base}/import`,
    {
      config: { permission: 'write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import AI systems from CSV, XLSX or a CycloneDX 1.5/1.6 BOM: all rows or none',
        description:
          'Send the file itself as the body. Rows whose external id is in the inventory update that system. ' +
          'With errors nothing is written and the response (400) lists every bad row and column. ' +
          'dryRun=true returns the same report without writing.',
        params: orgParams,
        querystring: importQuery,
        consumes: ['text/csv', CONTENT_TYPES.xlsx, 'application/json', 'application/octet-stream'],
        body: z
          .custom<ImportData>(() => true)
          .meta({ type: 'string', format: 'binary', description: 'the CSV, XLSX or CycloneDX JSON file' }),
        response: { 200: importReportSchema, 400: importProblemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const body = req.body ?? Buffer.alloc(0);
      const format = formatOf(req, req.query.format, body);
      const report = await importInventory(db, access.actor, access.orgId, format, body, {
        dryRun: req.query.dryRun === 'true',
      });
      if (report.errors.length && !report.dryRun) {
        return reply
          .code(400)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Import rejected', status: 400, ...report });
      }
      return report;
    },
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Export the active AI systems as CSV, XLSX or a CycloneDX 1.6 BOM',
        params: orgParams,
        querystring: exportQuery,
        produces: Object.values(CONTENT_TYPES),
        response: { 200: fileBody, 400: problemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      // Streamed a page at a time (inventory.export.ts); a failure after the first bytes breaks the download.
      const file = await streamInventory(db, access.orgId, req.query.format, (err) =>
        req.log.error({ err }, 'inventory export failed while streaming'),
      );
      return sendDownload(reply, file);
    },
  );
};
