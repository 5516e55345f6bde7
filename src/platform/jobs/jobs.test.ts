import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.js';
import { loadConfig } from '../config/config.js';
import { isDue, registerReminderJob, unregisterReminderJob } from './jobs.js';
import { startScheduler } from './scheduler.js';

describe('isDue', () => {
  beforeAll(() => registerReminderJob({ name: 'daily-seven', cron: '0 7 * * *', due: async () => [] }));
  afterAll(() => unregisterReminderJob('daily-seven'));

  it('is due once the next tick after the last run has passed, in UTC', () => {
    expect(isDue('daily-seven', null, new Date('2027-01-01T00:00:00Z'))).toBe(true);
    const last = '2027-01-01T07:00:30.000Z';
    expect(isDue('daily-seven', last, new Date('2027-01-01T23:59:00Z'))).toBe(false);
    expect(isDue('daily-seven', last, new Date('2027-01-02T06:59:59Z'))).toBe(false);
    expect(isDue('daily-seven', last, new Date('2027-01-02T07:00:00Z'))).toBe(true);
    // A node down for three days runs once when it is back, not three times.
    expect(isDue('daily-seven', last, new Date('2027-01-05T12:00:00Z'))).toBe(true);
  });

  it('refuses a bad cron expression or name when the job registers', () => {
    expect(() => registerReminderJob({ name: 'bad-cron', cron: 'every day', due: async () => [] })).toThrow();
    expect(() => registerReminderJob({ name: 'Bad Name', cron: '0 7 * * *', due: async () => [] })).toThrow(/kebab-case/);
  });
});

describe('startScheduler', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
  });
  afterAll(() => database.destroy());

  it('runs due jobs right away, records the run, and stops cleanly', async () => {
    let calls = 0;
    let finish = () => {};
    const ran = new Promise<void>((r) => {
      finish = r;
    });
    registerReminderJob({
      name: 'scheduler-test',
      cron: '0 7 * * *',
      async due() {
        calls++;
        finish();
        return [];
      },
    });
    const quiet = { info: () => {}, error: () => {} };
    const scheduler = startScheduler(database.db, loadConfig({ dataDir: '/tmp' }, {}), quiet);
    try {
      await ran;
    } finally {
      await scheduler.stop();
      unregisterReminderJob('scheduler-test');
    }
    expect(calls).toBe(1);
    const lease = await database.db.selectFrom('job_leases').selectAll().where('job', '=', 'scheduler-test').executeTakeFirst();
    expect(lease).toMatchObject({ holder: null, lease_until: '' });
    expect(lease?.last_run_at).toEqual(expect.any(String));
  });

  it('ticks at the configured interval: a job due again runs again without waiting for the next minute', async () => {
    let calls = 0;
    registerReminderJob({
      name: 'interval-test',
      cron: '0 7 * * *',
      async due() {
        calls++;
        return [];
      },
    });
    const quiet = { info: () => {}, error: () => {} };
    const lastRun = async () =>
      (await database.db.selectFrom('job_leases').select('last_run_at').where('job', '=', 'interval-test').executeTakeFirst())
        ?.last_run_at;
    const waitFor = async (check: () => Promise<boolean>) => {
      for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 50));
    };
    const scheduler = startScheduler(database.db, loadConfig({ dataDir: '/tmp', schedulerIntervalSeconds: 1 }, {}), quiet);
    try {
      await waitFor(async () => (await lastRun()) != null);
      expect(calls).toBe(1);
      // Due again (a new day, say): the next tick, a second or so later, runs it.
      await database.db.updateTable('job_leases').set({ last_run_at: null }).where('job', '=', 'interval-test').execute();
      await waitFor(async () => (await lastRun()) != null);
      expect(calls).toBe(2);
    } finally {
      await scheduler.stop();
      unregisterReminderJob('interval-test');
    }
  });
});
