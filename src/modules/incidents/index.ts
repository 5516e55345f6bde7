// AI incidents (Annex A.8.4). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const incidentRoutes: FastifyPluginAsyncZod = async () => {};
