import type { Executor } from '../../platform/db/db.js';
import { queryTemplate } from '../../platform/db/statement-cache.js';
import type { Person } from '../../platform/refs/index.js';
import { activeMembers } from './roles.members.js';
import { deputyOf, holderOf, presentRoles } from './roles.register.js';

// What other modules ask of the governance roles: who holds what, and whom
// to escalate to. Active (not archived) roles only.

export interface GovernanceRole {
  id: string;
  key: string | null;
  name: string;
  holder: { userId: string | null; name: string } | null;
  deputy: { userId: string | null; name: string } | null;
  vacant: boolean;
  holderLeft: boolean;
}

const activeRoles = (db: Executor, orgId: string) =>
  db.selectFrom('governance_roles').selectAll().where('org_id', '=', orgId).where('archived_at', 'is', null);

// Documents, gap facts and the home page read them on every page: compiled once.
const rolesByName = queryTemplate(['orgId'], (db, p) => activeRoles(db, p.orgId).orderBy('name_key').orderBy('id'));

const bare = (p: { userId: string | null; name: string } | null) => (p ? { userId: p.userId, name: p.name } : null);

/** The organization's active roles by name, with who holds and deputises each. */
export async function governanceRoles(db: Executor, orgId: string): Promise<GovernanceRole[]> {
  const rows = await rolesByName.run(db, { orgId });
  return (await presentRoles(db, orgId, rows)).map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    holder: bare(r.holder),
    deputy: bare(r.deputy),
    vacant: r.vacant,
    holderLeft: r.holderLeft,
  }));
}

/**
 * Who answers for a seeded role now (e.g. the escalation owner of an
 * incident): the holder; when the role is vacant or its holder has left, the
 * deputy if they are still with the organization; else null. A member's email
 * is their account's.
 */
export async function roleHolder(
  db: Executor,
  orgId: string,
  key: string,
): Promise<{ userId: string | null; name: string; email: string | null } | null> {
  const row = await activeRoles(db, orgId).where('key', '=', key).executeTakeFirst();
  if (!row) return null;
  const holder = holderOf(row);
  const deputy = deputyOf(row);
  const active = await activeMembers(db, orgId, [holder?.userId ?? null, deputy?.userId ?? null]);
  // a named person (not a member) cannot leave; a member must still be active
  const present = (p: Person | null) => !!p && (!p.userId || active.has(p.userId));
  const person = present(holder) ? holder : present(deputy) ? deputy : null;
  if (!person) return null;
  if (!person.userId) return { userId: null, name: person.name, email: person.email ?? null };
  const user = await db.selectFrom('users').select('email').where('id', '=', person.userId).executeTakeFirst();
  return { userId: person.userId, name: person.name, email: user?.email ?? null };
}

/** The ids of the active roles a member holds or deputises. */
export async function rolesOfMember(db: Executor, orgId: string, userId: string): Promise<string[]> {
  const rows = await activeRoles(db, orgId)
    .where((eb) => eb.or([eb('holder_user_id', '=', userId), eb('deputy_user_id', '=', userId)]))
    .orderBy('name_key')
    .execute();
  return rows.map((r) => r.id);
}
