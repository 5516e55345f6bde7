import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../../platform/dates.js';
import { uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';
import { createAction, deleteAction, updateAction } from './nonconformities.actions.js';
import { nonconformityRegister } from './nonconformities.register.js';
import {
  actionInput,
  actionPatch,
  actionSchema,
  createNonconformityBody,
  nonconformityListQuery,
  nonconformitySchema,
  settingsSchema,
  timelineEventSchema,
  updateNonconformityBody,
} from './nonconformities.schemas.js';
import { nonconformitySummary, nonconformityTimeline } from './nonconformities.service.js';
import { gradeScale, saveSettings } from './nonconformities.settings.js';

const tags = ['nonconformities'];
const base = `${ORG_ROUTE_PREFIX}/nonconformities`;
const ncParams = orgParams.extend({ nonconformityId: uuid() });
const actionParams = ncParams.extend({ actionId: uuid() });

const summarySchema = z
  .object({
    open: z.number().int(),
    byGrade: z.record(z.string(), z.number().int()),
    planOverdue: z.number().int(),
    evidenceOverdue: z.number().int(),
    awaitingEffectiveness: z.number().int(),
    closedLast12Months: z.number().int(),
    recurring: z.number().int(),
    correctiveActionsOpen: z.number().int(),
    correctiveActionsOverdue: z.number().int(),
  })
  .meta({ id: 'NonconformitySummary' });

export const nonconformityRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${base}/settings`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "The organization's grade scale: each grade's words, plan and evidence deadlines, and whether it is a nonconformity",
        params: orgParams,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => ({ grades: await gradeScale(db, orgAccess(req).orgId) }),
  );

  app.put(
    `${base}/settings`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Set the grade scale (1 to 8 grades, unique keys); records keep a grade taken off the scale until changed',
        params: orgParams,
        body: settingsSchema,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return saveSettings(db, access.actor, access.orgId, req.body);
    },
  );

  app.get(
    `${base}/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'Nonconformities not closed, per grade, overdue, awaiting the effectiveness check, recurring; corrective actions open and overdue',
        params: orgParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (req) => nonconformitySummary(db, orgAccess(req).orgId, todayUtc()),
  );

  registerRoutes(app, nonconformityRegister, {
    path: 'nonconformities',
    idParam: 'nonconformityId',
    tags,
    itemSchema: nonconformitySchema,
    listQuery: nonconformityListQuery,
    createBody: createNonconformityBody,
    updateBody: updateNonconformityBody,
    summaries: {
      list: 'Nonconformities (clause 10.2), filtered by status, grade, source and flag',
      create:
        "Raise a nonconformity; its plan and evidence due dates follow from its grade on the organization's scale unless given",
      get: 'A nonconformity with its corrective actions, flags and what closing still needs',
      update:
        'Change a nonconformity; closing needs the root cause summarised, every corrective action done and an effective check (date, who); a check found not effective reopens it',
      archive: 'Archive a nonconformity raised by mistake (kept with its history)',
      restore: 'Restore an archived nonconformity',
      history: "The nonconformity's change history from the audit log",
    },
  });

  app.get(
    `${base}/:nonconformityId/timeline`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'What happened to the nonconformity, oldest first: raised, correction, root cause, actions, effectiveness, status',
        params: ncParams,
        response: { 200: z.object({ items: z.array(timelineEventSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await nonconformityTimeline(db, orgAccess(req).orgId, req.params.nonconformityId) }),
  );

  app.post(
    `${base}/:nonconformityId/actions`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Add a corrective action to a nonconformity that is not closed',
        params: ncParams,
        body: actionInput,
        response: { 201: actionSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await createAction(db, access.actor, access.orgId, req.params.nonconformityId, req.body);
      return reply.code(201).header('etag', etag).send(item);
    },
  );

  app.patch(
    `${base}/:nonconformityId/actions/:actionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Change a corrective action (mark it done: doneOn defaults to today)',
        description: IF_MATCH_NOTE,
        params: actionParams,
        headers: ifMatchHeaders,
        body: actionPatch.partial(),
        response: { 200: actionSchema, ...problemResponses, 409: staleProblemSchema(actionSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { nonconformityId, actionId } = req.params;
      return withStale(reply, async () => {
        const { item, etag } = await updateAction(
          db,
          access.actor,
          access.orgId,
          nonconformityId,
          actionId,
          req.body,
          ifMatchOf(req),
        );
        return reply.header('etag', etag).send(item);
      });
    },
  );

  app.delete(
    `${base}/:nonconformityId/actions/:actionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Remove a corrective action (recorded in the history)',
        description: IF_MATCH_NOTE,
        params: actionParams,
        headers: ifMatchHeaders,
        response: { 204: z.null().describe('removed'), ...problemResponses, 409: staleProblemSchema(actionSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { nonconformityId, actionId } = req.params;
      return withStale(reply, async () => {
        await deleteAction(db, access.actor, access.orgId, nonconformityId, actionId, ifMatchOf(req));
        return reply.code(204).send(null);
      });
    },
  );
};
