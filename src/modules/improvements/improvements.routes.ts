import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { improvementRegister } from './improvements.register.js';
import {
  createImprovementBody,
  improvementListQuery,
  improvementSchema,
  improvementSummarySchema,
  updateImprovementBody,
} from './improvements.schemas.js';
import { improvementSummary } from './improvements.service.js';

const tags = ['improvements'];

export const improvementRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${ORG_ROUTE_PREFIX}/improvements/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Improvements counted: open, done, and per source',
        params: orgParams,
        response: { 200: improvementSummarySchema, ...problemResponses },
      },
    },
    async (req) => improvementSummary(db, orgAccess(req).orgId),
  );

  registerRoutes(app, improvementRegister, {
    path: 'improvements',
    idParam: 'improvementId',
    tags,
    itemSchema: improvementSchema,
    listQuery: improvementListQuery,
    createBody: createImprovementBody,
    updateBody: updateImprovementBody,
    summaries: {
      list: 'The continual improvement log (clause 10.1), filtered by status and source',
      create: 'Log an improvement',
      get: 'An improvement',
      update: 'Change an improvement (an outcome is required to mark it done or rejected)',
      archive: 'Archive an improvement (kept with its history)',
      restore: 'Restore an archived improvement',
      history: "The improvement's change history from the audit log",
    },
  });
};
