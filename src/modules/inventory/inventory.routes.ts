import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { bulkEdit } from './inventory.bulk-edit.js';
import { mergeAiSystem } from './inventory.merge.js';
import { aiSystemRegister } from './inventory.register.js';
import {
  aiSystemListQuery,
  aiSystemSchema,
  bulkEditBody,
  createAiSystemBody,
  duplicateGroupSchema,
  mergeBody,
  scopeGapSchema,
  summarySchema,
  updateAiSystemBody,
} from './inventory.schemas.js';
import { scopeEntriesMissingFromInventory } from './inventory.scope-gaps.js';
import { inventorySummary, listDuplicates } from './inventory.summary.js';

const tags = ['AI system inventory'];
const params = orgParams.extend({ aiSystemId: uuid() });

export const inventoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/ai-systems';

  registerRoutes(app, aiSystemRegister, {
    path: 'ai-systems',
    idParam: 'aiSystemId',
    tags,
    itemSchema: aiSystemSchema,
    listQuery: aiSystemListQuery,
    createBody: createAiSystemBody,
    updateBody: updateAiSystemBody,
    summaries: {
      list: 'AI systems: filter, search, sort, cursor pages',
      create: 'Register an AI system',
      get: 'One AI system with its flags',
      update: 'Change an AI system',
      archive: 'Archive an AI system (kept with its history)',
      restore: 'Restore an archived AI system',
      history: 'Change history from the audit log, including systems merged into it',
    },
  });

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
    async (req) => inventorySummary(db, orgAccess(req).orgId),
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
    async (req) => ({ items: await listDuplicates(db, orgAccess(req).orgId) }),
  );

  app.get(
    `${base}/scope-gaps`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What the approved scope names that the inventory does not hold',
        description:
          'AI systems, products and services named in the approved scope (clause 4.3) that no active AI system stands for: ' +
          'neither linked from the scope entry nor with the same name (ignoring case, spacing and punctuation). ' +
          'Empty when no scope is approved.',
        params: orgParams,
        response: { 200: z.object({ items: z.array(scopeGapSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await scopeEntriesMissingFromInventory(db, orgAccess(req).orgId) }),
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
      return bulkEdit(db, access.actor, access.orgId, req.body.ids, req.body.set);
    },
  );

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
      return mergeAiSystem(db, access.actor, access.orgId, req.params.aiSystemId, req.body.duplicateId);
    },
  );
};
