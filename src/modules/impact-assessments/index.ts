// AI system impact assessments (6.1.4, 8.4, Annex A.5): per AI system, who
// and what it may affect, how likely and how badly, before and after
// mitigation; approval raises risks for high residual impacts, and a
// material change of the system calls for a reassessment.
import type { Executor } from '../../platform/db/db.js';
import { registerLinkKind } from '../../platform/refs/index.js';
import { currentAssessments } from './impact-assessments.repository.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { assessmentLinkTargets } from './impact-assessments.links.js';
import { impactAssessmentRegister } from './impact-assessments.register.js';

// Other records (risks, evidence, audits) may link to an assessment; its
// label names the AI system it assesses.
registerLinkKind({
  ...registerLinkKindOf(impactAssessmentRegister, {
    kind: 'impact-assessment',
    noun: 'an impact assessment',
    columns: [],
    label: (r) => r.id,
  }),
  lookup: assessmentLinkTargets,
});

export { impactAssessmentRoutes } from './impact-assessments.routes.js';
export { impactAssessmentForAiSystem, getImpactAssessment } from './impact-assessments.service.js';
export { reassessmentsDue, type ReassessmentDue } from './impact-assessments.due.js';
export { impactAssessmentFacts, impactAssessmentSummary, type ImpactAssessmentSummary } from './impact-assessments.facts.js';
export { IMPACT_CATEGORIES, type ImpactAssessment } from './impact-assessments.schemas.js';

/** AI systems with an approved impact assessment in force (the readiness rehearsal's Stage 2 check). */
export async function assessedAiSystemIds(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await currentAssessments(db, orgId, null);
  return new Set(rows.filter((r) => r.status === 'approved').map((r) => r.ai_system_id));
}
