import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { type Overview, registerVersionedRoutes } from '../../platform/versioned/index.js';
import { loadRiskMethodReport } from './risk-method.report.js';
import { DEFAULT_RISK_METHOD } from './risk-method.rules.js';
import { effectiveRiskMethodSchema, riskMethodOverviewSchema, riskMethodSchemas } from './risk-method.schemas.js';
import { effectiveRiskMethod, riskMethod, riskMethodChecks } from './risk-method.service.js';

const tags = ['risk-method'];
const OVERVIEW_URL = `${ORG_ROUTE_PREFIX}/risk-method`;

/** The default method, offered while an organization has no draft and no approved method. */
const suggested = { content: DEFAULT_RISK_METHOD, checks: riskMethodChecks(DEFAULT_RISK_METHOD) };

export const riskMethodRoutes: FastifyPluginAsyncZod = async (app) => {
  // The overview adds `suggested` to what the kit answers: the default method
  // to start from while there is nothing else. This plugin is encapsulated,
  // so the hook sees only the risk-method routes.
  app.addHook('preSerialization', async (req, _reply, payload: unknown) => {
    // (a HEAD arrives here as a GET: platform/http/server.ts answerHeadAsGet)
    if (req.method !== 'GET' || req.routeOptions.url !== OVERVIEW_URL) return payload;
    const overview = payload as Overview<unknown>;
    if (!overview || !('approved' in overview)) return payload;
    return { ...overview, suggested: overview.approved || overview.draft ? null : suggested };
  });

  app.get(
    '/api/v1/orgs/:orgId/risk-method/effective',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The method risks are scored with now: the approved version, else the draft, else the built-in default',
        params: orgParams,
        response: { 200: effectiveRiskMethodSchema, ...problemResponses },
      },
    },
    async (req) => effectiveRiskMethod(app.database.db, orgAccess(req).orgId),
  );

  app.get(
    '/api/v1/orgs/:orgId/risk-method/versions/:version/document',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One version of the risk method as a document: PDF, DOCX, HTML or XLSX',
        params: orgParams.extend({ version: z.coerce.number().int().min(1) }),
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the method as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) =>
      sendReport(reply, await loadRiskMethodReport(app.database.db, orgAccess(req).orgId, req.params.version), req.query.format),
  );

  // GET /risk-method, PUT and DELETE /risk-method/draft, POST /risk-method/draft/approve,
  // GET /risk-method/versions, /risk-method/versions/:version, /risk-method/compare
  registerVersionedRoutes(app, app.database.db, riskMethod, {
    path: '/risk-method',
    tags,
    schemas: { ...riskMethodSchemas, overview: riskMethodOverviewSchema },
    summaries: {
      overview:
        'The approved risk method and the draft, with generic-criteria checks; the default method as `suggested` while there is neither',
      saveDraft:
        'Save the risk method draft: scales, matrix, levels, acceptance, AI risk sources (starts a new version after an approval)',
      approve: 'Approve the risk method draft; every open generic-criteria warning needs a reason (exceptions)',
    },
  });
};
