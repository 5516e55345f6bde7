// The internal audit programme and its coverage (clause 9.2.2). Placeholder until the module lands.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const auditProgrammeRoutes: FastifyPluginAsyncZod = async () => {};
