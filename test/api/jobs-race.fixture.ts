import type { ReminderJob } from '../../src/platform/jobs/index.js';

/**
 * The same five reminders every minute, as a job whose due query keeps
 * returning an item until it is handled would: only the delivery row stops
 * them from being delivered again. The due query takes a moment, so runs overlap.
 */
export function raceJob(orgId: string, userIds: string[]): ReminderJob {
  return {
    name: 'race-test',
    cron: '* * * * *',
    async due() {
      await new Promise((r) => setTimeout(r, 5));
      return Array.from({ length: 5 }, (_, i) => ({
        key: `race:${i}`,
        orgId,
        userIds,
        title: `Reminder ${i}`,
        body: 'Something is due.',
        link: `/orgs/${orgId}/home`,
      }));
    },
  };
}
