// Buyer readiness: the certification timeline (the planning range for the
// organization's type and a forecast of Stage 1 and Stage 2 from open
// actions), the buyer questions answered from the organization's data and
// edited, and the published trust page with its PDF.
export { publicTrustRoutes, trustRoutes } from './trust.routes.js';
export { BUYER_QUESTIONS, type QuestionId } from './trust.answers.js';
export { ORG_TYPE_LABELS, type OrgType, orgType, PLANNING_RANGES, forecast } from './trust.rules.js';
