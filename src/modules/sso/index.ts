// Single sign-on with OpenID Connect: per-organization provider settings,
// sign-in, just-in-time membership by verified email domain, enforcement.
export { ssoRoutes } from './sso.routes.js';
export { passwordSignInRefusal } from './sso.policy.js';
