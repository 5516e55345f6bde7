import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';
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
        description: `${IF_MATCH_NOTE} The ETag is the supplier's: a review made on a supplier changed since is not recorded.`,
        headers: ifMatchHeaders,
        params,
        body: createReviewBody,
        response: { 201: supplierReviewSchema, ...problemResponses, 409: staleProblemSchema(supplierDetailSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const review = await service.recordSupplierReview(db, access.actor, access.orgId, req.params.supplierId, req.body, {
          ifMatch: ifMatchOf(req),
        });
        return reply.code(201).send(review);
      }),
  );
};
