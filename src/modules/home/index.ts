// The organization's home page: the certification journey at a glance,
// composed from what the scope, gap, inventory and supplier modules report.
// It owns no table; it reads the others through their index.ts and the
// platform's audit log.
export { homeRoutes } from './home.routes.js';
export { journeyStepStates, type SharedFacts } from './home.service.js';
export type { StepState } from './home.rules.js';
