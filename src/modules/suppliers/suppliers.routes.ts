import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { supplierRegister } from './suppliers.register.js';
import {
  createReviewBody,
  createSupplierBody,
  REVIEW_GOOD_ANSWER,
  REVIEW_QUESTIONS,
  supplierListQuery,
  supplierReviewSchema,
  supplierSchema,
  updateSupplierBody,
} from './suppliers.schemas.js';
import * as service from './suppliers.service.js';

const tags = ['suppliers'];
const params = orgParams.extend({ supplierId: uuid() });
const supplierDetailSchema = supplierSchema
  .extend({
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), riskLevel: z.string().nullable(), dependency: z.string() })),
  })
  .meta({ id: 'SupplierDetail' });

export const supplierRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  registerRoutes(app, supplierRegister, {
    path: 'suppliers',
    idParam: 'supplierId',
    tags,
    itemSchema: supplierSchema,
    detailSchema: supplierDetailSchema,
    detail: (db, orgId, item) => service.withDependents(db, orgId, item as z.infer<typeof supplierSchema>),
    listQuery: supplierListQuery,
    createBody: createSupplierBody,
    updateBody: updateSupplierBody,
    summaries: {
      list: 'Suppliers of AI platforms, APIs, models, datasets and services',
      create: 'Add a supplier',
      get: 'A supplier with the AI systems that depend on it',
      update: 'Change a supplier',
      archive: 'Archive a supplier (kept with its history)',
      restore: 'Restore an archived supplier',
      history: "The supplier's change history from the audit log",
    },
  });

  app.get(
    '/api/v1/supplier-review-questions',
    {
      schema: {
        tags,
        summary: 'The questions of an AI-specific supplier review, in order',
        response: {
          200: z.object({
            items: z.array(z.object({ id: z.string(), question: z.string(), goodAnswer: z.enum(['yes', 'no']) })),
          }),
          401: problemSchema,
        },
      },
    },
    async (req) => {
      requireUser(req);
      return {
        items: (Object.keys(REVIEW_QUESTIONS) as (keyof typeof REVIEW_QUESTIONS)[]).map((id) => ({
          id,
          question: REVIEW_QUESTIONS[id],
          goodAnswer: REVIEW_GOOD_ANSWER[id],
        })),
      };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/suppliers/:supplierId/reviews',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'AI-specific reviews of a supplier, newest first',
        params,
        response: { 200: z.object({ items: z.array(supplierReviewSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await service.listSupplierReviews(db, orgAccess(req).orgId, req.params.supplierId) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/suppliers/:supplierId/reviews',
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
};
