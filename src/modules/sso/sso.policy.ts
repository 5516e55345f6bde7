import type { Executor } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';

/**
 * Why this user may not sign in with a password, or null when they may.
 * An organization that enforces single sign-on refuses password sign-in to
 * its members, except its break-glass owner.
 * Placeholder (issue 16, SSO): always null.
 */
export async function passwordSignInRefusal(_db: Executor, _user: Row<'users'>): Promise<string | null> {
  return null;
}
