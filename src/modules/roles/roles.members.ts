import { type ExpressionBuilder, sql } from 'kysely';
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

/** SQL: the role's holder is a member who is no longer active (the list's "flagged" filter). */
export function holderLeftSql(eb: ExpressionBuilder<DB, 'governance_roles'>) {
  const now = nowIso();
  return eb.and([
    eb('governance_roles.holder_user_id', 'is not', null),
    eb.not(
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .innerJoin('users as u', 'u.id', 'm.user_id')
          .select(sql<number>`1`.as('one'))
          .whereRef('m.org_id', '=', 'governance_roles.org_id')
          .whereRef('m.user_id', '=', 'governance_roles.holder_user_id')
          .where('u.disabled_at', 'is', null)
          .where((w) => w.or([w('m.expires_at', 'is', null), w('m.expires_at', '>', now)])),
      ),
    ),
  ]);
}
