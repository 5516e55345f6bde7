import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflict } from '../../platform/http/errors.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { registerVersionedRoutes, versionedSchemas } from '../../platform/versioned/index.js';
import { documentContent } from './documents.content.js';
import { diffVersions } from './documents.diff.js';
import { documentReport } from './documents.export.js';
import { sendDocumentFile } from './documents.files.js';
import { diffQuery, diffSchema, documentContentSchema, exportQuery } from './documents.schemas.js';
import { findDocument } from './documents.service.js';

// A document's text and its versions, under /documents/:documentId: the
// versioned kit's routes at /content, a line diff of any two versions, and
// one version as PDF, DOCX or HTML (a file version: the file itself).
// Every route here first finds the document in the organization (404
// otherwise); a retired or archived document's content no longer changes.

const tags = ['documents'];
const params = orgParams.extend({ documentId: uuid() });
export const documentVersionSchemas = versionedSchemas('Document', documentContentSchema, {}, { key: z.string() });

export const documentContentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.addHook('preHandler', async (req: FastifyRequest) => {
    const { orgId } = orgAccess(req);
    const row = await findDocument(db, orgId, (req.params as { documentId: string }).documentId);
    if (req.method !== 'GET' && (row.retired_at || row.archived_at))
      throw conflict(
        row.retired_at
          ? 'This document is retired; its versions are kept as they are.'
          : 'This document is archived; restore it first.',
      );
  });

  registerVersionedRoutes(app, db, documentContent, {
    path: '/documents/:documentId/content',
    tags,
    schemas: documentVersionSchemas,
    keyParam: { name: 'documentId', schema: uuid() },
    summaries: {
      overview: "The document's approved version and its draft",
      saveDraft: "Save the document's draft text (starts a new version after an approval)",
      approve: 'Approve the draft: it becomes an immutable version and sets the next review date',
    },
  });

  app.get(
    '/api/v1/orgs/:orgId/documents/:documentId/diff',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'A line diff of two versions, either order',
        params,
        querystring: diffQuery,
        response: { 200: diffSchema, ...problemResponses },
      },
    },
    async (req) => {
      const ref = { orgId: orgAccess(req).orgId, key: req.params.documentId };
      const [a, b] = await Promise.all([
        documentContent.getVersion(db, ref, req.query.from),
        documentContent.getVersion(db, ref, req.query.to),
      ]);
      return diffVersions(a.version, b.version, a.content, b.content);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/documents/:documentId/versions/:version/export',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One version as PDF (default), DOCX or HTML with its control data; an uploaded file version as the file',
        params: params.extend({ version: z.coerce.number().int().min(1) }),
        querystring: exportQuery,
        produces: [...REPORT_MEDIA_TYPES, 'application/octet-stream'],
        response: { 200: z.any().describe('the document file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const { documentId, version } = req.params;
      const v = await documentContent.getVersion(db, { orgId, key: documentId }, version);
      if (v.content.format === 'file') return sendDocumentFile(app, reply, orgId, v.content.fileId);
      return sendReport(reply, await documentReport(db, orgId, documentId, version), req.query.format);
    },
  );
};
