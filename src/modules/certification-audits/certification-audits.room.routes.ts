import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../platform/db/db.js';
import { ORG_ROUTE_PREFIX, orgAccess, problemResponses } from '../../platform/http/org-routes.js';
import { findRow } from '../../platform/register/index.js';
import { notFound } from '../../platform/http/errors.js';
import { grantAccess, listAccess, revokeAccess } from './certification-audits.access.js';
import { createFinding, listFindings } from './certification-audits.findings.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import { closeRequest, createRequest, listRequests, respondToRequest } from './certification-audits.requests.js';
import {
  accessGrantSchema,
  accessParams,
  auditParams,
  createFindingBody,
  createRequestBody,
  findingSchema,
  grantAccessBody,
  requestParams,
  requestSchema,
  respondBody,
} from './certification-audits.schemas.js';

// The audit room: who of the certification body has access and until when,
// the auditor's requests and the organization's answers, and the graded
// findings. The body's auditors hold the 'auditor' role: they read, raise
// requests and findings ('audit-room'), and answer nothing ('write').

const tags = ['certification-audits'];
const base = `${ORG_ROUTE_PREFIX}/certification-audits/:auditId`;

export async function auditRoomRoutes(app: FastifyInstance, db: Db) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const audit = async (orgId: string, auditId: string) => {
    if (!(await findRow(db, certificationAuditRegister, orgId, auditId))) throw notFound('Certification audit');
  };

  r.get(
    `${base}/access`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Who of the certification body has access through this audit, and from when until when',
        params: auditParams,
        response: { 200: z.object({ items: z.array(accessGrantSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      await audit(orgId, req.params.auditId);
      return { items: await listAccess(db, orgId, req.params.auditId) };
    },
  );

  r.post(
    `${base}/access`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "Give an external auditor the auditor role for the audit's days only (an account is created for a new email)",
        params: auditParams,
        body: grantAccessBody,
        response: { 201: accessGrantSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const a = orgAccess(req);
      return reply.code(201).send(await grantAccess(db, a.actor, a.orgId, req.params.auditId, req.body));
    },
  );

  r.delete(
    `${base}/access/:userId`,
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "End an auditor's access through this audit now",
        params: accessParams,
        response: { 200: z.object({ items: z.array(accessGrantSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const a = orgAccess(req);
      return { items: await revokeAccess(db, a.actor, a.orgId, req.params.auditId, req.params.userId) };
    },
  );

  r.get(
    `${base}/requests`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The auditor's requests in this audit, with the organization's answers",
        params: auditParams,
        response: { 200: z.object({ items: z.array(requestSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listRequests(db, orgAccess(req).orgId, req.params.auditId) }),
  );

  r.post(
    `${base}/requests`,
    {
      config: { permission: 'audit-room' },
      schema: {
        tags,
        summary: 'Raise a request for records or information',
        params: auditParams,
        body: createRequestBody,
        response: { 201: requestSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const a = orgAccess(req);
      return reply.code(201).send(await createRequest(db, a.actor, a.orgId, req.params.auditId, req.body));
    },
  );

  r.post(
    `${base}/requests/:requestId/responses`,
    {
      config: { permission: 'write' },
      schema: {
        tags,
        summary: "Answer a request with a note and links to the organization's records",
        params: requestParams,
        body: respondBody,
        response: { 200: requestSchema, ...problemResponses },
      },
    },
    async (req) => {
      const a = orgAccess(req);
      return respondToRequest(db, a.actor, a.orgId, req.params.auditId, req.params.requestId, req.body);
    },
  );

  for (const [action, close] of [
    ['close', true],
    ['reopen', false],
  ] as const) {
    r.post(
      `${base}/requests/:requestId/${action}`,
      {
        config: { permission: 'audit-room' },
        schema: {
          tags,
          summary: close ? 'Close a request: what was asked for was received' : 'Reopen a closed request: more is needed',
          params: requestParams,
          body: z.strictObject({}).optional(),
          response: { 200: requestSchema, ...problemResponses },
        },
      },
      async (req) => {
        const a = orgAccess(req);
        return closeRequest(db, a.actor, a.orgId, req.params.auditId, req.params.requestId, close);
      },
    );
  }

  r.get(
    `${base}/findings`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: "The audit's graded findings with the state of the nonconformities they opened",
        params: auditParams,
        response: { 200: z.object({ items: z.array(findingSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const { orgId } = orgAccess(req);
      await audit(orgId, req.params.auditId);
      return { items: await listFindings(db, orgId, req.params.auditId) };
    },
  );

  r.post(
    `${base}/findings`,
    {
      config: { permission: 'audit-room' },
      schema: {
        tags,
        summary:
          'Record a finding: a major or minor one opens a nonconformity, an observation or opportunity goes to the improvement log',
        params: auditParams,
        body: createFindingBody,
        response: { 201: findingSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const a = orgAccess(req);
      return reply.code(201).send(await createFinding(db, a.actor, a.orgId, req.params.auditId, req.body));
    },
  );
}
