// Management reviews (clause 9.3): top management looks at the AI management
// system on a planned date. The inputs are compiled from the other modules
// and frozen on the review when prepared; the meeting's minutes, decisions
// and actions follow, and a member set as top management approves it. An
// approved review is read-only; its improvement decisions are logged in the
// improvement log, and its open actions show in the next review's inputs.
import { registerLinkKind } from '../../platform/refs/index.js';
import { registerLinkKindOf } from '../../platform/register/index.js';
import { managementReviewRegister } from './management-reviews.register.js';
import { reviewNumber } from './management-reviews.rules.js';

registerLinkKind(
  registerLinkKindOf(managementReviewRegister, {
    kind: 'management-review',
    noun: 'a management review',
    columns: ['number_seq', 'title'],
    label: (r) => `${reviewNumber(Number(r.number_seq))} ${r.title}`,
  }),
);

export { managementReviewRoutes } from './management-reviews.routes.js';
export { managementReviewRegister } from './management-reviews.register.js';
export {
  latestApprovedReview,
  type ManagementReviewSummary,
  managementReviewSummary,
  reviewActionsDue,
} from './management-reviews.service.js';
export { DECISION_KINDS, REVIEW_STATUSES, STATUS_LABELS as REVIEW_STATUS_LABELS } from './management-reviews.rules.js';
export type { ManagementReview } from './management-reviews.schemas.js';
