import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { Cron } from 'croner';
import type { Config } from '../config/config.js';
import type { Db } from '../db/db.js';
import { createMailer } from '../notify/mailer.js';
import { type RunResult, runDueJobs } from './jobs.js';

export interface Scheduler {
  /** this node's name in job leases */
  nodeId: string;
  /** stops the timer and waits for a run in progress */
  stop(): Promise<void>;
}

export interface SchedulerLog {
  info(msg: string): void;
  error(msg: string): void;
}

/**
 * Ticks every config.schedulerIntervalSeconds (a minute by default, on the
 * minute) on every node and runs what is due (see jobs.ts for why that is
 * safe however often and on however many nodes it ticks). Started by
 * `aims serve`, not by buildApp: tests call runDueJobs themselves with the
 * time they want.
 */
export function startScheduler(db: Db, config: Config, log: SchedulerLog = consoleLog): Scheduler {
  const nodeId = `${os.hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const mailer = createMailer(config);
  let running: Promise<RunResult | undefined> | null = null;
  const tick = async () => {
    // protect: a run slower than a minute is not started twice on this node
    running = runDueJobs(db, { mailer, nodeId, publicUrl: config.publicUrl }).catch((e) => {
      log.error(`reminder jobs failed: ${(e as Error).message}`);
      return undefined;
    });
    const r = await running;
    running = null;
    for (const error of r?.errors ?? []) log.error(`reminder job: ${error}`);
    if (r && (r.delivered || r.emailsSent || r.emailsFailed))
      log.info(
        `reminders: ${r.delivered} delivered (${r.notifications} notifications), ${r.emailsSent} emails sent, ${r.emailsFailed} failed`,
      );
  };
  const every = config.schedulerIntervalSeconds;
  // UTC by offset (jobs.ts says why)
  const timer =
    every === 60
      ? new Cron('* * * * *', { protect: true, utcOffset: 0 }, tick)
      : new Cron('* * * * * *', { protect: true, utcOffset: 0, interval: every }, tick);
  // The first run right away: a node started at 07:00:30 need not wait for the next minute.
  void tick();
  return {
    nodeId,
    async stop() {
      timer.stop();
      if (running) await running;
      mailer?.close();
    },
  };
}

const consoleLog: SchedulerLog = {
  info: (m) => process.stdout.write(`${m}\n`),
  error: (m) => process.stderr.write(`error: ${m}\n`),
};
