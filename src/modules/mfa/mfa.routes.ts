import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** TOTP second factor and recovery codes. Placeholder (issue 16). */
export const mfaRoutes: FastifyPluginAsyncZod = async () => {};
