// Reporting of concerns (Annex A.3.3). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const concernRoutes: FastifyPluginAsyncZod = async () => {};
