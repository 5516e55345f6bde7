// Gap assessment (journey step 2): each ISO/IEC 42001 requirement and Annex A
// control answered against what the organization actually has, rolled up by
// clause and by the twelve review areas, and turned into an action plan.
export { gapRoutes } from './gap.routes.js';
export { getAssessment } from './use-cases/get-assessment.js';
export { listActions } from './use-cases/list-actions.js';
export { gapProgress } from './use-cases/progress.js';

// The facts beside each requirement are the platform's to hand out (platform/facts),
// so modules the gap assessment reads (internal audits) can show them too.
import { registerFactsProvider } from '../../platform/facts/index.js';
import { moduleFacts } from './gap.facts.js';

registerFactsProvider(moduleFacts);
