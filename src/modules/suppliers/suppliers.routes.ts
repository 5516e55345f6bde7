import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { requireOrgPermission } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgParams } from '../organizations/index.js';
import {
  createReviewBody,
  createSupplierBody,
  supplierListQuery,
  supplierReviewSchema,
  supplierSchema,
  updateSupplierBody,
} from './suppliers.schemas.js';
import * as service from './suppliers.service.js';

const tags = ['suppliers'];
const errors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
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
    base,
    {
      schema: {
        tags,
        summary: 'Suppliers of AI platforms, APIs, models, datasets and services',
        params: orgParams,
        querystring: supplierListQuery,
        response: { 200: z.object({ items: z.array(supplierSchema), nextCursor: z.string().nullable() }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
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
      schema: {
        tags,
        summary: 'Add a supplier',
        params: orgParams,
        body: createSupplierBody,
        response: { 201: supplierSchema, ...errors },
      },
    },
    async (req, reply) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return reply.code(201).send(await service.createSupplier(db, access.actor, access.orgId, req.body));
    },
  );

  app.get(
    `${base}/:supplierId`,
    {
      schema: {
        tags,
        summary: 'A supplier with the AI systems that depend on it',
        params,
        response: { 200: supplierDetailSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return service.getSupplier(db, access.orgId, req.params.supplierId);
    },
  );

  app.patch(
    `${base}/:supplierId`,
    {
      schema: {
        tags,
        summary: 'Change a supplier',
        params,
        body: updateSupplierBody,
        response: { 200: supplierDetailSchema, ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
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
        schema: {
          tags,
          summary: archived ? 'Archive a supplier (kept with its history)' : 'Restore an archived supplier',
          params,
          response: { 200: supplierDetailSchema, ...errors },
        },
      },
      async (req) => {
        const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
        return service.setSupplierArchived(db, access.actor, access.orgId, req.params.supplierId, archived);
      },
    );
  }

  app.get(
    `${base}/:supplierId/reviews`,
    {
      schema: {
        tags,
        summary: 'AI-specific reviews of a supplier, newest first',
        params,
        response: { 200: z.object({ items: z.array(supplierReviewSchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return { items: await service.listSupplierReviews(db, access.orgId, req.params.supplierId) };
    },
  );

  app.post(
    `${base}/:supplierId/reviews`,
    {
      schema: {
        tags,
        summary: 'Record a supplier review; it sets the rating and next review date',
        params,
        body: createReviewBody,
        response: { 201: supplierReviewSchema, ...errors },
      },
    },
    async (req, reply) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'write');
      return reply
        .code(201)
        .send(await service.recordSupplierReview(db, access.actor, access.orgId, req.params.supplierId, req.body));
    },
  );

  app.get(
    `${base}/:supplierId/history`,
    {
      schema: {
        tags,
        summary: "The supplier's change history from the audit log",
        params,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...errors },
      },
    },
    async (req) => {
      const access = await requireOrgPermission(req, db, req.params.orgId, 'read');
      return { items: await service.supplierHistory(db, access.orgId, req.params.supplierId) };
    },
  );
};
