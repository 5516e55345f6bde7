import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Invitations to an organization, accepted by the invitee. Placeholder (issue 16). */
export const invitationRoutes: FastifyPluginAsyncZod = async () => {};
