import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import { governanceRoles } from '../roles/index.js';

// Who a document concerns: the organization's active members (an audience
// of "all"), and the governance roles it gives duties to. The roles come
// from the roles module (clause 5.3), read through orgRoles only.

export interface GovernanceRoleFacts {
  id: string;
  key: string | null;
  name: string;
  holder: { userId: string | null; name: string } | null;
  deputy: { userId: string | null; name: string } | null;
  vacant: boolean;
}

/** The active governance roles; a role whose holder left counts as vacant (nobody answers for it). */
export async function orgRoles(db: Executor, orgId: string): Promise<GovernanceRoleFacts[]> {
  return (await governanceRoles(db, orgId)).map((r) => ({ ...r, vacant: r.vacant || r.holderLeft }));
}

/** Active members (membership not expired, account not disabled): user id -> name. */
export async function activeMembers(db: Executor, orgId: string): Promise<Map<string, string>> {
  const rows = await activeMembersTemplate.run(db, { orgId, now: nowIso() });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const activeMembersTemplate = queryTemplate(['orgId', 'now'], (db, p) =>
  db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name'])
    .where('memberships.org_id', '=', p.orgId)
    .where('users.disabled_at', 'is', null)
    .where((eb) => eb.or([eb('memberships.expires_at', 'is', null), eb('memberships.expires_at', '>', p.now)]))
    .orderBy('users.name')
    .orderBy('users.id'),
);

/** The members an audience covers, in name order: everyone, or the holders and deputies of its roles. */
export function audienceMembers(
  audience: { all: true } | { roleIds: string[] },
  members: Map<string, string>,
  roles: GovernanceRoleFacts[],
): { userId: string; name: string }[] {
  if ('all' in audience) return [...members].map(([userId, name]) => ({ userId, name }));
  const wanted = new Set(audience.roleIds);
  const ids = new Set<string>();
  for (const r of roles) {
    if (!wanted.has(r.id)) continue;
    for (const p of [r.holder, r.deputy]) if (p?.userId && members.has(p.userId)) ids.add(p.userId);
  }
  return [...members].filter(([id]) => ids.has(id)).map(([userId, name]) => ({ userId, name }));
}
