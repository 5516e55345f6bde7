// The second factor: TOTP with recovery codes, enforceable per organization.
export { mfaRoutes } from './mfa.routes.js';
export { secondFactorRequired } from './mfa.policy.js';
