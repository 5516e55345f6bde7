import { type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Executor, nowIso } from '../../platform/db/db.js';
import { inList, queryTemplate } from '../../platform/db/statement-cache.js';
import type { DB } from '../../platform/db/tables.js';

// Whether the people roles name are still with the organization. A holder
// "left" when they were a member and are no longer an active one: the
// membership was removed or has expired, or their account is disabled.
// Memberships and users are the platform's tables (access checks read them).

/** The members among userIds who are active in the organization now, in one query. */
export async function activeMembers(db: Executor, orgId: string, userIds: (string | null)[]): Promise<Set<string>> {
  const ids = [...new Set(userIds.filter((x): x is string => !!x))];
  if (ids.length === 0) return new Set();
  const rows = await activeAmong.run(db, { orgId, ids, now: nowIso() });
  return new Set(rows.map((r) => r.user_id));
}

// Every page that shows a role's holder asks: compiled once.
const activeAmong = queryTemplate(
  ['orgId', 'ids', 'now'],
  (db, p) =>
    db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('m.user_id')
      .where('m.org_id', '=', p.orgId)
      .where(inList(db, 'm.user_id', p.ids))
      .where('u.disabled_at', 'is', null)
      .where((eb) => eb.or([eb('m.expires_at', 'is', null), eb('m.expires_at', '>', p.now)])),
  { lists: ['ids'] },
);

/**
 * SQL: the role's holder is a member who is no longer active (the list's
 * "flagged" filter). Written as SQL, not built with Kysely's builder: the
 * subquery took most of the ~100 µs a flagged list spent building its query
 * on every request; a fragment costs next to nothing to build.
 */
export function holderLeftSql(_eb: ExpressionBuilder<DB, 'governance_roles'>) {
  return sql<SqlBool>`(${sql.ref('governance_roles.holder_user_id')} is not null and not exists (
    select 1 from ${sql.table('memberships')} as m inner join ${sql.table('users')} as u on u.id = m.user_id
    where m.org_id = ${sql.ref('governance_roles.org_id')} and m.user_id = ${sql.ref('governance_roles.holder_user_id')}
      and u.disabled_at is null and (m.expires_at is null or m.expires_at > ${nowIso()})))`;
}
