// The readiness engine: pure rules over the organization's data that rehearse
// Stage 1 and Stage 2 as an auditor would, with the journey's 14 steps, each
// verdict carrying the records behind it and the fix; recorded daily and charted.
// It owns one table (readiness_snapshots) and reads every other module through
// its index.ts.
import { registerReminderJob } from '../../platform/jobs/index.js';
import { readinessSnapshotJob } from './readiness.job.js';

registerReminderJob(readinessSnapshotJob);

export { readinessRoutes } from './readiness.routes.js';
export { evaluateReadiness, readinessHistory } from './readiness.service.js';
export { readinessSnapshotJob } from './readiness.job.js';
export type { Readiness } from './readiness.schemas.js';
