import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemSchema } from '../../platform/http/fields.js';
import { orgAccess, orgParams, problemResponses } from '../../platform/http/org-routes.js';
import { createMailer } from '../../platform/notify/index.js';
import { getOrganization } from '../organizations/index.js';
import { acceptInvitation, previewInvitation } from './invitations.accept.js';
import { invitationEmail, sendInvitationEmail } from './invitations.mail.js';
import {
  acceptBody,
  acceptedSchema,
  invitationParams,
  invitationPreviewSchema,
  invitationSchema,
  invitedSchema,
  inviteBody,
  tokenParams,
} from './invitations.schemas.js';
import { acceptUrl, invite, listInvitations, revokeInvitation, toInvitation } from './invitations.service.js';

const tags = ['organizations'];

/** Invitations to an organization, accepted by the invitee. */
export const invitationRoutes: FastifyPluginAsyncZod = async (app) => {
  const db = app.database.db;
  const { publicUrl } = app.config;
  const mailer = createMailer(app.config);
  if (mailer) app.addHook('onClose', async () => mailer.close());

  app.post(
    '/api/v1/orgs/:orgId/members',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Invite someone by email: they become a member when they accept',
        description:
          'Answers 202 with the invitation and its one-time link whether or not an account has the email; when SMTP is configured the link is also emailed. Inviting an email again renews its open invitation (the old link stops working). 409 when the email is already a member.',
        params: orgParams,
        body: inviteBody,
        response: { 202: invitedSchema, ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      const { invitation, token } = await invite(db, access.actor, access.role, access.orgId, req.body, {
        emailing: mailer !== null,
      });
      const url = acceptUrl(token, publicUrl);
      if (mailer) {
        const org = await getOrganization(db, access.orgId);
        const message = invitationEmail(invitation.email, org.name, invitation.invited_by, url, invitation.accept_by);
        // not awaited: a slow SMTP server must not hold the admin's request; the outcome is kept on the invitation
        void sendInvitationEmail(db, mailer, invitation.id, message);
      }
      return reply.code(202).send({ invitation: toInvitation(invitation), acceptUrl: url });
    },
  );

  app.get(
    '/api/v1/orgs/:orgId/invitations',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Invitations not yet accepted or revoked (expired ones too, until renewed or revoked)',
        params: orgParams,
        response: { 200: z.object({ items: z.array(invitationSchema) }), ...problemResponses },
      },
    },
    async (req) => ({ items: await listInvitations(db, orgAccess(req).orgId) }),
  );

  app.delete(
    '/api/v1/orgs/:orgId/invitations/:invitationId',
    {
      config: { permission: 'admin' },
      schema: {
        tags,
        summary: 'Revoke an invitation: its link stops working (an owner invitation only by an owner)',
        params: invitationParams,
        response: { 204: z.null(), ...problemResponses },
      },
    },
    async (req, reply) => {
      const access = orgAccess(req);
      await revokeInvitation(db, access.actor, access.role, access.orgId, req.params.invitationId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/invitations/:token',
    {
      schema: {
        tags,
        summary: 'What an invitation link offers: organization, role and the invited email (404 once unusable)',
        security: [],
        params: tokenParams,
        response: { 200: invitationPreviewSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (req) => previewInvitation(db, req.params.token),
  );

  app.post(
    '/api/v1/invitations/:token/accept',
    {
      schema: {
        tags,
        summary: 'Accept an invitation: signed in as the invited email, or with a name and password to create the account',
        description:
          'Signed in as the invited email: send `{}`. Not signed in and no account has the email: `{ name, password }` creates the account and signs in. An account that exists must sign in first (401); signed in as another email: 403. Repeating an accept changes nothing.',
        security: [],
        params: tokenParams,
        body: acceptBody,
        response: { 200: acceptedSchema, ...problemResponses },
      },
    },
    async (req, reply) => acceptInvitation(req, reply, req.params.token, req.body),
  );
};
