import type { Kysely } from 'kysely';

// Scheduled reminders and in-app notifications (issue 12). Each job keeps one
// lease row (which node may run it now, and when it last ran); each due item
// is delivered once, ever, because its (job, item_key) row is unique; each
// notification carries its own email state so a failed email is retried for
// that one member without touching the others.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('job_leases')
    .addColumn('job', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text')
    // ISO timestamp; '' when free. Text compares correctly: every value has the same shape.
    .addColumn('lease_until', 'text', (c) => c.notNull())
    .addColumn('last_run_at', 'text')
    .execute();

  await db.schema
    .createTable('job_deliveries')
    .addColumn('job', 'text', (c) => c.notNull())
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('job_deliveries_pk', ['job', 'item_key'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    // 'none' (no email wanted or no mailer), 'pending', 'sent', 'failed' (gave up)
    .addColumn('email_state', 'text', (c) => c.notNull())
    .addColumn('email_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('email_error', 'text')
    .addColumn('email_sent_at', 'text')
    // a node sending this email holds it until then, so two nodes never send it together
    .addColumn('email_claim_until', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_user_idx')
    .on('notifications')
    .columns(['user_id', 'org_id', 'read_at', 'created_at'])
    .execute();
  await db.schema.createIndex('notifications_email_idx').on('notifications').columns(['email_state', 'created_at']).execute();
}
