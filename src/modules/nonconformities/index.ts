// Nonconformity and corrective action (clause 10.2). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const nonconformityRoutes: FastifyPluginAsyncZod = async () => {};
