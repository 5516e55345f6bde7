// Evidence (clauses 7.5, 9.1): files, links and records showing that
// requirements and controls are met, what they cover, and reminders before
// they run out.
import { registerReminderJob } from '../../platform/jobs/index.js';
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { evidenceExpiryJob } from './evidence.job.js';
import { evidenceRegister } from './evidence.register.js';
import { evidenceNumber } from './evidence.rules.js';

registerLinkKind(
  registerLinkKindOf(evidenceRegister, {
    kind: 'evidence',
    noun: 'an evidence item',
    label: (r) => `${evidenceNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

registerReminderJob(evidenceExpiryJob);

export { evidenceExpiryJob } from './evidence.job.js';
export { evidenceRegister } from './evidence.register.js';
export { evidenceRoutes } from './evidence.routes.js';
export {
  CONTROL_ITEMS_SHOWN,
  type ControlEvidence,
  evidenceCoverage,
  evidenceDue,
  evidenceForControls,
  type EvidenceSummary,
  evidenceSummary,
} from './evidence.coverage.js';
export { AREA_LABELS, EVIDENCE_AREAS, EVIDENCE_STATES, type EvidenceState } from './evidence.rules.js';
