// Risks (clause 6.1.2, 8.2, 8.3): the AI risk method and the risk register.

// The risk method: the versioned method and the rules every risk is scored with.
export { type EffectiveRiskMethod, effectiveRiskMethod } from './risk-method.service.js';
export {
  AI_RISK_SOURCES,
  DEFAULT_RISK_METHOD,
  isAboveThreshold,
  levelRank,
  mayAccept,
  type RiskLevel,
  type RiskMethodContent,
  riskLevel,
  scaleError,
} from './risk-method.rules.js';
