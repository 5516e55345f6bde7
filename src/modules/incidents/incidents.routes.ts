import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_BOM, csvLines } from '../../exports/csv.js';
import { textStream } from '../../exports/stream.js';
import { sendDownload } from '../../platform/http/download.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { getRecord, listRecords, registerRoutes } from '../../platform/register/index.js';
import { dateFormat, REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { incidentRegister } from './incidents.register.js';
import {
  buildIncidentListReport,
  buildIncidentReport,
  INCIDENT_LIST_COLUMNS,
  incidentListRows,
  reportOrg,
} from './incidents.report.js';
import { INCIDENT_STATUSES, SEVERITIES } from './incidents.rules.js';
import {
  addUpdateBody,
  createIncidentBody,
  type Incident,
  incidentListQuery,
  incidentSchema,
  incidentUpdateSchema,
  timelineEventSchema,
  updateIncidentBody,
} from './incidents.schemas.js';
import { addIncidentUpdate, incidentSummary, incidentTimeline } from './incidents.service.js';

const tags = ['incidents'];
const base = `${ORG_ROUTE_PREFIX}/incidents`;
const incidentParams = orgParams.extend({ incidentId: uuid() });

const exportQuery = z.strictObject({
  format: z.enum(['csv', ...REPORT_FORMATS]).default('xlsx'),
  status: z.enum(INCIDENT_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  aiSystemId: uuid().optional(),
});

const summarySchema = z
  .object({
    open: z.number().int(),
    bySeverity: z.object(
      Object.fromEntries(SEVERITIES.map((s) => [s, z.number().int()])) as Record<(typeof SEVERITIES)[number], z.ZodNumber>,
    ),
    notEscalated: z.number().int(),
    closedLast90Days: z.number().int(),
  })
  .meta({ id: 'IncidentSummary' });

export const incidentRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${base}/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Incidents not closed, per severity, not escalated, and closed in the last 90 days',
        params: orgParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (req) => incidentSummary(db, orgAccess(req).orgId),
  );

  app.get(
    `${base}/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The incident register as a list: XLSX (default), CSV, PDF, HTML or DOCX, with the list’s filters',
        params: orgParams,
        querystring: exportQuery,
        produces: ['text/csv', ...REPORT_MEDIA_TYPES],
        response: { 200: z.any().describe('the list as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const { format, ...filters } = req.query;
      async function* pages() {
        let cursor: string | undefined;
        do {
          const page = await listRecords(db, incidentRegister, orgId, { ...filters, limit: 200, cursor, sort: 'number' });
          yield page.items;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      const org = await reportOrg(db, orgId);
      const generatedAt = new Date().toISOString();
      if (format === 'csv') {
        // Streamed a page at a time (src/exports/stream.ts): a large register never sits in memory.
        const when = dateFormat(org.locale).dateTime;
        const body = textStream(
          (async function* () {
            yield CSV_BOM + csvLines([INCIDENT_LIST_COLUMNS]);
            for await (const page of pages()) yield csvLines(incidentListRows(page, when));
          })(),
        );
        body.once('error', (err) => req.log.error({ err }, 'incident export failed while streaming'));
        return sendDownload(reply, {
          filename: `ai-incidents-${generatedAt.slice(0, 10)}.csv`,
          contentType: 'text/csv; charset=utf-8',
          body,
        });
      }
      // A report is a document a person reads: built whole by the report kit.
      const incidents: Incident[] = [];
      for await (const page of pages()) incidents.push(...page);
      return sendReport(reply, buildIncidentListReport({ ...org, incidents, generatedAt }), format);
    },
  );

  registerRoutes(app, incidentRegister, {
    path: 'incidents',
    idParam: 'incidentId',
    tags,
    itemSchema: incidentSchema,
    listQuery: incidentListQuery,
    createBody: createIncidentBody,
    updateBody: updateIncidentBody,
    summaries: {
      list: 'AI incidents (Annex A.8.4), filtered by status, severity and AI system',
      create:
        'Record an AI incident; without an escalation person it is escalated to the holder of the incident escalation role (flagged when the role is vacant)',
      get: 'An AI incident with its escalation, communications and flags',
      update:
        'Change an incident (status, communications, root cause…); closing needs the root cause, the lessons learned and, when high or critical, a communication or a reason none was needed',
      archive: 'Archive an incident recorded by mistake (kept with its history)',
      restore: 'Restore an archived incident',
      history: "The incident's change history from the audit log",
    },
  });

  app.get(
    `${base}/:incidentId/timeline`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What happened to the incident, oldest first: detection, escalation, communications, changes, updates',
        params: incidentParams,
        response: { 200: z.object({ items: z.array(timelineEventSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await incidentTimeline(db, orgAccess(req).orgId, req.params.incidentId) }),
  );

  app.post(
    `${base}/:incidentId/updates`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: 'Add an update (a running note) to the incident’s timeline',
        params: incidentParams,
        body: addUpdateBody,
        response: { 201: incidentUpdateSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const update = await addIncidentUpdate(db, access.actor, access.orgId, req.params.incidentId, req.body);
      return reply.code(201).send(update);
    },
  );

  app.get(
    `${base}/:incidentId/report`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One incident as a report with its timeline: PDF (default), DOCX, HTML or XLSX',
        params: incidentParams,
        querystring: z.strictObject({ format: z.enum(REPORT_FORMATS).default('pdf') }),
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the report as a file'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => {
      const { orgId } = orgAccess(req);
      const [{ item }, timeline, org] = await Promise.all([
        getRecord(db, incidentRegister, orgId, req.params.incidentId),
        incidentTimeline(db, orgId, req.params.incidentId),
        reportOrg(db, orgId),
      ]);
      const report = buildIncidentReport({ ...org, incident: item, timeline, generatedAt: new Date().toISOString() });
      return sendReport(reply, report, req.query.format);
    },
  );
};
