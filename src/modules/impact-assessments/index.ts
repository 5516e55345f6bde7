// AI system impact assessments (6.1.4, 8.4, Annex A.5): per AI system, who
// and what it may affect, how likely and how badly, before and after
// mitigation; approval raises risks for high residual impacts, and a
// material change of the system calls for a reassessment.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { assessmentLinkTargets } from './impact-assessments.links.js';
import { impactAssessmentRegister } from './impact-assessments.register.js';

// Other records (risks, evidence, audits) may link to an assessment; its
// label names the AI system it assesses.
registerLinkKind({
  ...registerLinkKindOf(impactAssessmentRegister, {
    kind: 'impact-assessment',
    noun: 'an impact assessment',
    label: (r) => r.id,
  }),
  lookup: assessmentLinkTargets,
});

export { impactAssessmentRoutes } from './impact-assessments.routes.js';
export { impactAssessmentForAiSystem, getImpactAssessment } from './impact-assessments.service.js';
export { reassessmentsDue, type ReassessmentDue } from './impact-assessments.due.js';
export { impactAssessmentFacts, impactAssessmentSummary, type ImpactAssessmentSummary } from './impact-assessments.facts.js';
export { IMPACT_CATEGORIES, type ImpactAssessment } from './impact-assessments.schemas.js';
