// Buyer readiness: the certification timeline (the planning range for the
// organization's type and a forecast of Stage 1 and Stage 2 from open
// actions), the buyer questions answered from the organization's data and
// edited, and the published trust page with its PDF.
// (contract stub: the module's author replaces it)
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

export const trustRoutes: FastifyPluginAsyncZod = async () => {};
/** GET /api/v1/public/trust/:slug (no sign-in, rate-limited) */
export const publicTrustRoutes: FastifyPluginAsyncZod = async () => {};
