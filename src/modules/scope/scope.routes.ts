import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema } from '../../platform/http/fields.js';
import {
  EMPTY_SCOPE,
  approveBody,
  compareQuery,
  saveDraftBody,
  scopeContentSchema,
  scopeComparisonSchema,
  scopeOverviewSchema,
  scopeVersionSchema,
} from './scope.schemas.js';
import { scope } from './scope.service.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';

const tags = ['scope'];

export const scopeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

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
    '/api/v1/orgs/:orgId/scope',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The approved scope and the draft, with checks',
        params: orgParams,
        response: { 200: scopeOverviewSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return scope.getOverview(db, { orgId: access.orgId });
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/scope/draft',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Save the scope draft (starts a new version after an approval)',
        params: orgParams,
        body: saveDraftBody,
        response: { 200: scopeVersionSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return scope.saveDraft(db, access.actor, { orgId: access.orgId }, req.body.content);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/scope/draft',
    {
      config: { permission: 'write' },
      schema: { tags, summary: 'Discard the scope draft', params: orgParams, response: { 204: z.null(), ...problemResponses } },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      await scope.discardDraft(db, access.actor, { orgId: access.orgId });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/scope/draft/approve',
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Approve the draft: it becomes an immutable version',
        params: orgParams,
        body: approveBody,
        response: { 200: scopeVersionSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return scope.approve(db, access.actor, { orgId: access.orgId }, { note: req.body.note });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/versions',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Every scope version, newest first',
        params: orgParams,
        response: { 200: z.object({ items: z.array(scopeVersionSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await scope.listVersions(db, { orgId: access.orgId }) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/versions/:version',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One scope version',
        params: orgParams.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: scopeVersionSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return scope.getVersion(db, { orgId: access.orgId }, req.params.version);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/compare',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What changed between two scope versions',
        params: orgParams,
        querystring: compareQuery,
        response: { 200: scopeComparisonSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return scope.compare(db, { orgId: access.orgId }, req.query.from, req.query.to);
    },
  );
};
