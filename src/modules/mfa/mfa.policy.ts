import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';

/**
 * Whether a password sign-in must be completed with a second factor before a
 * session starts. Placeholder (issue 16, MFA): never.
 */
export async function secondFactorRequired(_db: Executor, _user: Row<'users'>): Promise<boolean> {
  return false;
}
