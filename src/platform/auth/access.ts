import type { Executor } from '../db/db.js';
import { nowIso } from '../db/db.js';
import { isRole, type Role } from './roles.js';

/** The caller's role in an organization, or null (not a member, not started yet, expired, or archived org). */
export async function roleInOrg(db: Executor, userId: string, orgId: string): Promise<Role | null> {
  const row = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select(['memberships.role', 'memberships.starts_at', 'memberships.expires_at'])
    .where('memberships.user_id', '=', userId)
    .where('memberships.org_id', '=', orgId)
    .where('organizations.archived_at', 'is', null)
    .executeTakeFirst();
  if (!row || !isRole(row.role)) return null;
  const now = nowIso();
  if (row.expires_at && row.expires_at <= now) return null;
  // a membership may start later: an external auditor's access opens on the audit's first day
  if (row.starts_at && row.starts_at > now) return null;
  return row.role;
}
