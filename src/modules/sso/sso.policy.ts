import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import './sso.tables.js';

/**
 * Why this user may not sign in with a password, or null when they may.
 * An organization that enforces single sign-on refuses password sign-in to
 * its members, except its break-glass owner (who must still be an owner).
 * One enforcing organization is enough: a password session would reach it
 * too, so a member of several organizations is refused when any enforces.
 */
export async function passwordSignInRefusal(db: Executor, user: Row<'users'>): Promise<string | null> {
  const now = nowIso();
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('sso_settings', 'sso_settings.org_id', 'memberships.org_id')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['organizations.name', 'memberships.role', 'sso_settings.break_glass_user_id'])
    .where('memberships.user_id', '=', user.id)
    .where('sso_settings.enforce', '=', 1)
    .where('organizations.archived_at', 'is', null)
    .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', now)]))
    .orderBy('organizations.name')
    .execute();
  const enforcing = rows.filter((r) => !(r.break_glass_user_id === user.id && r.role === 'owner'));
  if (!enforcing.length) return null;
  const names = enforcing.map((r) => r.name).join(', ');
  const others = await db.selectFrom('memberships').select('org_id').where('user_id', '=', user.id).execute();
  const also = others.length > enforcing.length ? ' This applies to your whole account, also for your other organizations.' : '';
  return `${names} requires single sign-on: use "Sign in with single sign-on" with your work email.${also}`;
}
