import { type Actor, appendAuditMany } from '../../../platform/audit-log/audit-log.js';
import { type Db, nowIso } from '../../../platform/db/db.js';
import { loadAssessment } from '../gap.checks.js';
import type { AssessmentStatus } from '../gap.rules.js';
import { getAssessment } from './get-assessment.js';

export interface UpdateAssessmentOptions {
  db: Db;
  actor: Actor;
  orgId: string;
  assessmentId: string;
  patch: { title?: string; assessmentDate?: string; assessor?: string; status?: AssessmentStatus };
}

/** Renames, re-dates, completes or reopens an assessment. */
export async function updateAssessment({ db, actor, orgId, assessmentId: id, patch }: UpdateAssessmentOptions) {
  await db.transaction().execute(async (tx) => {
    const before = await loadAssessment(tx, orgId, id);
    const set = {
      ...(patch.title ? { title: patch.title } : {}),
      ...(patch.assessmentDate ? { assessment_date: patch.assessmentDate } : {}),
      ...(patch.assessor ? { assessor: patch.assessor } : {}),
      ...(patch.status ? { status: patch.status } : {}),
      updated_at: nowIso(),
    };
    await tx.updateTable('gap_assessments').set(set).where('id', '=', id).execute();
    await appendAuditMany(tx, actor, [
      { orgId, entityType: 'gap_assessment', entityId: id, action: 'update', before, after: { ...before, ...set } },
    ]);
  });
  return getAssessment({ db, orgId, assessmentId: id });
}
