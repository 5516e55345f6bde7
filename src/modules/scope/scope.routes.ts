import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema } from '../../platform/http/fields.js';
import { registerVersionedRoutes } from '../../platform/versioned/index.js';
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

  // GET /scope, PUT and DELETE /scope/draft, POST /scope/draft/approve,
  // GET /scope/versions, /scope/versions/:version, /scope/compare
  registerVersionedRoutes(app, app.database.db, scope, {
    path: '/scope',
    tags,
    schemas: scopeSchemas,
    summaries: { overview: 'The approved scope and the draft, with checks' },
  });
};
