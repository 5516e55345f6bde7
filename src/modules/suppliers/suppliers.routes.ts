import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import {
  REVIEW_QUESTIONS,
  createReviewBody,
  createSupplierBody,
  supplierListQuery,
  supplierReviewSchema,
  supplierSchema,
  updateSupplierBody,
} from './suppliers.schemas.js';
import * as service from './suppliers.service.js';
import { requireUser } from '../../platform/http/auth-context.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';

const tags = ['suppliers'];
const params = orgParams.extend({ supplierId: uuid() });
const supplierDetailSchema = supplierSchema
  .extend({
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), riskLevel: z.string().nullable(), dependency: z.string() })),
  })
  .meta({ id: 'SupplierDetail' });

export const supplierRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/suppliers';

  app.get(
    '/api/v1/supplier-review-questions',
    {
      schema: {
        tags,
        summary: 'The questions of an AI-specific supplier review, in order',
        response: { 200: z.object({ items: z.array(z.object({ id: z.string(), question: z.string() })) }), 401: problemSchema },
      },
    },
    async (req) => {
      requireUser(req);
      return { items: Object.entries(REVIEW_QUESTIONS).map(([id, question]) => ({ id, question })) };
    },
  );

  app.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Suppliers of AI platforms, APIs, models, datasets and services',
        params: orgParams,
        querystring: supplierListQuery,
        response: { 200: z.object({ items: z.array(supplierSchema), nextCursor: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      const { overdue, includeArchived, ...q } = req.query;
      return service.listSuppliers(db, access.orgId, {
        ...q,
        overdue: overdue === 'true',
        includeArchived: includeArchived === 'true',
      });
    },
  );

  app.post(
    base,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Add a supplier',
        params: orgParams,
        body: createSupplierBody,
        response: { 201: supplierSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return reply.code(201).send(await service.createSupplier(db, access.actor, access.orgId, req.body));
    },
  );

  app.get(
    `${base}/:supplierId`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'A supplier with the AI systems that depend on it',
        params,
        response: { 200: supplierDetailSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.getSupplier(db, access.orgId, req.params.supplierId);
    },
  );

  app.patch(
    `${base}/:supplierId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Change a supplier',
        params,
        body: updateSupplierBody,
        response: { 200: supplierDetailSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.updateSupplier(db, access.actor, access.orgId, req.params.supplierId, req.body);
    },
  );

  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    app.post(
      `${base}/:supplierId/${action}`,
      {
        config: { permission: 'write' },
        schema: {
          tags,
          summary: archived ? 'Archive a supplier (kept with its history)' : 'Restore an archived supplier',
          params,
          response: { 200: supplierDetailSchema, ...problemResponses },
        },
      },
      async (req) => {
        const access = orgAccess(req);
        return service.setSupplierArchived(db, access.actor, access.orgId, req.params.supplierId, archived);
      },
    );
  }

  app.get(
    `${base}/:supplierId/reviews`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'AI-specific reviews of a supplier, newest first',
        params,
        response: { 200: z.object({ items: z.array(supplierReviewSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await service.listSupplierReviews(db, access.orgId, req.params.supplierId) };
    },
  );

  app.post(
    `${base}/:supplierId/reviews`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Record a supplier review; it sets the rating and next review date',
        params,
        body: createReviewBody,
        response: { 201: supplierReviewSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return reply
        .code(201)
        .send(await service.recordSupplierReview(db, access.actor, access.orgId, req.params.supplierId, req.body));
    },
  );

  app.get(
    `${base}/:supplierId/history`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The supplier's change history from the audit log",
        params,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await service.supplierHistory(db, access.orgId, req.params.supplierId) };
    },
  );
};
