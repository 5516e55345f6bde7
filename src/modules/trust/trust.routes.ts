import { throttlePublic } from '../../platform/http/public-throttle.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { IF_MATCH_NOTE, ifMatchHeaders, ifMatchOf, staleProblemSchema, withStale } from '../../platform/register/index.js';
import { legalNameOf, localeOfCountry, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { getOrganization, getProfile } from '../organizations/index.js';
import { buildAnswersReport } from './trust.report.js';
import {
  buyerAnswerSchema,
  buyerAnswersSchema,
  editAnswerBody,
  publicTrustPageSchema,
  publishBody,
  publishedPageSchema,
  questionIdSchema,
  timelineSchema,
} from './trust.schemas.js';
import { publicTrustPage, TRUST_PAGE_LIMIT } from './trust.public.js';
import * as service from './trust.service.js';

const tags = ['buyer-readiness'];
const base = ORG_ROUTE_PREFIX;
const answerParams = orgParams.extend({ questionId: questionIdSchema });

export const trustRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${base}/certification-timeline`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The organization type (from profile and inventory) with its planning range, and Stage 1 and Stage 2 dates: planned audits, else a forecast from the open work',
        params: orgParams,
        response: { 200: timelineSchema, ...problemResponses },
      },
    },
    async (req) => service.certificationTimeline(db, orgAccess(req).orgId),
  );

  app.get(
    `${base}/buyer-answers`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The seven buyer questions, each with a draft written from the records, any edit, and the trust page state',
        params: orgParams,
        response: { 200: buyerAnswersSchema, ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      const [items, trustPage] = await Promise.all([service.listAnswers(db, orgId), service.trustPageOf(db, orgId)]);
      return { items, trustPage };
    },
  );

  app.get(
    `${base}/buyer-answers/report`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The answers as they read now, with the certification timeline: PDF (default) or DOCX',
        params: orgParams,
        querystring: z.strictObject({ format: z.enum(['pdf', 'docx']).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the answers as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const [answers, timeline, org, profile] = await Promise.all([
        service.listAnswers(db, orgId),
        service.certificationTimeline(db, orgId),
        getOrganization(db, orgId),
        getProfile(db, orgId),
      ]);
      const report = buildAnswersReport({
        organization: legalNameOf(org, profile),
        locale: localeOfCountry(profile.country),
        answers,
        timeline,
        generatedAt: new Date().toISOString(),
      });
      return sendReport(reply, report, req.query.format);
    },
  );

  app.put(
    `${base}/buyer-answers/:questionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: `Store an edited answer; the generated draft is kept beside it. ${IF_MATCH_NOTE}`,
        headers: ifMatchHeaders,
        params: answerParams,
        body: editAnswerBody,
        response: { 200: buyerAnswerSchema, ...problemResponses, 409: staleProblemSchema(buyerAnswerSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return withStale(reply, async () => {
        const a = await service.editAnswer(db, access.actor, access.orgId, req.params.questionId, req.body.text, ifMatchOf(req));
        reply.header('etag', a.etag);
        return a;
      });
    },
  );

  app.delete(
    `${base}/buyer-answers/:questionId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: `Revert to the generated draft (drops the edit). ${IF_MATCH_NOTE}`,
        headers: ifMatchHeaders,
        params: answerParams,
        response: { 200: buyerAnswerSchema, ...problemResponses, 409: staleProblemSchema(buyerAnswerSchema) },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      return withStale(reply, () => service.revertAnswer(db, access.actor, access.orgId, req.params.questionId, ifMatchOf(req)));
    },
  );

  app.post(
    `${base}/trust-page/publish`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Publish the answers as they read now at /trust/<slug> (publish again to update); the slug is unique across organizations (409 when taken)',
        params: orgParams,
        body: publishBody,
        response: { 200: publishedPageSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.publishTrustPage(db, access.actor, access.orgId, req.body.slug);
    },
  );

  app.post(
    `${base}/trust-page/unpublish`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Take the trust page down; its address stays reserved for this organization',
        params: orgParams,
        body: z.strictObject({}).nullish(),
        response: { 200: publishedPageSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.unpublishTrustPage(db, access.actor, access.orgId);
    },
  );
};

/** GET /api/v1/public/trust/:slug (no sign-in, rate-limited) */
export const publicTrustRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  app.get(
    '/api/v1/public/trust/:slug',
    {
      schema: {
        tags: ['public'],
        security: [],
        summary:
          "An organization's published trust page: its name, the answers as published, the certificate's verification link; no sign-in, limited per address (429 with Retry-After)",
        params: z.object({ slug: z.string().max(200) }),
        response: { 200: publicTrustPageSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (req) => {
      await throttlePublic(db, TRUST_PAGE_LIMIT, req.ip);
      return publicTrustPage(db, req.params.slug);
    },
  );
};
