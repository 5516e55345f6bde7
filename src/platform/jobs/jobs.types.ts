import type { Executor } from '../db/db.js';

// Scheduled reminders (issue 12): a module registers a job that says what is
// due; the platform runs it on a cron schedule on every app node and delivers
// each due item exactly once across nodes (a lease per job and a unique
// delivery row per item in the database), as an in-app notification and, when
// SMTP is configured, an email.

export interface DueItem {
  /**
   * Identifies this reminder for good: delivered once per key, ever. Include
   * what makes a new reminder necessary, e.g. `evidence:<id>:expires:<validUntil>:30d`.
   */
  key: string;
  orgId: string;
  /** members to tell (user ids); an item with none is recorded and skipped */
  userIds: string[];
  /** short, in words: "Evidence 'DPIA for Support Copilot' expires on 2027-01-12" */
  title: string;
  body: string;
  /** in-app path the notification opens, e.g. `/orgs/<orgId>/evidence/<id>` */
  link: string;
}

export interface ReminderJob {
  /** unique, kebab-case: "evidence-expiry" */
  name: string;
  /** a cron expression (croner syntax), e.g. "0 7 * * *" */
  cron: string;
  /** what is due at `now`, across all organizations; must be cheap and read-only */
  due(db: Executor, now: Date): Promise<DueItem[]>;
}
