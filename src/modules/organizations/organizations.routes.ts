import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSION_NAMES, PERMISSIONS, type Permission, ROLES, type Role } from '../../platform/auth/roles.js';
import { actorOf, requireUser } from '../../platform/http/auth-context.js';
import { problemSchema, uuid } from '../../platform/http/fields.js';
import {
  createOrganizationBody,
  memberSchema,
  organizationSchema,
  profileBody,
  profileSchema,
  updateMemberBody,
} from './organizations.schemas.js';
import * as service from './organizations.service.js';
import { listOrgsOfUser } from './organizations.repository.js';
import { orgSettingsBody, orgSettingsSchema, readSettings, updateOrgSettings } from './settings.js';
import { IF_MATCH_NOTE, ifMatchHeaders, ifMatchOf, staleProblemSchema, withStale } from '../../platform/register/index.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { memberAccountRoutes } from './members.disable.routes.js';

const tags = ['organizations'];
const memberParams = orgParams.extend({ userId: uuid() });

const rolesSchema = z
  .object({
    roles: z.array(z.enum(ROLES)),
    permissions: z.record(z.enum(PERMISSION_NAMES), z.array(z.enum(ROLES))),
  })
  .meta({ id: 'RolePermissions' });

export const organizationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  await app.register(memberAccountRoutes);

  app.get(
    '/api/v1/roles',
    {
      schema: {
        tags,
        summary: 'The roles and what each may do: the one table every org route is checked against',
        response: { 200: rolesSchema, 401: problemSchema },
      },
    },
    async (req) => {
      requireUser(req);
      return { roles: [...ROLES], permissions: PERMISSIONS as unknown as Record<Permission, Role[]> };
    },
  );

  app.get(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Organizations the caller belongs to',
        response: { 200: z.object({ items: z.array(organizationSchema) }), 401: problemSchema },
      },
    },
    async (req) => {
      const auth = requireUser(req);
      const rows = await listOrgsOfUser(db, auth.user.id);
      const now = new Date().toISOString();
      return { items: rows.filter((r) => !r.expires_at || r.expires_at > now).map((r) => service.toOrganization(r, r.role)) };
    },
  );

  app.post(
    '/api/v1/orgs',
    {
      schema: {
        tags,
        summary: 'Create an organization; the caller becomes its owner',
        body: createOrganizationBody,
        response: { 201: organizationSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const auth = requireUser(req);
      const org = await db
        .transaction()
        .execute((tx) => service.createOrganization(tx, actorOf(auth), { ...req.body, ownerUserId: auth.user.id }));
      return reply.code(201).send(service.toOrganization(org, 'owner'));
    },
  );

  app.get(
    '/api/v1/orgs/:orgId',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'One organization',
        params: orgParams,
        response: { 200: organizationSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.toOrganization(await service.getOrganization(db, access.orgId), access.role);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/profile',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Organization profile (context for scope, audit time and quotes)',
        params: orgParams,
        response: { 200: profileSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const profile = await service.getProfile(db, access.orgId);
      return reply.header('etag', service.profileEtag(profile)).send(profile);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/profile',
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Replace the organization profile',
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params: orgParams,
        body: profileBody,
        response: { 200: profileSchema, ...problemResponses, 409: staleProblemSchema(profileSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const profile = await service.updateProfile(db, access.actor, access.orgId, req.body, { ifMatch: ifMatchOf(req) });
        return reply.header('etag', service.profileEtag(profile)).send(profile);
      }),
  );

  app.get(
    '/api/v1/orgs/:orgId/members',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Members and their roles',
        params: orgParams,
        response: { 200: z.object({ items: z.array(memberSchema) }), ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return { items: await service.listMembers(db, access.orgId) };
    },
  );

  // POST /api/v1/orgs/:orgId/members (inviting) is the invitations module's: a member joins by accepting.

  app.patch(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: "Change a member's role or access expiry",
        params: memberParams,
        body: updateMemberBody,
        response: { 200: memberSchema, ...problemResponses },
      },
    },
    async (req) => {
      const access = orgAccess(req);
      return service.updateMember(db, access.actor, access.role, access.orgId, req.params.userId, req.body);
    },
  );

  app.delete(
    '/api/v1/orgs/:orgId/members/:userId',
    {
      config: { permission: 'admin' },
      schema: { tags, summary: 'Remove a member', params: memberParams, response: { 204: z.null(), ...problemResponses } },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      await service.removeMember(db, access.actor, access.role, access.orgId, req.params.userId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/settings',
    {
      config: { permission: 'read' },
      schema: {
        tags,
        summary: 'Risk scale and AI system review interval',
        params: orgParams,
        response: { 200: orgSettingsSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { record, etag } = await readSettings(db, access.orgId);
      return reply.header('etag', etag).send(record);
    },
  );

  app.put(
    '/api/v1/orgs/:orgId/settings',
    {
      config: { permission: 'approve' },
      schema: {
        tags,
        summary: 'Replace the risk scale and review interval',
        description: IF_MATCH_NOTE,
        headers: ifMatchHeaders,
        params: orgParams,
        body: orgSettingsBody,
        response: { 200: orgSettingsSchema, ...problemResponses, 409: staleProblemSchema(orgSettingsSchema) },
      },
    },
    async (req, reply) =>
      withStale(reply, async () => {
        const access = orgAccess(req);
        const { settings, etag } = await updateOrgSettings(db, access.actor, access.orgId, req.body, {
          ifMatch: ifMatchOf(req),
        });
        return reply.header('etag', etag).send(settings);
      }),
  );
};
