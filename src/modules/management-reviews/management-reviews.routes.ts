import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflict } from '../../platform/http/errors.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  findRow,
  getRecord,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
} from '../../platform/register/index.js';
import { legalNameOf, localeOfCountry, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { managementReviewRegister } from './management-reviews.register.js';
import { buildMinutesReport } from './management-reviews.report.js';
import {
  actionSchema,
  approveBody,
  createActionBody,
  createReviewBody,
  prepareBody,
  reviewListQuery,
  reviewSchema,
  settingsBody,
  settingsSchema,
  updateActionBody,
  updateReviewBody,
} from './management-reviews.schemas.js';
import * as service from './management-reviews.service.js';

const tags = ['management-reviews'];
const base = `${ORG_ROUTE_PREFIX}/management-reviews`;
const reviewParams = orgParams.extend({ reviewId: uuid() });
const actionParams = reviewParams.extend({ actionId: uuid() });

export const managementReviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${base}/settings`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Who is top management: the members who may approve management reviews',
        params: orgParams,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => service.getSettings(db, orgAccess(req).orgId),
  );

  app.put(
    `${base}/settings`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Set the members who are top management (each must be a member of the organization)',
        params: orgParams,
        body: settingsBody,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.putSettings(db, access.actor, access.orgId, req.body);
    },
  );

  app.get(
    `${base}/top-management`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The members who are top management, named (who may approve a review)',
        params: orgParams,
        response: {
          200: z.object({
            members: z.array(z.object({ userId: z.string(), name: z.string() })),
            /** whether the member asking is one of them (may approve) */
            youAreTopManagement: z.boolean(),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      const members = await service.topManagementMembers(db, access.orgId);
      return { members, youAreTopManagement: members.some((m) => m.userId === access.userId) };
    },
  );

  // An approved review is a record of what top management decided: it is not
  // archived (the kit's archive knows no rule of its own, so the route checks
  // first; this plugin's hooks see only its own routes).
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'POST' || !req.routeOptions.url?.endsWith('/management-reviews/:reviewId/archive')) return;
    const { orgId } = orgAccess(req);
    const row = await findRow(db, managementReviewRegister, orgId, (req.params as { reviewId: string }).reviewId);
    if (row?.status === 'approved') throw conflict('This management review is approved; it is kept and cannot be archived.');
  });

  registerRoutes(app, managementReviewRegister, {
    path: 'management-reviews',
    idParam: 'reviewId',
    tags,
    itemSchema: reviewSchema,
    listQuery: reviewListQuery,
    createBody: createReviewBody,
    updateBody: updateReviewBody,
    summaries: {
      list: 'Management reviews (clause 9.3), newest meeting first, by status or number',
      create: 'Plan a management review: the meeting date, title, chair and attendees',
      get: 'A management review with its frozen inputs, minutes, decisions, actions, approval and flags',
      update:
        'Change a review not yet approved (meeting, attendees, minutes, decisions, status planned, prepared or held); approved reviews are read-only (409)',
      archive: 'Archive a review planned by mistake (kept with its history)',
      restore: 'Restore an archived review',
      history: "The review's change history from the audit log",
    },
  });

  app.post(
    `${base}/:reviewId/prepare`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary:
          'Compile the inputs now and freeze them on the review (preparing again replaces them); refused once approved. ' +
          IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params: reviewParams,
        body: prepareBody.nullish(),
        response: { 200: reviewSchema, ...problemResponses, 409: staleProblemSchema(reviewSchema) },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      const { item } = await service.prepareInputs(db, access.actor, access.orgId, req.params.reviewId, req.body ?? {}, {
        ifMatch: ifMatchOf(req),
      });
      return item;
    },
  );

  app.post(
    `${base}/:reviewId/approve`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Approve a held review with minutes and prepared inputs; only a member set as top management may (403 otherwise). Improvement decisions go to the improvement log.',
        params: reviewParams,
        body: approveBody.nullish(),
        response: { 200: reviewSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return (await service.approveReview(db, access.actor, access.orgId, req.params.reviewId, req.body?.note ?? null)).item;
    },
  );

  app.post(
    `${base}/:reviewId/actions`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Add an action the review gives (owner, due date); not once the review is approved',
        params: reviewParams,
        body: createActionBody,
        response: { 201: actionSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const action = await service.addAction(db, access.actor, access.orgId, req.params.reviewId, req.body);
      return reply.code(201).send(action);
    },
  );

  app.patch(
    `${base}/:reviewId/actions/:actionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Change an action or mark it done (doneOn defaults to today); after approval only its status may change',
        params: actionParams,
        body: updateActionBody,
        response: { 200: actionSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.updateAction(db, access.actor, access.orgId, req.params.reviewId, req.params.actionId, req.body);
    },
  );

  app.get(
    `${base}/:reviewId/minutes`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The minutes with the frozen inputs, decisions, actions and approval: PDF (default), DOCX or HTML',
        params: reviewParams,
        querystring: z.strictObject({ format: z.enum(['pdf', 'docx', 'html']).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the minutes as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const [{ item }, org, profile] = await Promise.all([
        getRecord(db, managementReviewRegister, orgId, req.params.reviewId),
        getOrganization(db, orgId),
        getProfile(db, orgId),
      ]);
      const report = buildMinutesReport({
        organization: legalNameOf(org, profile),
        locale: localeOfCountry(profile.country),
        review: item,
        generatedAt: new Date().toISOString(),
      });
      return sendReport(reply, report, req.query.format);
    },
  );
};
