// Certification audits (journey steps 10, 11 and 14): Stage 1, Stage 2,
// surveillance, recertification and special audits by the certification body,
// each with its audit room (time-limited auditor access, requests answered
// with links to records) and its graded findings; a major or minor finding
// opens a nonconformity in the organization's register.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { certificationAuditRegister } from './certification-audits.register.js';
import { certificationAuditLabel } from './certification-audits.rules.js';

registerLinkKind(
  registerLinkKindOf(certificationAuditRegister, {
    kind: 'certification-audit',
    noun: 'a certification audit',
    columns: ['number_seq', 'type', 'surveillance_number'],
    label: (r) =>
      certificationAuditLabel(
        Number(r.number_seq),
        r.type,
        r.surveillance_number === null ? null : Number(r.surveillance_number),
      ),
  }),
);

export { certificationAuditRoutes } from './certification-audits.routes.js';
export {
  CERTIFICATION_AUDIT_TYPES,
  type CertificationAuditType,
  FINDING_GRADES,
  type FindingGrade,
} from './certification-audits.rules.js';
export {
  type AuditFindingState,
  type CertificationAuditRef,
  type CertificationAuditSummary,
  certificationAuditSummary,
  findingsOfAudits,
  getCertificationAuditRef,
  listCertificationAuditRefs,
} from './certification-audits.service.js';
