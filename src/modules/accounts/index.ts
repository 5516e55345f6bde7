// Accounts: first-run setup, sign-in sessions and API tokens, passwords
// (own change, an administrator's reset, unlocking a throttled account). Sessions and
// tokens live in the database so several app nodes can serve one user.
export { accountRoutes } from './accounts.routes.js';
export { initInstance, issueApiTokenForEmail, setupNeeded } from './accounts.service.js';
export { resetPasswordByEmail } from './accounts.security.js';
// invitations: accepting an invitation with a new account signs it in
export { startSession } from './accounts.session.js';
