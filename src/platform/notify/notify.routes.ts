import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { notFound } from '../http/errors.js';
import { queryFlag, uuid } from '../http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../http/org-routes.js';
import { listNotifications, markAllNotificationsRead, markNotificationRead } from './notify.js';

// A member's own notifications. Everyone who can read the organization has
// some, and no one sees or marks another member's: a notification of someone
// else answers 404 like one that does not exist.

const tags = ['notifications'];

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;

  app.get(
    '/api/v1/orgs/:orgId/notifications',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Your notifications in this organization, newest first, and how many are unread',
        params: orgParams,
        querystring: z.strictObject({
          unread: queryFlag().optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({ items: z.array(notificationSchema), unread: z.number().int() }),
          ...problemResponses,
        },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return listNotifications(db, access.orgId, access.userId, {
        unreadOnly: req.query.unread ?? false,
        limit: req.query.limit,
      });
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/notifications/:notificationId/read',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Mark one of your notifications read',
        params: orgParams.extend({ notificationId: uuid() }),
        body: z.strictObject({}).optional(),
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      if (!(await markNotificationRead(db, access.orgId, access.userId, req.params.notificationId)))
        throw notFound('Notification');
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/orgs/:orgId/notifications/read-all',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Mark all your notifications in this organization read',
        params: orgParams,
        body: z.strictObject({}).optional(),
        response: { 200: z.object({ marked: z.number().int() }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { marked: await markAllNotificationsRead(db, access.orgId, access.userId) };
    },
  );
};
