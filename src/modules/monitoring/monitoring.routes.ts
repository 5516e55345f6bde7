import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { notFound } from '../../platform/http/errors.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { resolveLinks } from '../../platform/refs/index.js';
import { thousands } from '../../platform/text.js';
import { findRow, registerRoutes } from '../../platform/register/index.js';
import { metricChart } from './monitoring.chart.js';
import { ingestObservations } from './monitoring.ingest.js';
import { metricRegister, presentMetrics } from './monitoring.register.js';
import { MAX_BATCH } from './monitoring.rules.js';
import {
  breachListQuery,
  breachSchema,
  chartQuery,
  chartSchema,
  createMetricBody,
  ingestBody,
  ingestResultSchema,
  metricListQuery,
  metricSchema,
  resolveBreachBody,
  reviewBody,
  reviewSchema,
  updateMetricBody,
} from './monitoring.schemas.js';
import { getBreach, listBreaches, listReviews, resolveBreach, reviewMetric } from './monitoring.tasks.js';

const tags = ['monitoring'];
/** A batch of 10,000 observations naming metrics by id is about 1.5 MB of JSON. */
const INGEST_BODY_LIMIT = 8 * 1024 * 1024;

export const monitoringRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const metricParams = orgParams.extend({ metricId: uuid() });
  const systemParams = orgParams.extend({ aiSystemId: uuid() });
  const breachParams = orgParams.extend({ breachId: uuid() });

  registerRoutes(app, metricRegister, {
    path: 'monitoring-metrics',
    idParam: 'metricId',
    tags,
    itemSchema: metricSchema,
    listQuery: metricListQuery,
    createBody: createMetricBody,
    updateBody: updateMetricBody,
    summaries: {
      list: 'Monitoring metrics (clause 9.1, A.6.2.6) of the AI systems, with their latest value and state',
      create: 'Add a metric an AI system is monitored by: its threshold, direction, owner and review interval',
      get: 'A monitoring metric with its latest value, state and next review',
      update: 'Change a monitoring metric (threshold, owner, review interval...)',
      archive: 'Archive a monitoring metric (kept with its observations; it takes no more)',
      restore: 'Restore an archived monitoring metric',
      history: "The metric's change history from the audit log",
    },
  });

  app.get(
    '/api/v1/orgs/:orgId/monitoring-metrics/:metricId/observations',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "A metric's observations for a chart, thinned to `limit` points keeping spikes, with its breach windows",
        params: metricParams,
        querystring: chartQuery,
        response: { 200: chartSchema, ...problemResponses },
      },
    },
    async (req) => metricChart(db, orgAccess(req).orgId, req.params.metricId, req.query),
  );

  app.post(
    '/api/v1/orgs/:orgId/monitoring-metrics/:metricId/reviews',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Record a review of a metric; its next review falls reviewEveryDays later',
        params: metricParams,
        body: reviewBody,
        response: { 201: reviewSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const review = await reviewMetric(db, access.actor, access.orgId, req.params.metricId, req.body.note, req.body.reviewedAt);
      return reply.code(201).send(review);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring-metrics/:metricId/reviews',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "A metric's reviews, latest first",
        params: metricParams,
        response: { 200: z.object({ items: z.array(reviewSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      if (!(await findRow(db, metricRegister, orgId, req.params.metricId))) throw notFound('Metric');
      return { items: await listReviews(db, orgId, req.params.metricId) };
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/ai-systems/:aiSystemId/observations',
    {
      config: { permission: 'write' },
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags,
        summary: `Push observations of an AI system's metrics: one, or a batch of up to ${thousands(MAX_BATCH)}`,
        description:
          `For scripts with an API token (Authorization: Bearer <token>). Each observation names its metric by id (metricId) or by its name on this AI system (metric); ` +
          'value must be a finite JSON number; observedAt (default: now) at most 5 minutes ahead. ' +
          `All or nothing: any bad item refuses the whole request with 400, every bad item named (body.observations.<index>.<field>). ` +
          `Up to ${thousands(MAX_BATCH)} observations per request. Breach windows are evaluated in observedAt order.`,
        params: systemParams,
        body: ingestBody,
        response: { 201: ingestResultSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const result = await ingestObservations(db, access.actor, access.orgId, req.params.aiSystemId, req.body);
      return reply.code(201).send(result);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/ai-systems/:aiSystemId/monitoring',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "An AI system's current monitoring metrics with their latest value and state",
        params: systemParams,
        response: { 200: z.object({ items: z.array(metricSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      const { aiSystemId } = req.params;
      const system = (await resolveLinks(db, orgId, [{ type: 'ai-system', id: aiSystemId }]))({
        type: 'ai-system',
        id: aiSystemId,
      });
      if (!system) throw notFound('AI system');
      const rows = await db
        .selectFrom('monitoring_metrics')
        .selectAll()
        .where('org_id', '=', orgId)
        .where('ai_system_id', '=', aiSystemId)
        .where('archived_at', 'is', null)
        .orderBy('name_key')
        .orderBy('id')
        .limit(500)
        .execute();
      return { items: await presentMetrics(db, orgId, rows, new Date()) };
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring-breaches',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Breaches of monitoring thresholds (one per window beyond a threshold), latest first',
        params: orgParams,
        querystring: breachListQuery,
        response: { 200: z.object({ items: z.array(breachSchema), nextCursor: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => listBreaches(db, orgAccess(req).orgId, req.query),
  );

  app.get(
    '/api/v1/orgs/:orgId/monitoring-breaches/:breachId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'A breach of a monitoring threshold',
        params: breachParams,
        response: { 200: breachSchema, ...problemResponses },
      },
    },
    async (req) => getBreach(db, orgAccess(req).orgId, req.params.breachId),
  );

  app.post(
    '/api/v1/orgs/:orgId/monitoring-breaches/:breachId/resolve',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Resolve a breach with a note saying what was done (409 when already resolved)',
        params: breachParams,
        body: resolveBreachBody,
        response: { 200: breachSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return resolveBreach(db, access.actor, access.orgId, req.params.breachId, req.body.note);
    },
  );
};
