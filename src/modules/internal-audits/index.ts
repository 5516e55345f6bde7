// Internal audits (clause 9.2): audits planned with their scope, criteria,
// auditors (independent of what they audit) and the records under audit; a
// checklist generated when an audit starts, with the facts OpenAIMS held at
// that moment; results item by item; nonconformities and improvements raised
// from findings; and the audit report. The audit programme and the
// management review read audits through the functions below.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { auditRegister } from './internal-audits.register.js';
import { auditNumber } from './internal-audits.rules.js';

registerLinkKind(
  registerLinkKindOf(auditRegister, {
    kind: 'internal-audit',
    noun: 'an internal audit',
    columns: ['number_seq', 'title'],
    label: (r) => `${auditNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

export { internalAuditRoutes } from './internal-audits.routes.js';
export { auditRegister as internalAuditRegister } from './internal-audits.register.js';
export {
  AUDIT_STATUSES,
  type AuditStatus,
  ITEM_RESULTS,
  type ItemResult,
  RESULT_LABELS,
  STATUS_LABELS as AUDIT_STATUS_LABELS,
} from './internal-audits.rules.js';
export type { AuditItem, InternalAudit } from './internal-audits.schemas.js';
export {
  type AuditResult,
  type AuditScope,
  auditResultsSince,
  auditScopes,
  type InternalAuditDue,
  type InternalAuditSummary,
  internalAuditsDue,
  internalAuditSummary,
  reportedAuditScopes,
} from './internal-audits.service.js';
