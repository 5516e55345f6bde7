import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  etagOf,
  expectedUpdatedAt,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  staleProblemSchema,
  withStale,
} from '../../platform/register/index.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { approveBody, compareQuery } from '../../platform/versioned/index.js';
import { addOwnControl, patchSoaRow, removeOwnControl } from './soa.edit.js';
import { loadSoaReport } from './soa.report.js';
import { ownControlCreateBody, rowPatchBody, soaCurrentSchema, soaSchemas } from './soa.schemas.js';
import { currentSoa, soa } from './soa.service.js';

// The Statement of Applicability under /api/v1/orgs/:orgId/soa:
//   GET    /soa                          the current rows (draft, else approved, else the starting rows)
//   PATCH  /soa/rows/:controlId          edit one row (inline editing)
//   POST   /soa/own-controls             add an own control
//   DELETE /soa/own-controls/:controlId  remove an own control
//   PUT    /soa/draft, DELETE /soa/draft, POST /soa/draft/approve
//   GET    /soa/versions, /soa/versions/:version, /soa/compare
//   GET    /soa/export, /soa/versions/:version/export  (XLSX, PDF, HTML, DOCX)
// GET /soa answers the current rows rather than the kit's overview (approved
// and draft), so the versioned routes are declared here with the kit's
// schemas and record instead of registerVersionedRoutes.

const tags = ['soa'];
const base = `${ORG_ROUTE_PREFIX}/soa`;
const versionParams = orgParams.extend({ version: z.coerce.number().int().min(1) });
const rowParams = orgParams.extend({ controlId: z.string().min(1).max(40) });
const exportQuery = z.strictObject({ format: z.enum(REPORT_FORMATS).default('xlsx') });
const stale = staleProblemSchema(soaCurrentSchema);
const staleVersion = staleProblemSchema(soaSchemas.version);

export const soaRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    base,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The Statement of Applicability as it stands: every Annex A control and the own controls, with linked risks',
        params: orgParams,
        response: { 200: soaCurrentSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const current = await currentSoa(db, orgAccess(req).orgId);
      // Serialized here, not through the response schema: buildRows builds
      // the rows to the schema, and a second pass over 40 rows of up to 20
      // linked risks each buys nothing (bench/soa.ts).
      return reply
        .header('etag', current.etag)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(current) as never);
    },
  );

  const writeSchema = { description: IF_MATCH_NOTE, headers: ifMatchHeaders, tags };
  const sendCurrent = (reply: FastifyReply, current: z.infer<typeof soaCurrentSchema>, code = 200) =>
    reply.code(code).header('etag', current.etag).send(current);

  app.patch(
    `${base}/rows/:controlId`,
    {
      config: { permission: 'write' },
      schema: {
        ...writeSchema,
        summary:
          'Edit one row: applicability, justification, status, implementation, owner (own controls also title and description)',
        params: rowParams,
        body: rowPatchBody,
        response: { 200: soaCurrentSchema, ...problemResponses, 409: stale },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const current = await patchSoaRow(
          db,
          access.actor,
          access.orgId,
          req.params.controlId,
          req.body,
          expectedUpdatedAt(ifMatchOf(req)),
        );
        return sendCurrent(reply, current);
      }),
  );

  app.post(
    `${base}/own-controls`,
    {
      config: { permission: 'write' },
      schema: {
        ...writeSchema,
        summary: 'Add an own control (its id given, or the next free OC-nn)',
        params: orgParams,
        body: ownControlCreateBody,
        response: { 201: soaCurrentSchema, ...problemResponses, 409: stale },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const current = await addOwnControl(db, access.actor, access.orgId, req.body, expectedUpdatedAt(ifMatchOf(req)));
        return sendCurrent(reply, current, 201);
      }),
  );

  app.delete(
    `${base}/own-controls/:controlId`,
    {
      config: { permission: 'write' },
      schema: {
        ...writeSchema,
        summary: 'Remove an own control (refused while a risk treatment relies on it)',
        params: rowParams,
        response: { 200: soaCurrentSchema, ...problemResponses, 409: stale },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const current = await removeOwnControl(
          db,
          access.actor,
          access.orgId,
          req.params.controlId,
          expectedUpdatedAt(ifMatchOf(req)),
        );
        return sendCurrent(reply, current);
      }),
  );

  app.put(
    `${base}/draft`,
    {
      config: { permission: 'write' },
      schema: {
        ...writeSchema,
        summary: 'Save the whole draft (starts a new version after an approval); every Annex A control keeps its row',
        params: orgParams,
        body: soaSchemas.saveDraftBody,
        response: { 200: soaSchemas.version, ...problemResponses, 409: staleVersion },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const saved = await soa.saveDraft(db, access.actor, { orgId: access.orgId }, req.body.content, {
          expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)),
        });
        return reply.header('etag', etagOf(saved.updatedAt)).send(saved);
      }),
  );

  app.delete(
    `${base}/draft`,
    {
      config: { permission: 'write' },
      schema: {
        ...writeSchema,
        summary: 'Discard the draft',
        params: orgParams,
        response: { 204: z.null(), ...problemResponses, 409: staleVersion },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        await soa.discardDraft(
          db,
          access.actor,
          { orgId: access.orgId },
          { expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)) },
        );
        return reply.code(204).send(null);
      }),
  );

  app.post(
    `${base}/draft/approve`,
    {
      config: { permission: 'approve' },
      schema: {
        ...writeSchema,
        summary: 'Approve the draft: it becomes an immutable version (open warnings need a reason each, or one per code)',
        params: orgParams,
        body: approveBody,
        response: { 200: soaSchemas.version, ...problemResponses, 409: staleVersion },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        return soa.approve(
          db,
          access.actor,
          { orgId: access.orgId },
          {
            note: req.body.note,
            exceptions: req.body.exceptions,
            expectedUpdatedAt: expectedUpdatedAt(ifMatchOf(req)),
          },
        );
      }),
  );

  app.get(
    `${base}/versions`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Every SoA version, newest first',
        params: orgParams,
        response: { 200: z.object({ items: z.array(soaSchemas.version) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await soa.listVersions(db, { orgId: orgAccess(req).orgId }) }),
  );

  app.get(
    `${base}/versions/:version`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One SoA version, every Annex A row filled in',
        params: versionParams,
        response: { 200: soaSchemas.version, ...problemResponses },
      },
    },
    async (req) => soa.getVersion(db, { orgId: orgAccess(req).orgId }, req.params.version),
  );

  app.get(
    `${base}/compare`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'What changed between two SoA versions, row by row',
        params: orgParams,
        querystring: compareQuery,
        response: { 200: soaSchemas.comparison, ...problemResponses },
      },
    },
    async (req) => soa.compare(db, { orgId: orgAccess(req).orgId }, req.query.from, req.query.to),
  );

  const exportResponse = { 200: z.any().describe('the SoA file'), ...problemResponses, 503: problemSchema };
  app.get(
    `${base}/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The current SoA as a file: XLSX (default), PDF, HTML or DOCX, with version, approval date and approver',
        params: orgParams,
        querystring: exportQuery,
        produces: REPORT_MEDIA_TYPES,
        response: exportResponse,
      },
    },
    async (req, reply) => sendReport(reply, await loadSoaReport(db, orgAccess(req).orgId, null), req.query.format),
  );

  app.get(
    `${base}/versions/:version/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One SoA version as a file: XLSX (default), PDF, HTML or DOCX',
        params: versionParams,
        querystring: exportQuery,
        produces: REPORT_MEDIA_TYPES,
        response: exportResponse,
      },
    },
    async (req, reply) => sendReport(reply, await loadSoaReport(db, orgAccess(req).orgId, req.params.version), req.query.format),
  );
};
