import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { conflict } from '../../platform/http/errors.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { findRow, registerRoutes } from '../../platform/register/index.js';
import { localeOfCountry, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { certificationBodyRegister } from './certification-bodies.register.js';
import { buildQuoteRequestReport } from './certification-bodies.quote-report.js';
import { compileQuoteRequest, quoteRequestSchema } from './certification-bodies.quote-request.js';
import {
  bodyListQuery,
  bodySchema,
  chooseBody,
  createBodyBody,
  settingsBody,
  settingsSchema,
  summarySchema,
  updateBodyBody,
} from './certification-bodies.schemas.js';
import * as service from './certification-bodies.service.js';

const tags = ['certification-bodies'];
const base = `${ORG_ROUTE_PREFIX}/certification-bodies`;
const bodyParams = orgParams.extend({ bodyId: uuid() });

export const certificationBodyRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${base}/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Bodies still in the running, the chosen one, and their warnings counted',
        params: orgParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (req) => service.certificationBodySummary(db, orgAccess(req).orgId),
  );

  app.get(
    `${base}/settings`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The quote request settings: the month the organization would like its Stage 2 audit',
        params: orgParams,
        response: { 200: settingsSchema, ...problemResponses },
      },
    },
    async (req) => service.getSettings(db, orgAccess(req).orgId),
  );

  app.put(
    `${base}/settings`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Set the desired Stage 2 month (YYYY-MM) the quote request pack states',
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
    `${base}/quote-request`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'The quote request pack compiled from the profile, inventory, scope and documents, with a planning estimate of audit days: JSON (default), PDF or DOCX',
        params: orgParams,
        querystring: z.strictObject({ format: z.enum(['json', 'pdf', 'docx']).default('json') }),
        produces: ['application/json', ...REPORT_MEDIA_TYPES],
        response: { 200: quoteRequestSchema, ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const pack = await compileQuoteRequest(db, orgId);
      if (req.query.format === 'json') return pack;
      const report = buildQuoteRequestReport(pack, localeOfCountry(pack.organization.country));
      return sendReport(reply, report, req.query.format);
    },
  );

  // The chosen body is what certificates and audits point at: it is not
  // archived while chosen (the kit's archive knows no rule of its own, so the
  // route checks first; this plugin's hooks see only its own routes).
  app.addHook('preHandler', async (req) => {
    if (req.method !== 'POST' || !req.routeOptions.url?.endsWith('/certification-bodies/:bodyId/archive')) return;
    const { orgId } = orgAccess(req);
    const row = await findRow(db, certificationBodyRegister, orgId, (req.params as { bodyId: string }).bodyId);
    if (row?.status === 'chosen')
      throw conflict('This is the chosen certification body: choose another or mark it rejected before archiving it.');
  });

  registerRoutes(app, certificationBodyRegister, {
    path: 'certification-bodies',
    idParam: 'bodyId',
    tags,
    itemSchema: bodySchema,
    listQuery: bodyListQuery,
    createBody: createBodyBody,
    updateBody: updateBodyBody,
    summaries: {
      list: 'Candidate certification bodies compared side by side (journey step 9), with their warnings',
      create: 'Add a candidate certification body with what is known of it',
      get: 'A candidate certification body with its warnings and, once chosen, the reasons given',
      update: 'Change a candidate (status candidate or rejected; chosen only through choose)',
      archive: 'Archive a candidate (not the chosen one)',
      restore: 'Restore an archived candidate',
      history: "The candidate's change history from the audit log",
    },
  });

  app.post(
    `${base}/:bodyId/choose`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Choose this body: it becomes the one chosen (the previous one goes back to candidate). Each warning it carries needs a reason in body.reasons.<warning>.',
        params: bodyParams,
        body: chooseBody.nullish(),
        response: { 200: bodySchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return (await service.chooseBody(db, access.actor, access.orgId, req.params.bodyId, req.body?.reasons ?? {})).item;
    },
  );
};
