// What other modules and app/ may use of the risks module.
export { RiskMethodPage } from './pages/RiskMethodPage';
export { type RiskMethodContent, useEffectiveRiskMethod } from './hooks/useRiskMethod';
