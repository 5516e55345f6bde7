// Monitoring of AI systems (clause 9.1, Annex A.6.2.6). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const monitoringRoutes: FastifyPluginAsyncZod = async () => {};
