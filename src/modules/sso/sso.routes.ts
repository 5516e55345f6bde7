import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Single sign-on with OpenID Connect. Placeholder (issue 16). */
export const ssoRoutes: FastifyPluginAsyncZod = async () => {};
