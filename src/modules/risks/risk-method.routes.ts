import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ORG_ROUTE_PREFIX } from '../../platform/http/org-routes.js';
import { type Overview, registerVersionedRoutes } from '../../platform/versioned/index.js';
import { DEFAULT_RISK_METHOD } from './risk-method.rules.js';
import { riskMethodOverviewSchema, riskMethodSchemas } from './risk-method.schemas.js';
import { riskMethod, riskMethodChecks } from './risk-method.service.js';

const tags = ['risk-method'];
const OVERVIEW_URL = `${ORG_ROUTE_PREFIX}/risk-method`;

/** The default method, offered while an organization has no draft and no approved method. */
const suggested = { content: DEFAULT_RISK_METHOD, checks: riskMethodChecks(DEFAULT_RISK_METHOD) };

export const riskMethodRoutes: FastifyPluginAsyncZod = async (app) => {
  // The overview adds `suggested` to what the kit answers: the default method
  // to start from while there is nothing else. This plugin is encapsulated,
  // so the hook sees only the risk-method routes.
  app.addHook('preSerialization', async (req, _reply, payload: unknown) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.routeOptions.url !== OVERVIEW_URL) return payload;
    const overview = payload as Overview<unknown>;
    if (!overview || !('approved' in overview)) return payload;
    return { ...overview, suggested: overview.approved || overview.draft ? null : suggested };
  });

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
