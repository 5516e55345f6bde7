// The readiness engine: pure rules over the organization's data that rehearse
// Stage 1 and Stage 2 as an auditor would, with the journey's 14 steps, each
// verdict carrying the records behind it and the fix; recorded daily and charted.
// (contract stub: the module's author replaces it)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const readinessRoutes: FastifyPluginAsyncZod = async () => {};
