// Certification bodies (journey step 9): the candidate bodies compared side by
// side (issuer, ISO/IEC 42001 accreditation, accreditation body and IAF MLA,
// buyer fit, verification route, timeline, surveillance terms), their quotes
// and audit-day estimates, the one chosen, and the quote request pack.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { certificationBodyRegister } from './certification-bodies.register.js';

// certification audits link an audit to the body that performs it (checkLinks)
registerLinkKind(
  registerLinkKindOf(certificationBodyRegister, {
    kind: 'certification-body',
    noun: 'a certification body',
    columns: ['name'],
    label: (r) => r.name,
    nameKey: 'name_key',
  }),
);

export { certificationBodyRoutes } from './certification-bodies.routes.js';
export {
  BODY_STATUSES as CERTIFICATION_BODY_STATUSES,
  ESTIMATE_CAVEAT,
  estimateAuditDays,
  PARTY_KINDS as CERTIFICATION_BODY_PARTY_KINDS,
} from './certification-bodies.rules.js';
export type { CertificationBody } from './certification-bodies.schemas.js';
export {
  type CertificationBodySummary,
  type ChosenCertificationBody,
  certificationBodySummary,
  chosenCertificationBody,
} from './certification-bodies.service.js';
