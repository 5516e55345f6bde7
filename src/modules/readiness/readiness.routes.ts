import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { historyQuery, historySchema, readinessQuery, readinessSchema } from './readiness.schemas.js';
import { evaluateReadiness, readinessHistory } from './readiness.service.js';

const tags = ['readiness'];
const base = `${ORG_ROUTE_PREFIX}/readiness`;

export const readinessRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "Stage 1 and Stage 2 rehearsed from the organization's data: each check's verdict with the records behind it and the fix, the journey's 14 steps, and the day's evidence sample (seed= redraws it); records today's snapshot",
        params: orgParams,
        querystring: readinessQuery,
        response: { 200: readinessSchema, ...problemResponses },
      },
    },
    async (req) => evaluateReadiness(db, orgAccess(req).orgId, { seed: req.query.seed }),
  );

  app.get(
    `${base}/history`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The daily readiness counts (pass, warn, fail, not available per stage; steps done) of the last `days` days, oldest first',
        params: orgParams,
        querystring: historyQuery,
        response: { 200: historySchema, ...problemResponses },
      },
    },
    async (req) => readinessHistory(db, orgAccess(req).orgId, req.query.days),
  );
};
