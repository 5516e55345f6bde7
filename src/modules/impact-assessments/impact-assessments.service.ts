import type { Executor } from '../../platform/db/db.js';
import { getRecord } from '../../platform/register/index.js';
import { assessmentContext, impactAssessmentRegister, presentAssessments } from './impact-assessments.register.js';
import { currentAssessments, findAssessmentsOfSystem } from './impact-assessments.repository.js';
import type { ImpactAssessment } from './impact-assessments.schemas.js';

/** An assessment with every assessment of its AI system, newest first. */
export async function withVersions(db: Executor, orgId: string, item: ImpactAssessment) {
  const rows = await findAssessmentsOfSystem(db, orgId, item.aiSystemId);
  return {
    ...item,
    versions: rows.map((r) => ({ id: r.id, status: r.status, approvedAt: r.approved_at, createdAt: r.created_at })),
  };
}

/**
 * The AI system's current impact assessment: the approved one in force, or
 * the draft when none is approved yet; with the id of a reassessment in draft
 * beside an approved one. Null when the system has none.
 */
export async function impactAssessmentForAiSystem(
  db: Executor,
  orgId: string,
  aiSystemId: string,
): Promise<(ImpactAssessment & { reassessmentDraftId: string | null }) | null> {
  const rows = await currentAssessments(db, orgId, [aiSystemId]);
  const approved = rows.find((r) => r.status === 'approved');
  const draft = rows.find((r) => r.status === 'draft');
  const current = approved ?? draft;
  if (!current) return null;
  const [item] = await presentAssessments(db, orgId, [current], await assessmentContext(db, orgId));
  return { ...item, reassessmentDraftId: approved && draft ? draft.id : null };
}

/** One assessment as the API shows it (for other modules' pages). */
export async function getImpactAssessment(db: Executor, orgId: string, id: string) {
  return (await getRecord(db, impactAssessmentRegister, orgId, id)).item;
}
