// Tables of scheduled reminders and notifications (migration 0017). The
// platform owns them: modules notify through notify() and registerReminderJob().

declare module '../db/tables.js' {
  interface DB {
    job_leases: JobLeasesTable;
    job_deliveries: JobDeliveriesTable;
    notifications: NotificationsTable;
  }
}

export interface JobLeasesTable {
  job: string;
  holder: string | null;
  /** ISO timestamp; '' when nobody holds it */
  lease_until: string;
  last_run_at: string | null;
}

export interface JobDeliveriesTable {
  job: string;
  item_key: string;
  org_id: string;
  recipients: number;
  created_at: string;
}

export type EmailState = 'none' | 'pending' | 'sent' | 'failed';

export interface NotificationsTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string;
  created_at: string;
  read_at: string | null;
  email_state: EmailState;
  email_attempts: number;
  email_error: string | null;
  email_sent_at: string | null;
  email_claim_until: string | null;
}
