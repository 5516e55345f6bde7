import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';
import * as actions from './risks.actions.js';
import { riskRegister } from './risks.register.js';
import { risksOfAiSystemIds } from './risks.repository.js';
import {
  createActionBody,
  createRiskBody,
  heatmapQuery,
  heatmapSchema,
  orgRiskFlagSchema,
  type Risk,
  riskDetailSchema,
  riskListQuery,
  riskSchema,
  treatmentActionSchema,
  updateActionBody,
  updateRiskBody,
} from './risks.schemas.js';
import { orgRiskFlags, riskHeatmap } from './risks.service.js';

const tags = ['risks'];
const riskParams = orgParams.extend({ riskId: uuid() });
const actionParams = riskParams.extend({ actionId: uuid() });
const base = '/api/v1/orgs/:orgId/risks';

export const riskRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // The list by AI system (its page) starts from the few risks naming it:
  // resolved here, since the kit's filter builds one statement. This plugin
  // is encapsulated, so the hook sees only the risk routes.
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'GET' || req.routeOptions.url !== base) return;
    const q = req.query as { aiSystemId?: string; riskIds?: string[] };
    if (q.aiSystemId) q.riskIds = await risksOfAiSystemIds(db, orgAccess(req).orgId, q.aiSystemId);
  });

  // Static paths first in the file for readers; Fastify prefers them over :riskId anyway.
  app.get(
    `${base}/heatmap`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Risks per likelihood and impact cell, inherent and residual, with the method’s levels',
        params: orgParams,
        querystring: heatmapQuery,
        response: { 200: heatmapSchema, ...problemResponses },
      },
    },
    async (req) => riskHeatmap(db, orgAccess(req).orgId, req.query),
  );

  app.get(
    `${base}/flags`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What the register is missing as a whole: AI systems in scope with no risk assessed',
        description:
          'The first `limit` flags by AI system name (default 100) and the `total`, so an organization with thousands of unassessed systems gets a bounded answer.',
        params: orgParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) }),
        response: {
          200: z.object({ items: z.array(orgRiskFlagSchema), total: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const all = await orgRiskFlags(db, orgAccess(req).orgId);
      return { items: all.slice(0, req.query.limit), total: all.length };
    },
  );

  registerRoutes(app, riskRegister, {
    path: 'risks',
    idParam: 'riskId',
    tags,
    itemSchema: riskSchema,
    detailSchema: riskDetailSchema,
    detail: async (db, orgId, item) => ({ ...(item as Risk), actions: await actions.listActions(db, orgId, (item as Risk).id) }),
    listQuery: riskListQuery,
    createBody: createRiskBody,
    updateBody: updateRiskBody,
    summaries: {
      list: 'AI risks, filtered and sorted (levels from the risk method)',
      create: 'Add a risk; its levels are computed from the risk method',
      get: 'A risk with its treatment actions',
      update: 'Change a risk; levels are recomputed and acceptance is checked against the method',
      archive: 'Archive a risk (kept with its history)',
      restore: 'Restore an archived risk',
      history: "The risk's change history from the audit log",
    },
  });

  app.get(
    `${base}/:riskId/actions`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Treatment actions of a risk, oldest first',
        params: riskParams,
        response: { 200: z.object({ items: z.array(treatmentActionSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await actions.listActions(db, orgAccess(req).orgId, req.params.riskId) }),
  );

  app.post(
    `${base}/:riskId/actions`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Add a treatment action (owner, due date, status, the controls it relies on)',
        params: riskParams,
        body: createActionBody,
        response: { 201: treatmentActionSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await actions.createAction(db, access.actor, access.orgId, req.params.riskId, req.body);
      return reply.code(201).header('etag', etag).send(item);
    },
  );

  app.patch(
    `${base}/:riskId/actions/:actionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Change a treatment action',
        description: IF_MATCH_NOTE,
        params: actionParams,
        headers: ifMatchHeaders,
        body: updateActionBody,
        response: { 200: treatmentActionSchema, ...problemResponses, 409: staleProblemSchema(treatmentActionSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { riskId, actionId } = req.params;
      return withStale(reply, async () => {
        const { item, etag } = await actions.updateAction(
          db,
          access.actor,
          access.orgId,
          riskId,
          actionId,
          req.body,
          ifMatchOf(req),
        );
        return reply.header('etag', etag).send(item);
      });
    },
  );

  app.delete(
    `${base}/:riskId/actions/:actionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Remove a treatment action',
        description: IF_MATCH_NOTE,
        params: actionParams,
        headers: ifMatchHeaders,
        response: { 204: z.null(), ...problemResponses, 409: staleProblemSchema(treatmentActionSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { riskId, actionId } = req.params;
      return withStale(reply, async () => {
        await actions.deleteAction(db, access.actor, access.orgId, riskId, actionId, ifMatchOf(req));
        return reply.code(204).send(null);
      });
    },
  );
};
