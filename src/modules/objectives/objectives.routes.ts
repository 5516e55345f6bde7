import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { deleteObjectiveProgress, listObjectiveProgress, recordObjectiveProgress } from './objectives.progress.js';
import { objectiveRegister } from './objectives.register.js';
import {
  createObjectiveBody,
  createProgressBody,
  objectiveListQuery,
  objectiveSchema,
  progressEntrySchema,
  updateObjectiveBody,
} from './objectives.schemas.js';

const tags = ['objectives'];
const params = orgParams.extend({ objectiveId: uuid() });

export const objectiveRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  registerRoutes(app, objectiveRegister, {
    path: 'objectives',
    idParam: 'objectiveId',
    tags,
    itemSchema: objectiveSchema,
    listQuery: objectiveListQuery,
    createBody: createObjectiveBody,
    updateBody: updateObjectiveBody,
    summaries: {
      list: 'AI objectives (clause 6.2) with their state: on track, at risk, overdue, achieved or missed',
      create: 'Set an AI objective',
      get: 'An AI objective with its state and progress summary',
      update: 'Change an AI objective (or mark it achieved or missed)',
      archive: 'Archive an AI objective (kept with its history)',
      restore: 'Restore an archived AI objective',
      history: "The AI objective's change history from the audit log",
    },
  });

  app.get(
    '/api/v1/orgs/:orgId/objectives/:objectiveId/progress',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Progress entries of an AI objective, oldest first',
        params,
        response: { 200: z.object({ items: z.array(progressEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listObjectiveProgress(db, orgAccess(req).orgId, req.params.objectiveId) }),
  );

  app.post(
    '/api/v1/orgs/:orgId/objectives/:objectiveId/progress',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Record progress on an AI objective: a measured value, a note, or both',
        params,
        body: createProgressBody,
        response: { 201: progressEntrySchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return reply
        .code(201)
        .send(await recordObjectiveProgress(db, access.actor, access.orgId, req.params.objectiveId, req.body));
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/objectives/:objectiveId/progress/:entryId',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Delete a progress entry recorded in error (the audit log keeps it)',
        params: params.extend({ entryId: uuid() }),
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      await deleteObjectiveProgress(db, access.actor, access.orgId, req.params.objectiveId, req.params.entryId);
      return reply.code(204).send(null);
    },
  );
};
