import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { registerVersionedRoutes } from '../../platform/versioned/index.js';
import { loadScopeReport } from './scope.report.js';
import { EMPTY_SCOPE, scopeContentSchema, scopeSchemas } from './scope.schemas.js';
import { scope } from './scope.service.js';

const tags = ['scope'];

export const scopeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/scope-template',
    {
      schema: {
        tags,
        summary: 'The content of an empty scope: what a new draft starts from',
        response: { 200: scopeContentSchema, 401: problemSchema },
      },
    },
    async (req) => {
      requireUser(req);
      return EMPTY_SCOPE;
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/versions/:version/statement',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The scope statement of one version as a document: PDF, DOCX, HTML or XLSX',
        params: orgParams.extend({ version: z.coerce.number().int().min(1) }),
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the statement file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) =>
      sendReport(reply, await loadScopeReport(app.database.db, orgAccess(req).orgId, req.params.version), req.query.format),
  );

  // GET /scope, PUT and DELETE /scope/draft, POST /scope/draft/approve,
  // GET /scope/versions, /scope/versions/:version, /scope/compare
  registerVersionedRoutes(app, app.database.db, scope, {
    path: '/scope',
    tags,
    schemas: scopeSchemas,
    summaries: { overview: 'The approved scope and the draft, with checks' },
  });
};
