import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { gatherFacts } from '../../platform/facts/index.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import {
  actionSchema,
  answerBody,
  answerSchema,
  assessmentSchema,
  assessmentSummarySchema,
  compareQuery,
  createAssessmentBody,
  factsSchema,
  updateActionBody,
  updateAssessmentBody,
} from './gap.schemas.js';
import { loadGapReport } from './gap.report.js';
import { generateActionPlan } from './use-cases/action-plan.js';
import { clearAnswer } from './use-cases/clear-answer.js';
import { compare } from './use-cases/compare.js';
import { createAssessment } from './use-cases/create-assessment.js';
import { getAssessment } from './use-cases/get-assessment.js';
import { listActions } from './use-cases/list-actions.js';
import { listAssessments } from './use-cases/list-assessments.js';
import { saveAnswer } from './use-cases/save-answer.js';
import { updateAction } from './use-cases/update-action.js';
import { updateAssessment } from './use-cases/update-assessment.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  etagOf,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';

const tags = ['gap assessment'];
const params = orgParams.extend({ assessmentId: uuid() });

export const gapRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const base = '/api/v1/orgs/:orgId/gap-assessments';

  app.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Gap assessments, newest first, with overall scores',
        params: orgParams,
        response: { 200: z.object({ items: z.array(assessmentSummarySchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await listAssessments({ db, orgId: access.orgId }) };
    },
  );

  app.post(
    base,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Start a gap assessment (pre-filled from reused ISO/IEC 27001 processes)',
        params: orgParams,
        body: createAssessmentBody,
        response: { 201: assessmentSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return reply.code(201).send(await createAssessment({ db, actor: access.actor, orgId: access.orgId, input: req.body }));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/facts',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What OpenAIMS holds about the organization, by catalogue module, to check each answer against',
        description:
          "Each requirement's `module` (in an assessment's answers and in the catalogue) is a key of `modules`. Gathered live from every register on each call.",
        params: orgParams,
        response: { 200: factsSchema, ...problemResponses },
      },
    },
    async (req) => ({ modules: await gatherFacts(db, orgAccess(req).orgId) }),
  );

  app.get(
    `${base}/compare`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What improved and what slipped between two assessments',
        params: orgParams,
        querystring: compareQuery,
        response: {
          200: z.object({
            from: assessmentSummarySchema,
            to: assessmentSummarySchema,
            changes: z.array(
              z.object({
                requirementId: z.string(),
                before: z.string(),
                after: z.string(),
                change: z.enum(['improved', 'slipped']),
              }),
            ),
          }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return compare({ db, orgId: access.orgId, fromId: req.query.from, toId: req.query.to });
    },
  );

  app.get(
    `${base}/:assessmentId`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'An assessment: every requirement with its answer, roll-ups by clause and review area',
        params,
        response: { 200: assessmentSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return getAssessment({ db, orgId: access.orgId, assessmentId: req.params.assessmentId });
    },
  );

  app.patch(
    `${base}/:assessmentId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Rename, re-date, complete or reopen an assessment',
        params,
        body: updateAssessmentBody,
        response: { 200: assessmentSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return updateAssessment({
        db,
        actor: access.actor,
        orgId: access.orgId,
        assessmentId: req.params.assessmentId,
        patch: req.body,
      });
    },
  );

  app.put(
    `${base}/:assessmentId/answers/:requirementId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Answer one requirement or control',
        description: `${IF_MATCH_NOTE} The answer's ETag is W/"<its updatedAt>", W/"none" while unanswered.`,
        headers: ifMatchHeaders,
        params: params.extend({ requirementId: z.string().min(1).max(16) }),
        body: answerBody,
        response: { 200: answerSchema, ...problemResponses, 409: staleProblemSchema(answerSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const answer = await saveAnswer({
          db,
          actor: access.actor,
          orgId: access.orgId,
          assessmentId: req.params.assessmentId,
          requirementId: req.params.requirementId,
          input: req.body,
          ifMatch: ifMatchOf(req),
        });
        return reply.header('etag', etagOf(answer.updatedAt)).send(answer);
      }),
  );

  app.delete(
    `${base}/:assessmentId/answers/:requirementId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Clear an answer back to "not answered yet"',
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params: params.extend({ requirementId: z.string().min(1).max(16) }),
        response: { 200: answerSchema, ...problemResponses, 409: staleProblemSchema(answerSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        return clearAnswer({
          db,
          actor: access.actor,
          orgId: access.orgId,
          assessmentId: req.params.assessmentId,
          requirementId: req.params.requirementId,
          ifMatch: ifMatchOf(req),
        });
      }),
  );

  app.get(
    `${base}/:assessmentId/actions`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The action plan, by priority',
        params,
        response: { 200: z.object({ items: z.array(actionSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await listActions({ db, orgId: access.orgId, assessmentId: req.params.assessmentId }) };
    },
  );

  app.post(
    `${base}/:assessmentId/action-plan`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Turn every gap without an action into one',
        params,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ items: z.array(actionSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return {
        items: await generateActionPlan({ db, actor: access.actor, orgId: access.orgId, assessmentId: req.params.assessmentId }),
      };
    },
  );

  app.patch(
    '/api/v1/orgs/:orgId/gap-actions/:actionId',
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Track an action: status, owner, due date',
        description: `${IF_MATCH_NOTE} An action's ETag is W/"<its updatedAt>".`,
        headers: ifMatchHeaders,
        params: orgParams.extend({ actionId: uuid() }),
        body: updateActionBody,
        response: { 200: actionSchema, ...problemResponses, 409: staleProblemSchema(actionSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const action = await updateAction({
          db,
          actor: access.actor,
          orgId: access.orgId,
          actionId: req.params.actionId,
          patch: req.body,
          ifMatch: ifMatchOf(req),
        });
        return reply.header('etag', etagOf(action.updatedAt)).send(action);
      }),
  );

  app.get(
    `${base}/:assessmentId/report`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The gap report with the action plan, as PDF, XLSX, DOCX or HTML',
        params,
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the report file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return sendReport(reply, await loadGapReport(db, access.orgId, req.params.assessmentId), req.query.format);
    },
  );
};
