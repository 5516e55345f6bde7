// What other modules and app/ may use of the audit-log module.
export { type AuditEntry, useAuditLog } from './hooks/useAuditLog';
export { AuditLogPage } from './pages/AuditLogPage';
