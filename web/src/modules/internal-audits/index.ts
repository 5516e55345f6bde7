// What app/ may use of the internal-audits module.
export { EditInternalAuditPage } from './pages/EditInternalAuditPage';
export { InternalAuditPage } from './pages/InternalAuditPage';
export { InternalAuditsPage } from './pages/InternalAuditsPage';
export { NewInternalAuditPage } from './pages/NewInternalAuditPage';
