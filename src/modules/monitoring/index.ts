// Monitoring of AI systems (clause 9.1, Annex A.6.2.6): the metrics each AI
// system is watched by, observations pushed by scripts, breach windows as
// tasks for the metric's owner (and incidents when asked), and reviews of
// each metric on a schedule.
import { registerReminderJob } from '../../platform/jobs/index.js';
import { monitoringReviewJob } from './monitoring.job.js';

registerReminderJob(monitoringReviewJob);

export { monitoringRoutes } from './monitoring.routes.js';
export { monitoringReviewJob } from './monitoring.job.js';
export { metricRegister } from './monitoring.register.js';
export { type MonitoringDueItem, type MonitoringSummary, monitoringDue, monitoringSummary } from './monitoring.summary.js';
export {
  BREACH_STATUS_LABELS,
  METRIC_DIRECTION_LABELS,
  METRIC_KIND_LABELS,
  METRIC_STATE_LABELS,
  METRIC_KINDS,
  METRIC_STATES,
} from './monitoring.rules.js';
