import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema, uuid } from '../http/fields.js';
import { decodeCursor, encodeCursor, limitParam } from '../http/pagination.js';
import { listAuditLog, toAuditEntry } from './audit-log.js';
import { orgAccess } from '../http/org-routes.js';
import { attachAuditSigner, loadAuditSigner } from './audit-log.signing.js';

export const auditEntrySchema = z
  .object({
    seq: z.number(),
    id: z.string(),
    at: z.string(),
    orgId: z.string().nullable(),
    actorUserId: z.string().nullable(),
    actor: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    before: z.unknown().nullable(),
    after: z.unknown().nullable(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEntry' });

const query = z.strictObject({
  entityType: z.string().max(64).optional(),
  entityId: z.string().max(64).optional(),
  action: z.string().max(32).optional(),
  actorUserId: uuid().optional(),
  from: z.iso.datetime().optional(),
  to: z.iso.datetime().optional(),
  limit: limitParam,
  cursor: z.string().max(200).optional(),
});

export const auditLogRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  // Every app signs its database's audit head: this plugin is registered once
  // per app by buildApp, which serve and the tests both use.
  attachAuditSigner(db, loadAuditSigner(app.config), app.config.auditCheckpointEvery);
  app.get(
    '/api/v1/orgs/:orgId/audit-log',
    {
      config: { permission: 'audit' },
      schema: {
        tags: ['audit log'],
        summary: "The organization's change history, newest first",
        params: z.object({ orgId: uuid() }),
        querystring: query,
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
        },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      const { cursor, limit, ...filters } = req.query;
      const beforeSeq = decodeCursor(cursor, z.number().int().positive());
      const rows = await listAuditLog(db, access.orgId, { ...filters, beforeSeq, limit: limit + 1 });
      const page = rows.slice(0, limit);
      return {
        items: page.map(toAuditEntry),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].seq) : null,
      };
    },
  );
};
