import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { requireOrgPermission } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgParams } from '../organizations/index.js';
import {
  aiSystemListQuery,
  aiSystemSchema,
  bulkEditBody,
  createAiSystemBody,
  duplicateGroupSchema,
  mergeBody,
  summarySchema,
  updateAiSystemBody,
} from './inventory.schemas.js';
import * as service from './inventory.service.js';

const tags = ['AI system inventory'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const params = orgParams.extend({ aiSystemId: uuid() });

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/ai-systems';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'AI systems: filter, search, sort, cursor pages',
        params: orgParams,
        querystring: aiSystemListQuery,
        response: { 200: z.object({ items: z.array(aiSystemSchema), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.listAiSystems(db, access.orgId, req.query);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Register an AI system',
        params: orgParams,
        body: createAiSystemBody,
        response: { 201: aiSystemSchema, ...errors },
      },
    },
    async (req, reply) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return reply.code(201).send(await service.createAiSystem(db, access.actor, access.orgId, req.body));
    },
  );

  app.get(
    `${base}/summary`,
    {
      schema: {
        tags,
        summary: 'Counts an auditor looks at first: missing owners, ratings, monitoring, duplicates',
        params: orgParams,
        response: { 200: summarySchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.inventorySummary(db, access.orgId);
    },
  );

  app.get(
    `${base}/duplicates`,
    {
      schema: {
        tags,
        summary: 'Groups of likely duplicate AI systems',
        params: orgParams,
        response: { 200: z.object({ items: z.array(duplicateGroupSchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return { items: await service.listDuplicates(db, access.orgId) };
    },
  );

  app.post(
    `${base}/bulk-edit`,
    {
      schema: {
        tags,
        summary: 'Set owner, risk level or scope on many systems at once',
        params: orgParams,
        body: bulkEditBody,
        response: { 200: z.object({ updated: z.number().int() }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return service.bulkEdit(db, access.actor, access.orgId, req.body.ids, req.body.set);
    },
  );

  app.get(
    `${base}/:aiSystemId`,
    { schema: { tags, summary: 'One AI system with its flags', params, response: { 200: aiSystemSchema, ...errors } } },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.getAiSystem(db, access.orgId, req.params.aiSystemId);
    },
  );

  app.patch(
    `${base}/:aiSystemId`,
    {
      schema: {
        tags,
        summary: 'Change an AI system',
        params,
        body: updateAiSystemBody,
        response: { 200: aiSystemSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return service.updateAiSystem(db, access.actor, access.orgId, req.params.aiSystemId, req.body);
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/:aiSystemId/${action}`,
      {
        schema: {
          tags,
          summary: archived ? 'Archive an AI system (kept with its history)' : 'Restore an archived AI system',
          params,
          response: { 200: aiSystemSchema, ...errors },
        },
      },
      async (req) => {
        const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
        return service.setAiSystemArchived(db, access.actor, access.orgId, req.params.aiSystemId, archived);
      },
    );
  }

  app.post(
    `${base}/:aiSystemId/merge`,
    {
      schema: {
        tags,
        summary: 'Merge a duplicate into this system, keeping both histories',
        params,
        body: mergeBody,
        response: { 200: aiSystemSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return service.mergeAiSystem(db, access.actor, access.orgId, req.params.aiSystemId, req.body.duplicateId);
    },
  );

  app.get(
    `${base}/:aiSystemId/history`,
    {
      schema: {
        tags,
        summary: 'Change history from the audit log, including systems merged into it',
        params,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return { items: await service.aiSystemHistory(db, access.orgId, req.params.aiSystemId) };
    },
  );
};
