// The second factor: TOTP with recovery codes, enforceable per organization.
export { mfaRoutes } from './mfa.routes.js';
export { secondFactorRequired } from './mfa.policy.js';
export { markTokenFromSession } from './mfa.enrol.js';
export { challengeSchema } from './mfa.schemas.js';
export { secondFactorChallenge } from './mfa.sign-in.js';
