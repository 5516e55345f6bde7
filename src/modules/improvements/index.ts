// Continual improvement log (clause 10.1). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const improvementRoutes: FastifyPluginAsyncZod = async () => {};
