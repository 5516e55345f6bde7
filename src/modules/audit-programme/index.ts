// The internal audit programme (clause 9.2.2): one per organization, a
// versioned record (drafted, approved) that sets the audit cycle (three years
// by default, the certification cycle), how often audits happen, with which
// methods, who is responsible, how results are reported and how auditors stay
// independent; and the coverage map that shows which requirements the
// internal audits of the cycle cover and which none does.
export { auditProgrammeRoutes } from './audit-programme.routes.js';
export { auditCoverage, auditProgramme } from './audit-programme.service.js';
export {
  AUDIT_METHODS,
  type AuditMethod,
  computeCoverage,
  METHOD_LABELS as AUDIT_METHOD_LABELS,
} from './audit-programme.rules.js';
export type { CoverageResponse as AuditCoverage } from './audit-programme.schemas.js';
