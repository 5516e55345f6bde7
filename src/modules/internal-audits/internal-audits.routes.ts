import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  getRecord,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  registerRoutes,
  staleProblemSchema,
  updateRecord,
  withStale,
} from '../../platform/register/index.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { listItems, raiseImprovement, updateItem } from './internal-audits.items.js';
import { raiseNonconformity } from './internal-audits.nc.js';
import { auditRegister } from './internal-audits.register.js';
import { buildAuditReport, reportOrg } from './internal-audits.report.js';
import {
  auditItemSchema,
  auditListQuery,
  auditSchema,
  createAuditBody,
  raiseImprovementBody,
  raiseNcBody,
  reportBody,
  startBody,
  updateAuditBody,
  updateItemBody,
} from './internal-audits.schemas.js';

const tags = ['internal-audits'];
const base = `${ORG_ROUTE_PREFIX}/internal-audits`;
const auditParams = orgParams.extend({ auditId: uuid() });
const itemParams = auditParams.extend({ itemId: uuid() });

export const internalAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  registerRoutes(app, auditRegister, {
    path: 'internal-audits',
    idParam: 'auditId',
    tags,
    itemSchema: auditSchema,
    listQuery: auditListQuery,
    createBody: createAuditBody,
    updateBody: updateAuditBody,
    summaries: {
      list: 'Internal audits (clause 9.2), filtered by status',
      create:
        'Plan an internal audit: scope, requirements, criteria, dates, auditors (one lead) and the records under audit; an auditor may not own a record under audit',
      get: 'An internal audit with its auditors, areas and checklist progress',
      update:
        'Change an internal audit; moving it to in progress generates the checklist, widening the scope of a started audit adds items',
      archive: 'Archive an internal audit recorded by mistake (kept with its history)',
      restore: 'Restore an archived internal audit',
      history: "The internal audit's change history from the audit log",
    },
  });

  /** A status change through the register, answering a stale If-Match with the current audit. */
  const move = async (
    req: { headers: Record<string, unknown> },
    reply: Parameters<typeof withStale>[0],
    orgId: string,
    actor: Parameters<typeof updateRecord>[1],
    id: string,
    patch: Parameters<typeof updateRecord<typeof auditRegister>>[5],
  ) =>
    withStale(reply, async () => {
      const { item, etag } = await updateRecord(db, actor, auditRegister, orgId, id, patch, {
        ifMatch: ifMatchOf(req as never),
      });
      reply.header('etag', etag);
      return item;
    });

  app.post(
    `${base}/:auditId/start`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary:
          'Start the audit: status in progress, started today unless a date was recorded, checklist generated with the facts held now',
        description: IF_MATCH_NOTE,
        params: auditParams,
        headers: ifMatchHeaders,
        body: startBody,
        response: { 200: auditSchema, ...problemResponses, 409: staleProblemSchema(auditSchema) },
      },
    },
    async (req, reply) => {
      const { orgId, actor } = orgAccess(req);
      return move(req, reply, orgId, actor, req.params.auditId, {
        status: 'in-progress',
        ...(req.body.actualStart ? { actualStart: req.body.actualStart } : {}),
      });
    },
  );

  app.post(
    `${base}/:auditId/report`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary:
          'Issue the audit report: the conclusions are recorded and the audit is reported (ended today unless a date is given)',
        description: IF_MATCH_NOTE,
        params: auditParams,
        headers: ifMatchHeaders,
        body: reportBody,
        response: { 200: auditSchema, ...problemResponses, 409: staleProblemSchema(auditSchema) },
      },
    },
    async (req, reply) => {
      const { orgId, actor } = orgAccess(req);
      return move(req, reply, orgId, actor, req.params.auditId, {
        status: 'reported',
        conclusions: req.body.conclusions,
        ...(req.body.actualEnd ? { actualEnd: req.body.actualEnd } : {}),
      });
    },
  );

  app.get(
    `${base}/:auditId/report`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The audit report with every checklist item: PDF (default), DOCX, HTML or XLSX',
        params: auditParams,
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the report as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const [{ item }, items, org] = await Promise.all([
        getRecord(db, auditRegister, orgId, req.params.auditId),
        listItems(db, orgId, req.params.auditId),
        reportOrg(db, orgId),
      ]);
      const report = buildAuditReport({ ...org, audit: item, items, generatedAt: new Date().toISOString() });
      return sendReport(reply, report, req.query.format);
    },
  );

  app.get(
    `${base}/:auditId/items`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The checklist of the audit, in order: standing topics, then the requirements in scope',
        params: auditParams,
        response: { 200: z.object({ items: z.array(auditItemSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listItems(db, orgAccess(req).orgId, req.params.auditId) }),
  );

  app.patch(
    `${base}/:auditId/items/:itemId`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Record the result, evidence reviewed and notes of a checklist item (the audit must be in progress)',
        description: `${IF_MATCH_NOTE} The ETag of an item is its own (the item's updatedAt).`,
        params: itemParams,
        headers: ifMatchHeaders,
        body: updateItemBody,
        response: { 200: auditItemSchema, ...problemResponses, 409: staleProblemSchema(auditItemSchema) },
      },
    },
    async (req, reply) => {
      const { orgId, actor } = orgAccess(req);
      return withStale(reply, async () => {
        const { item, etag } = await updateItem(
          db,
          actor,
          orgId,
          req.params.auditId,
          req.params.itemId,
          req.body,
          ifMatchOf(req),
        );
        reply.header('etag', etag);
        return item;
      });
    },
  );

  app.post(
    `${base}/:auditId/items/:itemId/nonconformity`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary:
          'Raise a nonconformity from an item whose result is a nonconformity; raising it again answers the one already raised',
        params: itemParams,
        body: raiseNcBody,
        response: { 200: auditItemSchema, ...problemResponses },
      },
    },
    async (req) => {
      const { orgId, actor } = orgAccess(req);
      return (await raiseNonconformity(db, actor, orgId, req.params.auditId, req.params.itemId, req.body)).item;
    },
  );

  app.post(
    `${base}/:auditId/items/:itemId/improvement`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Log an observation or opportunity for improvement in the improvement log; again answers the one logged',
        params: itemParams,
        body: raiseImprovementBody,
        response: { 200: auditItemSchema, ...problemResponses },
      },
    },
    async (req) => {
      const { orgId, actor } = orgAccess(req);
      return (await raiseImprovement(db, actor, orgId, req.params.auditId, req.params.itemId, req.body)).item;
    },
  );
};
