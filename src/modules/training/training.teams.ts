import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { type Db, forUpdate, nowIso } from '../../platform/db/db.js';
import { notFound } from '../../platform/http/errors.js';

// A member's team lives here (the organization's membership knows roles, not
// teams): a topic's audience by team and a team's competence criteria use it.

/** Sets (or with null/empty clears) a member's team, audited; answers the team stored. */
export async function setMemberTeam(db: Db, actor: Actor, orgId: string, userId: string, team: string | null) {
  const value = team?.trim().replace(/\s+/g, ' ') || null;
  return db.transaction().execute(async (tx) => {
    const member = await tx
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!member) throw notFound('Member');
    const before = await forUpdate(
      tx,
      tx.selectFrom('training_member_teams').select('team').where('org_id', '=', orgId).where('user_id', '=', userId),
    ).executeTakeFirst();
    const previous = before?.team ?? null;
    if (previous === value) return { userId, team: value };
    if (value === null) {
      await tx.deleteFrom('training_member_teams').where('org_id', '=', orgId).where('user_id', '=', userId).execute();
    } else {
      const now = nowIso();
      // on the key: two writers racing on PostgreSQL both land, the later one wins
      await tx
        .insertInto('training_member_teams')
        .values({ org_id: orgId, user_id: userId, team: value, updated_at: now })
        .onConflict((oc) => oc.columns(['org_id', 'user_id']).doUpdateSet({ team: value, updated_at: now }))
        .execute();
    }
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'member_team',
      entityId: userId,
      action: 'update',
      before: { userId, team: previous },
      after: { userId, team: value },
    });
    return { userId, team: value };
  });
}
