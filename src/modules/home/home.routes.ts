import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { homeSchema } from './home.schemas.js';
import { getHome } from './home.service.js';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/api/v1/orgs/:orgId/home',
    {
      config: { permission: 'read' },
      schema: {
        tags: ['home'],
        summary:
          "The organization's journey at a glance: each step's state and why, the next best actions, what is due for the signed-in member, recent changes (links are web app paths)",
        params: orgParams,
        response: { 200: homeSchema, ...problemResponses },
      },
    },
    async (req) => getHome(db, orgAccess(req)),
  );
};
