// What app/ may use of the buyer readiness module.
export { BuyerReadinessPage } from './pages/BuyerReadinessPage';
export { TrustPage } from './pages/TrustPage';
