import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { uuid } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  concernListQuery,
  concernListSchema,
  concernSchema,
  mineQuery,
  raiseConcernBody,
  triageBody,
} from './concerns.schemas.js';
import {
  concernHistory,
  getConcern,
  listConcerns,
  myConcerns,
  raiseConcern,
  startTriage,
  triageConcern,
} from './concerns.service.js';

const tags = ['concerns'];
const path = '/api/v1/orgs/:orgId/concerns';
const idParams = orgParams.extend({ concernId: uuid() });

export const concernRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.post(
    path,
    {
      config: { permission: 'concern' },
      schema: {
        tags,
        summary: 'Raise a concern about an AI system (A.3.3), in your name or anonymously',
        description:
          'Anonymous: reviewers are never shown who raised it (not in the concern, the audit log or notifications); the reporter still sees the outcome under concerns/mine.',
        params: orgParams,
        body: raiseConcernBody,
        response: { 201: concernSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const item = await raiseConcern(db, orgAccess(req), req.body);
      return reply.status(201).send(item);
    },
  );

  app.get(
    path,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Every concern of the organization, newest first (reviewers)',
        params: orgParams,
        querystring: concernListQuery,
        response: { 200: concernListSchema, ...problemResponses },
      },
    },
    async (req) => listConcerns(db, orgAccess(req), req.query),
  );

  // Before concerns/:concernId, so "mine" is not read as an id.
  app.get(
    `${path}/mine`,
    {
      config: { permission: 'concern' },
      schema: {
        tags,
        summary: 'The concerns you raised (named or anonymous), with what became of them',
        params: orgParams,
        querystring: mineQuery,
        response: { 200: z.object({ items: z.array(concernSchema) }), ...problemResponses },
      },
    },
    async (req) => myConcerns(db, orgAccess(req), req.query.limit),
  );

  app.get(
    `${path}/:concernId`,
    {
      config: { permission: 'concern' },
      schema: {
        tags,
        summary: 'A concern: for reviewers, and for the member who raised it',
        params: idParams,
        response: { 200: concernSchema, ...problemResponses },
      },
    },
    async (req) => getConcern(db, orgAccess(req), req.params.concernId),
  );

  app.get(
    `${path}/:concernId/history`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: "The concern's change history from the audit log (raising an anonymous one shows a neutral actor)",
        params: idParams,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await concernHistory(db, orgAccess(req), req.params.concernId) }),
  );

  app.post(
    `${path}/:concernId/start-triage`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Mark a new concern as being looked at',
        params: idParams,
        body: z.strictObject({}),
        response: { 200: concernSchema, ...problemResponses },
      },
    },
    async (req) => startTriage(db, orgAccess(req), req.params.concernId),
  );

  app.post(
    `${path}/:concernId/triage`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Triage a concern once: open an incident, add a risk to the register, or close it with a reason',
        description: 'One transaction with the incident or risk it creates. A concern already triaged: 409.',
        params: idParams,
        body: triageBody,
        response: { 200: concernSchema, ...problemResponses },
      },
    },
    async (req) => triageConcern(db, orgAccess(req), req.params.concernId, req.body),
  );
};
