import type { Row } from '../db/tables.js';

// A user whose password was set by someone else (an administrator's reset,
// `aims user reset-password`) must choose their own before anything else.
// Until then every API call but these answers 403, whatever the credential.
export const CHANGE_PASSWORD_ROUTE = '/api/v1/account/password';

const ALLOWED = new Set([
  'GET /api/v1/session',
  'DELETE /api/v1/session',
  `PUT ${CHANGE_PASSWORD_ROUTE}`,
  'GET /api/v1/setup',
  'GET /api/health',
]);

export const PASSWORD_CHANGE_REQUIRED_TITLE = 'Password change required';

/** True when this user may not make this call until they change their password. */
export function blockedUntilPasswordChange(user: Row<'users'>, method: string, routeUrl: string | undefined): boolean {
  if (!user.must_change_password) return false;
  if (!routeUrl?.startsWith('/api/')) return false;
  return !ALLOWED.has(`${method} ${routeUrl}`);
}
