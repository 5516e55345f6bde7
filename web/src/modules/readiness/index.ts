// What app/ may use of the readiness module.
export { ReadinessPage } from './pages/ReadinessPage';
