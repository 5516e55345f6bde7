import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import { isRole, type Role } from './roles.js';

/** The caller's role in an organization, or null (not a member, expired, or archived org). */
export async function roleInOrg(db: Executor, userId: string, orgId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['memberships.role', 'memberships.expires_at'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.org_id', '=', orgId)
    .where('organizations.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  if (row.expires_at && row.expires_at <= nowIso()) return null;
  return row.role;
}
