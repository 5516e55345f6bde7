import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { auditEntrySchema } from '../../platform/audit-log/audit-log.routes.js';
import { invalid } from '../../platform/http/errors.js';
import { isoDate, uuid } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import {
  createRecord,
  getRecord,
  IF_MATCH_NOTE,
  ifMatchHeaders,
  ifMatchOf,
  listRecords,
  recordHistory,
  registerRoutes,
  setArchived,
  staleProblemSchema,
  updateRecord,
  withStale,
} from '../../platform/register/index.js';
import { getCertificationAuditRef } from '../certification-audits/index.js';
import { surveillanceReadiness } from './certificates.readiness.js';
import { certificateRegister } from './certificates.register.js';
import {
  certificateListQuery,
  certificatePrefillSchema,
  certificateSchema,
  createCertificateBody,
  createDecisionBody,
  cycleSchema,
  decisionCheckSchema,
  decisionListQuery,
  decisionSchema,
  readinessSchema,
  statusChangeBody,
  updateCertificateBody,
  updateDecisionBody,
} from './certificates.schemas.js';
import { certificatePrefill, certificationCycle, changeStatus, setPublished } from './certificates.service.js';
import { auditLabel, checkDecision, decisionRegister } from './decisions.register.js';

const tags = ['certificates'];
const decisions = `${ORG_ROUTE_PREFIX}/certification-decisions`;
const decisionParams = orgParams.extend({ decisionId: uuid() });
const certificateParams = orgParams.extend({ certificateId: uuid() });
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const certificateRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // Decisions are the certification body's, recorded by someone who may
  // approve: plain routes over the register kit, so their permission is approve.
  app.get(
    decisions,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Certification decisions, newest first',
        params: orgParams,
        querystring: decisionListQuery,
        response: { 200: list(decisionSchema), ...problemResponses },
      },
    },
    async (req) => listRecords(db, decisionRegister, orgAccess(req).orgId, req.query),
  );

  app.get(
    `${decisions}/check`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'Before recording a decision: the major nonconformities that block "granted", the six-month warning on Stage 2 majors and the cycle a grant would start',
        params: orgParams,
        querystring: z.strictObject({ auditId: uuid(), decidedOn: isoDate() }),
        response: { 200: decisionCheckSchema, ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      const audit = await getCertificationAuditRef(db, orgId, req.query.auditId);
      if (!audit) throw invalid([{ field: 'query.auditId', message: 'is not a certification audit of this organization' }]);
      const check = await checkDecision(db, orgId, audit, req.query.decidedOn);
      return {
        audit: { id: audit.id, label: auditLabel(audit), type: audit.type, endDate: audit.endDate },
        blockingNonconformities: check.blocking,
        warnings: check.warnings,
        cycle: check.cycle,
      };
    },
  );

  app.post(
    decisions,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Record a certification decision; "granted" is refused (409 naming body.auditId) while a major nonconformity of the audit is open',
        params: orgParams,
        body: createDecisionBody,
        response: { 201: decisionSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await createRecord(db, access.actor, decisionRegister, access.orgId, req.body);
      return reply.code(201).header('etag', etag).send(item);
    },
  );

  app.get(
    `${decisions}/:decisionId`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'A certification decision',
        params: decisionParams,
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const { item, etag } = await getRecord(db, decisionRegister, orgAccess(req).orgId, req.params.decisionId);
      return reply.header('etag', etag).send(item);
    },
  );

  app.patch(
    `${decisions}/:decisionId`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Correct a certification decision (the same checks as recording it)',
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params: decisionParams,
        body: updateDecisionBody,
        response: { 200: decisionSchema, ...problemResponses, 409: staleProblemSchema(decisionSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const { item, etag } = await updateRecord(
          db,
          access.actor,
          decisionRegister,
          access.orgId,
          req.params.decisionId,
          req.body,
          {
            ifMatch: ifMatchOf(req),
          },
        );
        return reply.header('etag', etag).send(item);
      }),
  );

  app.post(
    `${decisions}/:decisionId/archive`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Archive a decision recorded by mistake',
        params: decisionParams,
        response: { 200: decisionSchema, ...problemResponses },
      },
    },
    async (req) =>
      (await setArchived(db, orgAccess(req).actor, decisionRegister, orgAccess(req).orgId, req.params.decisionId, true)).item,
  );

  app.get(
    `${decisions}/:decisionId/history`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The decision's change history",
        params: decisionParams,
        response: { 200: z.object({ items: z.array(auditEntrySchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await recordHistory(db, decisionRegister, orgAccess(req).orgId, req.params.decisionId) }),
  );

  app.get(
    `${ORG_ROUTE_PREFIX}/certificates/prefill`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'New certificate from a granted decision: the fields filled from the decision, the organization profile, the approved scope and the chosen certification body',
        params: orgParams,
        querystring: z.strictObject({ decisionId: uuid() }),
        response: { 200: certificatePrefillSchema, ...problemResponses },
      },
    },
    async (req) => certificatePrefill(db, orgAccess(req).orgId, req.query.decisionId),
  );

  registerRoutes(app, certificateRegister, {
    path: 'certificates',
    idParam: 'certificateId',
    tags,
    itemSchema: certificateSchema,
    listQuery: certificateListQuery,
    createBody: createCertificateBody,
    updateBody: updateCertificateBody,
    summaries: {
      list: 'Certificates the organization holds, with their status (expired is derived from the expiry date)',
      create: 'Record a certificate issued after a granted decision',
      get: 'A certificate with every field it shows, its status and warnings',
      update: 'Correct a certificate (status and publishing have their own actions)',
      archive: 'Archive a certificate recorded by mistake',
      restore: 'Restore an archived certificate',
      history: "The certificate's history: edits, status changes, publishing",
    },
  });

  app.post(
    `${ORG_ROUTE_PREFIX}/certificates/:certificateId/status`,
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary:
          'Record that the certification body suspended, withdrew or reinstated the certificate, with the reason and the day',
        params: certificateParams,
        body: statusChangeBody,
        response: { 200: certificateSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { item, etag } = await changeStatus(db, access.actor, access.orgId, req.params.certificateId, req.body);
      return reply.header('etag', etag).send(item);
    },
  );

  for (const [action, published] of [
    ['publish', true],
    ['unpublish', false],
  ] as const) {
    app.post(
      `${ORG_ROUTE_PREFIX}/certificates/:certificateId/${action}`,
      {
        config: { permission: 'approve' },
        schema: {
          tags,
          summary: published
            ? 'Publish the certificate on its public verification page (/verify/<number>); 409 naming body.certificateNumber when another published certificate has the number'
            : 'Take the certificate off its public verification page',
          params: certificateParams,
          body: z.strictObject({}).nullish(),
          response: { 200: certificateSchema, ...problemResponses },
        },
      },
      async (req, reply) => {
        const access = orgAccess(req);
        const { item, etag } = await setPublished(db, access.actor, access.orgId, req.params.certificateId, published);
        return reply.header('etag', etag).send(item);
      },
    );
  }

  app.get(
    `${ORG_ROUTE_PREFIX}/certification-cycle`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          "The current certificate's three-year cycle: decision, surveillance 1 and 2, recertification decision, expiry; each done, due or overdue from the audits held",
        params: orgParams,
        response: { 200: cycleSchema, ...problemResponses },
      },
    },
    async (req) => certificationCycle(db, orgAccess(req).orgId),
  );

  app.get(
    `${ORG_ROUTE_PREFIX}/surveillance-readiness`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary:
          'What changed since the last certification audit ended (or the decision), by the themes a surveillance audit reviews',
        params: orgParams,
        response: { 200: readinessSchema, ...problemResponses },
      },
    },
    async (req) => surveillanceReadiness(db, orgAccess(req).orgId),
  );
};
