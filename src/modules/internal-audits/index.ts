// Internal audits (clause 9.2). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const internalAuditRoutes: FastifyPluginAsyncZod = async () => {};
