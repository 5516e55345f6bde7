import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { evidenceCoverage } from './evidence.coverage.js';
import { evidenceRegister } from './evidence.register.js';
import { coverageSchema, createEvidenceBody, evidenceListQuery, evidenceSchema, updateEvidenceBody } from './evidence.schemas.js';

const tags = ['evidence'];

export const evidenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // Before the register's /evidence/:evidenceId, so "coverage" is not read as an id.
  app.get(
    '/api/v1/orgs/:orgId/evidence/coverage',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Evidence coverage: per Annex A control, own control, clause and area, items valid, expiring and expired',
        params: orgParams,
        response: { 200: coverageSchema, ...problemResponses },
      },
    },
    async (req) => evidenceCoverage(db, orgAccess(req).orgId),
  );

  registerRoutes(app, evidenceRegister, {
    path: 'evidence',
    idParam: 'evidenceId',
    tags,
    itemSchema: evidenceSchema,
    listQuery: evidenceListQuery,
    createBody: createEvidenceBody,
    updateBody: updateEvidenceBody,
    summaries: {
      list: 'Evidence (clauses 7.5, 9.1): files, links and records, with their validity and what they evidence',
      create: 'Record an evidence item: an uploaded file (fileId), a link (url) or another record',
      get: 'An evidence item with its state, flags and links',
      update: 'Change an evidence item (its links, validity, owner...)',
      archive: 'Archive an evidence item (kept with its history; it no longer counts in coverage)',
      restore: 'Restore an archived evidence item',
      history: "The evidence item's change history from the audit log",
    },
  });
};
