// What app/ may use of the audit programme module.
export { AuditProgrammePage } from './pages/AuditProgrammePage';
