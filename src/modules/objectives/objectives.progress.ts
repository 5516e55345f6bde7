import { uuidv7 } from 'uuidv7';
import { type Actor, appendAudit } from '../../platform/audit-log/audit-log.js';
import { todayUtc } from '../../platform/dates.js';
import { type Db, type Executor, nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import { conflict, type FieldError, invalid, notFound } from '../../platform/http/errors.js';
import { type Person, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, lockRow } from '../../platform/register/index.js';
import { objectiveRegister } from './objectives.register.js';
import * as repo from './objectives.repository.js';
import type { ProgressEntry, ProgressInput } from './objectives.schemas.js';

// Progress entries: what was measured or done towards an objective, and when.
// Each is its own audited record; the objective's own fields (and so its ETag)
// do not change, so recording progress never makes someone's open edit stale.

function toEntry(r: Row<'objective_progress'>): ProgressEntry {
  return {
    id: r.id,
    objectiveId: r.objective_id,
    date: r.entry_date,
    value: r.value === null ? null : Number(r.value),
    note: r.note,
    recordedBy: toPerson(r.recorded_by_user_id, r.recorded_by_name, r.recorded_by_email) ?? { userId: null, name: '' },
    createdAt: r.created_at,
  };
}

const ARCHIVED = 'This AI objective is archived; restore it before recording progress.';

export async function listObjectiveProgress(db: Executor, orgId: string, objectiveId: string) {
  if (!(await findRow(db, objectiveRegister, orgId, objectiveId))) throw notFound('AI objective');
  return (await repo.listProgress(db, orgId, objectiveId)).map(toEntry);
}

export async function recordObjectiveProgress(db: Db, actor: Actor, orgId: string, objectiveId: string, input: ProgressInput) {
  const errors: FieldError[] = [];
  if (input.date > todayUtc()) errors.push({ field: 'body.date', message: 'cannot be in the future' });
  if (input.value === null && !input.note.trim()) errors.push({ field: 'body.value', message: 'give a value or a note' });
  // Left out, the person is whoever records the entry, by their name as a member.
  const named = input.recordedBy ?? (actor.userId ? { userId: actor.userId, name: '' } : null);
  const { people, errors: personErrors } = await resolvePeople(db, orgId, [{ field: 'body.recordedBy', person: named }]);
  errors.push(...personErrors);
  if (errors.length) throw invalid(errors);
  const person: Person = people[0] ?? { userId: actor.userId, name: actor.label };
  return db.transaction().execute(async (tx) => {
    const objective = await lockRow(tx, objectiveRegister, orgId, objectiveId);
    if (objective.archived_at) throw conflict(ARCHIVED);
    const row: Row<'objective_progress'> = {
      id: uuidv7(),
      org_id: orgId,
      objective_id: objectiveId,
      entry_date: input.date,
      value: input.value,
      note: input.note.trim(),
      recorded_by_user_id: person.userId,
      recorded_by_name: person.name,
      recorded_by_email: person.email ?? null,
      created_at: nowIso(),
    };
    await tx.insertInto('objective_progress').values(row).execute();
    const entry = toEntry(row);
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'objective_progress',
      entityId: row.id,
      action: 'create',
      after: { ...entry, objectiveTitle: objective.title },
    });
    return entry;
  });
}

/** Removes an entry recorded in error; the audit log keeps what it said. */
export async function deleteObjectiveProgress(db: Db, actor: Actor, orgId: string, objectiveId: string, entryId: string) {
  await db.transaction().execute(async (tx) => {
    const objective = await lockRow(tx, objectiveRegister, orgId, objectiveId);
    if (objective.archived_at) throw conflict(ARCHIVED);
    const row = await repo.findProgress(tx, orgId, objectiveId, entryId);
    if (!row) throw notFound('Progress entry');
    await tx.deleteFrom('objective_progress').where('org_id', '=', orgId).where('id', '=', entryId).execute();
    await appendAudit(tx, actor, {
      orgId,
      entityType: 'objective_progress',
      entityId: entryId,
      action: 'delete',
      before: { ...toEntry(row), objectiveTitle: objective.title },
    });
  });
}
