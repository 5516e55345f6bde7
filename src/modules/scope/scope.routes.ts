import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOrgPermission } from '../../platform/http/auth-context.js';
import { problemSchema } from '../../platform/http/fields.js';
import { orgParams } from '../organizations/index.js';
import {
  approveBody,
  compareQuery,
  saveDraftBody,
  scopeChangeSchema,
  scopeOverviewSchema,
  scopeVersionSchema,
} from './scope.schemas.js';
import * as service from './scope.service.js';

const tags = ['scope'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };

export const scopeRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/orgs/:orgId/scope',
    {
      schema: {
        tags,
        summary: 'The approved scope and the draft, with checks',
        params: orgParams,
        response: { 200: scopeOverviewSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.getOverview(db, access.orgId);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/scope/draft',
    {
      schema: {
        tags,
        summary: 'Save the scope draft (starts a new version after an approval)',
        params: orgParams,
        body: saveDraftBody,
        response: { 200: scopeVersionSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return service.saveDraft(db, access.actor, access.orgId, req.body.content);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/scope/draft',
    { schema: { tags, summary: 'Discard the scope draft', params: orgParams, response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      await service.discardDraft(db, access.actor, access.orgId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/scope/draft/approve',
    {
      schema: {
        tags,
        summary: 'Approve the draft: it becomes an immutable version',
        params: orgParams,
        body: approveBody,
        response: { 200: scopeVersionSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'approve');
      return service.approveDraft(db, access.actor, access.orgId, req.body.note);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/versions',
    {
      schema: {
        tags,
        summary: 'Every scope version, newest first',
        params: orgParams,
        response: { 200: z.object({ items: z.array(scopeVersionSchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return { items: await service.listVersions(db, access.orgId) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/versions/:version',
    {
      schema: {
        tags,
        summary: 'One scope version',
        params: orgParams.extend({ version: z.coerce.number().int().min(1) }),
        response: { 200: scopeVersionSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.getVersion(db, access.orgId, req.params.version);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/scope/compare',
    {
      schema: {
        tags,
        summary: 'What changed between two scope versions',
        params: orgParams,
        querystring: compareQuery,
        response: { 200: z.object({ from: z.number(), to: z.number(), changes: z.array(scopeChangeSchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.compareVersions(db, access.orgId, req.query.from, req.query.to);
    },
  );
};
