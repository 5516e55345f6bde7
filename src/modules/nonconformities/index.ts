// Nonconformity and corrective action (clause 10.2): what did not conform,
// graded on the organization's scale (which sets the plan and evidence
// deadlines), its correction and containment, root cause, corrective actions,
// and the effectiveness check without which it cannot close. Internal audits,
// incidents and management reviews raise them through openNonconformity.
//
// Closing rule (nonconformities.rules.ts closingErrors, and a CHECK in the
// database): the root cause summarised, every corrective action done, and an
// effectiveness check found effective, dated, with who checked it.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { nonconformityRegister } from './nonconformities.register.js';
import { nonconformityNumber } from './nonconformities.rules.js';

registerLinkKind(
  registerLinkKindOf(nonconformityRegister, {
    kind: 'nonconformity',
    noun: 'a nonconformity',
    columns: ['number_seq', 'title'],
    label: (r) => `${nonconformityNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

export { nonconformityRoutes } from './nonconformities.routes.js';
export { nonconformityRegister } from './nonconformities.register.js';
export {
  ACTION_STATUSES,
  type ActionStatus,
  DEFAULT_GRADES,
  type Grade,
  NC_STATUSES,
  type NcStatus,
  nonconformityNumber,
  SOURCE_KINDS,
  type SourceKind,
  STATUS_LABELS,
} from './nonconformities.rules.js';
export type { CorrectiveAction, Nonconformity } from './nonconformities.schemas.js';
export {
  type NonconformityDue,
  type NonconformityState,
  type NonconformitySummary,
  nonconformityStates,
  nonconformitiesDue,
  nonconformityRecords,
  nonconformitySummary,
  type OpenNonconformityInput,
  openNonconformity,
} from './nonconformities.service.js';
export { gradeScale } from './nonconformities.settings.js';
