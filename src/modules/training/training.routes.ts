import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayUtc } from '../../platform/dates.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes, setArchived } from '../../platform/register/index.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { criterionRegister } from './training.criteria.js';
import { importTemplate, importTrainingRecords } from './training.import.js';
import { computeMatrix } from './training.matrix.js';
import { recordRegister } from './training.records.js';
import { loadTrainingReport } from './training.report.js';
import {
  createCriterionBody,
  createRecordBody,
  createTopicBody,
  criterionListQuery,
  criterionSchema,
  importProblemSchema,
  importQuery,
  importReportSchema,
  matrixQuery,
  matrixSchema,
  recordListQuery,
  recordSchema,
  teamBody,
  topicListQuery,
  topicSchema,
  updateCriterionBody,
  updateRecordBody,
  updateTopicBody,
} from './training.schemas.js';
import { setMemberTeam } from './training.teams.js';
import { topicRegister } from './training.topics.js';

const tags = ['training'];
/** a few thousand rows of CSV */
const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // Scoped to this plugin: only the import takes a CSV body.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  registerRoutes(app, topicRegister, {
    path: 'trainings',
    idParam: 'topicId',
    tags,
    itemSchema: topicSchema,
    listQuery: topicListQuery,
    createBody: createTopicBody,
    updateBody: updateTopicBody,
    summaries: {
      list: 'Training topics (clause 7.3): who must take each and how often it is refreshed',
      create: 'Add a training topic',
      get: 'A training topic with its audience',
      update: 'Change a training topic (its audience, refresher period, document)',
      archive: 'Archive a training topic (kept with its history and records; it leaves the matrix)',
      restore: 'Restore an archived training topic',
      history: "The topic's change history from the audit log",
    },
  });

  app.get(
    `${ORG_ROUTE_PREFIX}/training-records/import-template`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The header line of a training records import (CSV)',
        params: orgParams,
        produces: ['text/csv'],
        response: { 200: z.string().describe('the CSV header line'), ...problemResponses },
      },
    },
    async (_req, reply) =>
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="training-records-template.csv"')
        .send(importTemplate()),
  );

  app.post(
    `${ORG_ROUTE_PREFIX}/training-records/import`,
    {
      config: { permission: 'write' },
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import completion records from CSV: all rows or none',
        description:
          'Send the CSV itself as the body (text/csv) with the columns email, topic (TRN-001 or the title), completed_on, ' +
          'and optionally expires_on, evidence_url, notes. With errors nothing is written and the response (400) lists ' +
          'every bad row and column. dryRun=true returns the same report without writing.',
        params: orgParams,
        querystring: importQuery,
        consumes: ['text/csv'],
        body: z.custom<string>(() => true).meta({ type: 'string', description: 'the CSV file' }),
        response: {
          200: importReportSchema,
          400: importProblemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          413: problemSchema,
        },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const body = typeof req.body === 'string' || Buffer.isBuffer(req.body) ? req.body : '';
      const report = await importTrainingRecords(db, access.actor, access.orgId, body, { dryRun: req.query.dryRun === 'true' });
      if (report.errors.length && !report.dryRun)
        return reply
          .code(400)
          .type('application/problem+json')
          .send({ type: 'about:blank', title: 'Import rejected', status: 400, ...report });
      return report;
    },
  );

  registerRoutes(app, recordRegister, {
    path: 'training-records',
    idParam: 'recordId',
    tags,
    itemSchema: recordSchema,
    listQuery: recordListQuery,
    createBody: createRecordBody,
    updateBody: updateRecordBody,
    summaries: {
      list: 'Training completion records: who completed which topic, when, and until when it counts',
      create: 'Record a training completion (its expiry follows the topic’s refresher unless given)',
      get: 'A training completion record',
      update: 'Change a training completion record',
      archive: 'Archive a completion record entered by mistake (kept with its history)',
      restore: 'Restore an archived completion record',
      history: "The record's change history from the audit log",
    },
  });

  registerRoutes(app, criterionRegister, {
    path: 'training/competence',
    idParam: 'criterionId',
    tags,
    itemSchema: criterionSchema,
    listQuery: criterionListQuery,
    createBody: createCriterionBody,
    updateBody: updateCriterionBody,
    summaries: {
      list: 'Competence criteria (clause 7.2) per governance role and team, with the topics they require',
      create: 'Add a competence criterion for a governance role or a team',
      get: 'A competence criterion',
      update: 'Change a competence criterion',
      archive: 'Archive a competence criterion (it no longer requires its topics)',
      restore: 'Restore an archived competence criterion',
      history: "The criterion's change history from the audit log",
    },
  });

  app.delete(
    `${ORG_ROUTE_PREFIX}/training/competence/:criterionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Remove a competence criterion (archived, so its history stays)',
        params: orgParams.extend({ criterionId: uuid() }),
        response: { 204: z.null().describe('removed'), ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      await setArchived(db, access.actor, criterionRegister, access.orgId, req.params.criterionId, true);
      return reply.code(204).send(null);
    },
  );

  app.put(
    `${ORG_ROUTE_PREFIX}/training/people/:userId`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: "Set a member's team (null or empty: none); topics and criteria by team use it",
        params: orgParams.extend({ userId: uuid() }),
        body: teamBody,
        response: { 200: z.object({ userId: z.string(), team: z.string().nullable() }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return setMemberTeam(db, access.actor, access.orgId, req.params.userId, req.body.team);
    },
  );

  app.get(
    `${ORG_ROUTE_PREFIX}/training/matrix/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The matrix and every current completion record as one document: XLSX (default), PDF, HTML or DOCX',
        params: orgParams,
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('xlsx') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the document'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => sendReport(reply, await loadTrainingReport(db, orgAccess(req).orgId, todayUtc()), req.query.format),
  );

  app.get(
    `${ORG_ROUTE_PREFIX}/training/matrix`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The training matrix: each active member against each topic, complete, expiring, overdue, missing or not required',
        params: orgParams,
        querystring: matrixQuery,
        response: { 200: matrixSchema, ...problemResponses },
      },
    },
    async (req) => computeMatrix(db, orgAccess(req).orgId, todayUtc(), { team: req.query.team }),
  );
};
