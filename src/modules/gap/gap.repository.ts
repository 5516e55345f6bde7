import { type Executor, forUpdate } from '../../platform/db/db.js';
import { orgRowsIn, queryTemplate } from '../../platform/db/statement-cache.js';

// Every read of an assessment runs these two: compiled once.
const assessmentById = queryTemplate(['orgId', 'id'], (db, p) =>
  db
    .selectFrom('gap_assessments')
    .selectAll()
    .where('org_id', '=', p.orgId)
    .where('id', '=', p.id)
    .where('archived_at', 'is', null),
);
const answersOfAssessments = orgRowsIn('gap_answers', 'assessment_id');

export async function findAssessment(db: Executor, orgId: string, id: string) {
  const [row] = await assessmentById.run(db, { orgId, id });
  return row;
}

/**
 * Marks an assessment as changed now and returns its status, in one
 * statement; undefined when this organization has no such assessment. A
 * caller that then refuses the change (a completed assessment) throws, and
 * its transaction takes the mark back.
 */
export function touchAssessment(db: Executor, orgId: string, id: string, at: string) {
  return db
    .updateTable('gap_assessments')
    .set({ updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('archived_at', 'is', null)
    .returning(['status'])
    .executeTakeFirst();
}

export function listAssessments(db: Executor, orgId: string) {
  return db
    .selectFrom('gap_assessments')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .orderBy('assessment_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

export function answersOf(db: Executor, orgId: string, assessmentIds: string[]) {
  return answersOfAssessments(db, orgId, assessmentIds);
}

export function findAnswer(db: Executor, assessmentId: string, requirementId: string) {
  return db
    .selectFrom('gap_answers')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .where('requirement_id', '=', requirementId)
    .executeTakeFirst();
}

export function actionsOf(db: Executor, orgId: string, assessmentId: string) {
  return db
    .selectFrom('gap_actions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId)
    .orderBy('priority')
    .orderBy('due_date')
    .orderBy('id')
    .execute();
}

/** An action; with lock, held until the transaction ends so a concurrent edit waits. */
export function findAction(db: Executor, orgId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.selectFrom('gap_actions').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  return (opts.lock ? forUpdate(db, q) : q).executeTakeFirst();
}
