import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import { auditRoomRoutes } from './certification-audits.room.routes.js';
import { auditListQuery, auditSchema, createAuditBody, updateAuditBody } from './certification-audits.schemas.js';
import { certificationAuditSummary } from './certification-audits.service.js';
import { CERTIFICATION_AUDIT_TYPES } from './certification-audits.rules.js';

const tags = ['certification-audits'];

const refSchema = z.object({
  id: z.string(),
  number: z.string(),
  type: z.enum(CERTIFICATION_AUDIT_TYPES),
  status: z.enum(['planned', 'in-progress', 'completed', 'cancelled']),
  startDate: z.string(),
  endDate: z.string(),
  outcome: z.string().nullable(),
});
const summarySchema = z
  .object({
    latest: z.record(z.enum(CERTIFICATION_AUDIT_TYPES), refSchema.nullable()),
    openFindings: z.object({ major: z.number().int(), minor: z.number().int() }),
    openRequests: z.number().int(),
  })
  .meta({ id: 'CertificationAuditSummary' });

export const certificationAuditRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    `${ORG_ROUTE_PREFIX}/certification-audits/summary`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Certification audits at a glance: the latest of each type, open findings and open requests',
        params: orgParams,
        response: { 200: summarySchema, ...problemResponses },
      },
    },
    async (req) => certificationAuditSummary(db, orgAccess(req).orgId),
  );

  registerRoutes(app, certificationAuditRegister, {
    path: 'certification-audits',
    idParam: 'auditId',
    tags,
    itemSchema: auditSchema,
    listQuery: auditListQuery,
    createBody: createAuditBody,
    updateBody: updateAuditBody,
    summaries: {
      list: 'Certification audits (Stage 1, Stage 2, surveillance, recertification, special), by type and status',
      create: 'Plan a certification audit',
      get: 'A certification audit with its open requests and findings counted',
      update:
        "Change a certification audit (completing needs the actual dates and an outcome); its auditors' access moves with its dates and ends when it is cancelled",
      archive: 'Archive a certification audit (kept with its history)',
      restore: 'Restore an archived certification audit',
      history: "The certification audit's change history from the audit log",
    },
  });

  await auditRoomRoutes(app, db);
};
