import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/fields.js';
import { ORG_ROUTE_PREFIX, orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { registerRoutes } from '../../platform/register/index.js';
import { REPORT_FORMATS, REPORT_MEDIA_TYPES, sendReport } from '../../platform/report/index.js';
import { roleRegister } from './roles.register.js';
import { loadRolesReport } from './roles.report.js';
import { createRoleBody, roleListQuery, roleSchema, updateRoleBody } from './roles.schemas.js';

const tags = ['roles'];
const exportQuery = z.strictObject({ format: z.enum(REPORT_FORMATS).default('xlsx') });

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  // before the kit's /roles/:roleId, though Fastify prefers the static path anyway
  app.get(
    `${ORG_ROUTE_PREFIX}/roles/export`,
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'The register as the "AI roles and responsibilities" document: XLSX (default), PDF, HTML or DOCX',
        params: orgParams,
        querystring: exportQuery,
        produces: REPORT_MEDIA_TYPES,
        response: { 200: z.any().describe('the document'), ...problemResponses, 503: problemSchema },
      },
    },
    async (req, reply) => sendReport(reply, await loadRolesReport(db, orgAccess(req).orgId), req.query.format),
  );

  registerRoutes(app, roleRegister, {
    path: 'roles',
    idParam: 'roleId',
    tags,
    itemSchema: roleSchema,
    listQuery: roleListQuery,
    createBody: createRoleBody,
    updateBody: updateRoleBody,
    summaries: {
      list: 'Governance roles: who holds each, who deputises, vacant roles first',
      create: 'Add a governance role of the organization’s own',
      get: 'A governance role with its holder, deputy and flags',
      update: 'Change a governance role (a seeded role keeps its key)',
      archive: 'Archive a role that is no longer used (kept with its history)',
      restore: 'Restore an archived role',
      history: "The role's change history from the audit log",
    },
  });
};
