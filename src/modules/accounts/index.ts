// Accounts: first-run setup, sign-in sessions and API tokens. Sessions and
// tokens live in the database so several app nodes can serve one user.
export { accountRoutes } from './accounts.routes.js';
export { initInstance, issueApiTokenForEmail, setupNeeded } from './accounts.service.js';
