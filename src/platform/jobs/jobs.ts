import { Cron } from 'croner';
import type { Db, Executor } from '../db/db.js';
import { notifyMany } from '../notify/notify.js';
import type { Mailer } from '../notify/mailer.js';
import { sendPendingEmails } from '../notify/outbox.js';
import type { DueItem, ReminderJob } from './jobs.types.js';

// What "exactly once" means here. Every app node runs runDueJobs every minute.
// - One node at a time runs a job: it must win the job's lease, a row updated
//   with a conditional UPDATE (free or expired -> mine), atomic on SQLite and
//   PostgreSQL alike. The lease only saves work; correctness does not rest on
//   it (a node that stalls past its lease may overlap with the next holder).
// - Each due item is delivered once, ever: its (job, item_key) row is the
//   primary key of job_deliveries, inserted ON CONFLICT DO NOTHING in the same
//   transaction as its in-app notifications. Only the insert that wins creates
//   them, so in-app notifications are exactly once whatever the races.
// - Email goes after commit (notify/outbox.ts): at least once, and once unless
//   a process dies between the SMTP server accepting it and recording 'sent'.

const LEASE_MS = 5 * 60_000;
/** items delivered in one transaction */
const BATCH = 100;

const jobs = new Map<string, ReminderJob>();
const schedules = new Map<string, Cron>();

/** Modules call this when loaded (from their index.ts), once per job. */
export function registerReminderJob(job: ReminderJob): void {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(job.name)) throw new Error(`reminder job name must be kebab-case: "${job.name}"`);
  // Fails here, at start-up, on a bad expression rather than at the first run.
  // UTC as an offset, not as the time zone 'UTC': croner reads a named zone
  // through Intl, and loading ICU's date formats costs ~25 ms of every start.
  schedules.set(job.name, new Cron(job.cron, { paused: true, utcOffset: 0 }));
  jobs.set(job.name, job);
}

export function listReminderJobs(): ReminderJob[] {
  return [...jobs.values()];
}

/** Tests register jobs of their own; this forgets one. */
export function unregisterReminderJob(name: string): void {
  jobs.delete(name);
  schedules.delete(name);
}

/** Whether the schedule has a tick in (lastRun, now]; a job that never ran is due at once. */
export function isDue(job: string, lastRunAt: string | null, now: Date): boolean {
  if (!lastRunAt) return true;
  const next = schedules.get(job)?.nextRun(new Date(lastRunAt));
  return !!next && next.getTime() <= now.getTime();
}

export interface RunOptions {
  mailer: Mailer | null;
  now?: Date;
  /** this process, as the lease names it */
  nodeId: string;
  /** base of links in emails */
  publicUrl?: string;
}

export interface RunResult {
  /** jobs this node ran */
  ran: string[];
  /** due jobs another node held */
  busy: string[];
  /** items this node delivered (others' deliveries and repeats are not counted) */
  delivered: number;
  notifications: number;
  emailsSent: number;
  emailsFailed: number;
  /** what went wrong, one line each: a job whose due query failed, an item that could not be delivered */
  errors: string[];
}

/** Runs every registered job that is due, then sends pending emails. Safe to call on every node at once. */
export async function runDueJobs(db: Db, opts: RunOptions): Promise<RunResult> {
  const now = opts.now ?? new Date();
  const result: RunResult = { ran: [], busy: [], delivered: 0, notifications: 0, emailsSent: 0, emailsFailed: 0, errors: [] };
  for (const job of listReminderJobs()) {
    const state = await db.selectFrom('job_leases').select('last_run_at').where('job', '=', job.name).executeTakeFirst();
    if (!isDue(job.name, state?.last_run_at ?? null, now)) continue;
    if (!(await acquireLease(db, job.name, opts.nodeId, now))) {
      result.busy.push(job.name);
      continue;
    }
    let ranAt: string | null = null;
    try {
      // Read again under the lease: another node may have run it meanwhile.
      const fresh = await db.selectFrom('job_leases').select('last_run_at').where('job', '=', job.name).executeTakeFirst();
      if (!isDue(job.name, fresh?.last_run_at ?? null, now)) continue;
      const items = await job.due(db, now);
      const delivery = { now, email: opts.mailer !== null };
      // Sorted, so two nodes delivering overlapping batches take the unique keys in the same order.
      const sorted = [...items].sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
      for (let i = 0; i < sorted.length; i += BATCH) {
        const batch = sorted.slice(i, i + BATCH);
        try {
          const r = await deliverItems(db, job.name, batch, delivery);
          result.delivered += r.delivered;
          result.notifications += r.notifications;
        } catch {
          // One item that cannot be delivered (its organization deleted meanwhile, say) must not
          // hold back the others: deliver this batch one by one; the job reports a failed item
          // again at its next tick if it is still due.
          for (const item of batch) {
            try {
              const n = await deliverItem(db, job.name, item, delivery);
              if (n !== null) {
                result.delivered++;
                result.notifications += n;
              }
            } catch (e) {
              result.errors.push(`${job.name} ${item.key}: ${(e as Error).message}`);
            }
          }
        }
      }
      ranAt = now.toISOString();
      result.ran.push(job.name);
    } catch (e) {
      // A failing job leaves its last run as it was (retried next minute) and the other jobs run.
      result.errors.push(`${job.name}: ${(e as Error).message}`);
    } finally {
      await releaseLease(db, job.name, opts.nodeId, ranAt);
    }
  }
  if (opts.mailer) {
    const sent = await sendPendingEmails(db, opts.mailer, { now, publicUrl: opts.publicUrl });
    result.emailsSent = sent.sent;
    result.emailsFailed = sent.failed;
  }
  return result;
}

/** Takes the job's lease when it is free or expired (never re-entrant: a second run on the same node waits its turn). */
export async function acquireLease(db: Executor, job: string, holder: string, now: Date): Promise<boolean> {
  await db
    .insertInto('job_leases')
    .values({ job, holder: null, lease_until: '', last_run_at: null })
    .onConflict((oc) => oc.column('job').doNothing())
    .execute();
  const at = now.toISOString();
  // One statement, so the check and the take cannot be split by another node:
  // PostgreSQL re-checks the WHERE on the row it waited for, SQLite serialises writes.
  const res = await db
    .updateTable('job_leases')
    .set({ holder, lease_until: new Date(now.getTime() + LEASE_MS).toISOString() })
    .where('job', '=', job)
    .where('lease_until', '<=', at)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

async function releaseLease(db: Executor, job: string, holder: string, ranAt: string | null): Promise<void> {
  await db
    .updateTable('job_leases')
    .set({ holder: null, lease_until: '', ...(ranAt ? { last_run_at: ranAt } : {}) })
    .where('job', '=', job)
    .where('holder', '=', holder)
    .execute();
}

/**
 * Delivers one due item: its delivery row and its in-app notifications in one
 * transaction. Returns the number of notifications created, or null when the
 * item was already delivered (by this node or another).
 */
export async function deliverItem(
  db: Db,
  job: string,
  item: DueItem,
  opts: { now: Date; email: boolean },
): Promise<number | null> {
  const r = await deliverItems(db, job, [item], opts);
  return r.delivered ? r.notifications : null;
}

/**
 * Delivers due items in one transaction: inserts their delivery rows, skipping
 * keys already delivered, and notifies for exactly the rows this insert won.
 */
export async function deliverItems(
  db: Db,
  job: string,
  items: DueItem[],
  opts: { now: Date; email: boolean },
): Promise<{ delivered: number; notifications: number }> {
  const unique = [...new Map(items.map((i) => [i.key, i])).values()];
  if (unique.length === 0) return { delivered: 0, notifications: 0 };
  return db.transaction().execute(async (tx) => {
    const won = await tx
      .insertInto('job_deliveries')
      .values(
        unique.map((item) => ({
          job,
          item_key: item.key,
          org_id: item.orgId,
          recipients: item.userIds.length,
          created_at: opts.now.toISOString(),
        })),
      )
      .onConflict((oc) => oc.columns(['job', 'item_key']).doNothing())
      .returning('item_key')
      .execute();
    const keys = new Set(won.map((w) => w.item_key));
    const notifications = await notifyMany(
      tx,
      unique
        .filter((item) => keys.has(item.key))
        .map((item) => ({
          orgId: item.orgId,
          userIds: item.userIds,
          kind: job,
          title: item.title,
          body: item.body,
          link: item.link,
          email: opts.email,
        })),
      opts.now,
    );
    return { delivered: keys.size, notifications };
  });
}
