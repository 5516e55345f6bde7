// The continual improvement log (clause 10.1): what the organization
// improves in its AI management system, where each idea came from (an
// internal or certification audit, an incident, a management review,
// monitoring, a concern, a suggestion), who owns it, what it should bring
// and what came of it. Other modules log improvements through addImprovement.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { improvementRegister } from './improvements.register.js';
import { improvementNumber } from './improvements.rules.js';

registerLinkKind(
  registerLinkKindOf(improvementRegister, {
    kind: 'improvement',
    noun: 'an improvement',
    columns: ['number_seq', 'title'],
    label: (r) => `${improvementNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

export { improvementRoutes } from './improvements.routes.js';
export {
  IMPROVEMENT_SOURCES,
  IMPROVEMENT_STATUSES,
  type ImprovementSource,
  type ImprovementStatus,
  SOURCE_LABELS as IMPROVEMENT_SOURCE_LABELS,
  STATUS_LABELS as IMPROVEMENT_STATUS_LABELS,
} from './improvements.rules.js';
export type { Improvement } from './improvements.schemas.js';
export { type AddImprovementInput, addImprovement, type ImprovementSummary, improvementSummary } from './improvements.service.js';
