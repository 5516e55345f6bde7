// Training and competence (clauses 7.2, 7.3). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const trainingRoutes: FastifyPluginAsyncZod = async () => {};
