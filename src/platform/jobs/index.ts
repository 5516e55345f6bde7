// Scheduled reminders: modules register what is due, the platform delivers it.
export type { DueItem, ReminderJob } from './jobs.types.js';
export {
  deliverItem,
  isDue,
  listReminderJobs,
  type RunOptions,
  type RunResult,
  registerReminderJob,
  runDueJobs,
  unregisterReminderJob,
} from './jobs.js';
export { type Scheduler, startScheduler } from './scheduler.js';
