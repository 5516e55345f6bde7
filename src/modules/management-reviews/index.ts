// Management reviews (clause 9.3). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const managementReviewRoutes: FastifyPluginAsyncZod = async () => {};
