// Risks (clause 6.1.2, 8.2, 8.3): the AI risk method and the risk register.

// The risk method: the versioned method and the rules every risk is scored with.
export { type EffectiveRiskMethod, effectiveRiskMethod } from './risk-method.service.js';
export {
  AI_RISK_SOURCES,
  DEFAULT_RISK_METHOD,
  genericCriteriaWarnings,
  isAboveThreshold,
  levelRank,
  mayAccept,
  type RiskLevel,
  type RiskMethodContent,
  riskLevel,
  scaleError,
} from './risk-method.rules.js';
export { riskMethodRoutes } from './risk-method.routes.js';

// The risk register: risks on AI systems, their treatment actions and controls.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { riskRegister } from './risks.register.js';
import { riskNumber } from './risks.rules.js';

registerLinkKind(
  registerLinkKindOf(riskRegister, {
    kind: 'risk',
    noun: 'a risk',
    columns: ['number_seq', 'title'],
    label: (r) => `${riskNumber(r.number_seq)} ${r.title}`,
  }),
);

export { riskRoutes } from './risks.routes.js';
export { riskRegister } from './risks.register.js';
export { type RiskInput, type Risk, RISK_STATUSES, TREATMENT_OPTIONS } from './risks.schemas.js';
export {
  type ControlRiskLinks,
  controlRiskLinks,
  type RiskSummary,
  type RiskTask,
  risksForAiSystem,
  orgRiskFlags as inScopeSystemsWithoutRisk,
  riskTasksDue,
} from './risks.service.js';
export { rescoreRisks } from './risks.rescore.js';
export { controlRiskCounts } from './risks.repository.js';
export { type RiskRegisterSummary, riskRegisterSummary } from './risks.summary.js';
