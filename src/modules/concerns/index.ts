// Reporting of concerns (Annex A.3.3): members raise concerns about AI
// systems, in their name or anonymously; reviewers (the approve permission)
// triage each into an incident, a risk, or close it with a reason, and the
// reporter sees the outcome. Who raised an anonymous concern is never shown
// to reviewers: see concerns.tables.ts.
import { registerLinkKind } from '../../platform/refs/index.js';
import { concernLabels } from './concerns.service.js';

registerLinkKind({ kind: 'concern', noun: 'a concern', lookup: concernLabels });

export { concernRoutes } from './concerns.routes.js';
export { concernSummary, concernsDue } from './concerns.service.js';
export { CONCERN_STATUSES, type ConcernStatus, STATUS_WORDS as CONCERN_STATUS_WORDS } from './concerns.rules.js';
