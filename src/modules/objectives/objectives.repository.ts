import type { Executor } from '../../platform/db/db.js';
import { orgRowsIn } from '../../platform/db/statement-cache.js';
import type { ProgressPoint } from './objectives.rules.js';

// Every objective page and list reads them.
const progressOf = orgRowsIn('objective_progress', 'objective_id', {
  select: ['objective_id', 'entry_date', 'value', 'created_at'],
});

/** The progress points of some objectives, for their state: one statement for a page of them. */
export async function progressPoints(db: Executor, orgId: string, objectiveIds: string[]): Promise<Map<string, ProgressPoint[]>> {
  const out = new Map<string, ProgressPoint[]>();
  if (objectiveIds.length === 0) return out;
  const rows = await progressOf(db, orgId, objectiveIds);
  for (const r of rows) {
    const list = out.get(r.objective_id) ?? [];
    list.push({ date: r.entry_date, value: r.value === null ? null : Number(r.value), createdAt: r.created_at });
    out.set(r.objective_id, list);
  }
  return out;
}

/** Progress entries of one objective, oldest first. */
export function listProgress(db: Executor, orgId: string, objectiveId: string) {
  return db
    .selectFrom('objective_progress')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('objective_id', '=', objectiveId)
    .orderBy('entry_date')
    .orderBy('created_at')
    .execute();
}

export function findProgress(db: Executor, orgId: string, objectiveId: string, id: string) {
  return db
    .selectFrom('objective_progress')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('objective_id', '=', objectiveId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Active objectives of the organization: what the summary for other modules reads. */
export function activeObjectives(db: Executor, orgId: string) {
  return db.selectFrom('objectives').selectAll().where('org_id', '=', orgId).where('archived_at', 'is', null).execute();
}

/** Open, active objectives due on or before `until`, soonest first: one statement. */
export function openObjectivesDue(db: Executor, orgId: string, until: string) {
  return db
    .selectFrom('objectives')
    .select(['id', 'title', 'due_date', 'owner_user_id'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where('status', '=', 'open')
    .where('due_date', '<=', until)
    .orderBy('due_date')
    .orderBy('title_key')
    .execute();
}
