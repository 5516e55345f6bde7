import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { uuid } from '../../platform/http/fields.js';
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
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';

const tags = ['AI system inventory'];
const params = orgParams.extend({ aiSystemId: uuid() });

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/ai-systems';

  app.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'AI systems: filter, search, sort, cursor pages',
        params: orgParams,
        querystring: aiSystemListQuery,
        response: { 200: z.object({ items: z.array(aiSystemSchema), nextCursor: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.listAiSystems(db, access.orgId, req.query);
    },
  );

  app.post(
    base,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Register an AI system',
        params: orgParams,
        body: createAiSystemBody,
        response: { 201: aiSystemSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return reply.code(201).send(await service.createAiSystem(db, access.actor, access.orgId, req.body));
    },
  );

  app.get(
    `${base}/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Counts an auditor looks at first: missing owners, ratings, monitoring, duplicates',
        params: orgParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.inventorySummary(db, access.orgId);
    },
  );

  app.get(
    `${base}/duplicates`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Groups of likely duplicate AI systems',
        params: orgParams,
        response: { 200: z.object({ items: z.array(duplicateGroupSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await service.listDuplicates(db, access.orgId) };
    },
  );

  app.post(
    `${base}/bulk-edit`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Set owner, risk level or scope on many systems at once',
        params: orgParams,
        body: bulkEditBody,
        response: { 200: z.object({ updated: z.number().int() }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.bulkEdit(db, access.actor, access.orgId, req.body.ids, req.body.set);
    },
  );

  app.get(
    `${base}/:aiSystemId`,
    {
      config: { permission: 'read' },
      schema: { tags, summary: 'One AI system with its flags', params, response: { 200: aiSystemSchema, ...problemResponses } },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.getAiSystem(db, access.orgId, req.params.aiSystemId);
    },
  );

  app.patch(
    `${base}/:aiSystemId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Change an AI system',
        params,
        body: updateAiSystemBody,
        response: { 200: aiSystemSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
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
        config: { permission: 'write' },
        schema: {
          tags,
          summary: archived ? 'Archive an AI system (kept with its history)' : 'Restore an archived AI system',
          params,
          response: { 200: aiSystemSchema, ...problemResponses },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return service.setAiSystemArchived(db, access.actor, access.orgId, req.params.aiSystemId, archived);
      },
    );
  }

  app.post(
    `${base}/:aiSystemId/merge`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Merge a duplicate into this system, keeping both histories',
        params,
        body: mergeBody,
        response: { 200: aiSystemSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.mergeAiSystem(db, access.actor, access.orgId, req.params.aiSystemId, req.body.duplicateId);
    },
  );

  app.get(
    `${base}/:aiSystemId/history`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Change history from the audit log, including systems merged into it',
        params,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await service.aiSystemHistory(db, access.orgId, req.params.aiSystemId) };
    },
  );
};
