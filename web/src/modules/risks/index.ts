// What other modules and app/ may use of the risks module.
export { RiskMethodPage } from './pages/RiskMethodPage';
export { type RiskMethodContent, useEffectiveRiskMethod } from './hooks/useRiskMethod';
export { RisksPage } from './pages/RisksPage';
export { RiskPage } from './pages/RiskPage';
export { EditRiskPage, NewRiskPage } from './pages/RiskFormPage';
export { AiSystemRisks } from './components/register/AiSystemRisks';
