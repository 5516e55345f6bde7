import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerVersionedRoutes } from '../../platform/versioned/index.js';
import { coverageSchema, programmeSchemas } from './audit-programme.schemas.js';
import { auditCoverage, auditProgramme } from './audit-programme.service.js';

const tags = ['audit-programme'];

export const auditProgrammeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/orgs/:orgId/audit-programme/coverage',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The coverage map of the audit cycle: each clause requirement and applicable Annex A control, the internal audits of the cycle that cover it, and the gaps',
        params: orgParams,
        response: { 200: coverageSchema, ...problemResponses },
      },
    },
    async (req) => auditCoverage(db, orgAccess(req).orgId),
  );

  // GET /audit-programme, PUT and DELETE /audit-programme/draft, POST /audit-programme/draft/approve,
  // GET /audit-programme/versions, /audit-programme/versions/:version, /audit-programme/compare
  registerVersionedRoutes(app, db, auditProgramme, {
    path: '/audit-programme',
    tags,
    schemas: programmeSchemas,
    summaries: {
      overview: 'The approved internal audit programme (clause 9.2.2) and the draft, with what an approver is warned of',
      saveDraft:
        'Save the audit programme draft: cycle, frequency, methods, responsibilities, reporting, independence (starts a new version after an approval)',
      approve: 'Approve the audit programme draft; every open warning needs a reason (exceptions)',
    },
  });
};
