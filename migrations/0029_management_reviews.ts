import type { Kysely } from 'kysely';

// Management reviews (clause 9.3): the meetings where top management looks at
// the AI management system, with the inputs frozen when they were prepared
// (JSON), the minutes and decisions, the actions they gave (a child table,
// tracked across reviews), and who of top management approved them. Which
// members are top management is one row per organization.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('management_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('meeting_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('chair_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('chair_name', 'text')
    .addColumn('chair_email', 'text')
    .addColumn('attendees', 'text', (c) => c.notNull())
    .addColumn('minutes', 'text', (c) => c.notNull())
    .addColumn('decisions', 'text', (c) => c.notNull())
    .addColumn('resource_needs', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text')
    .addColumn('inputs_prepared_at', 'text')
    .addColumn('inputs_prepared_by', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('approved_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('approved_by_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('management_reviews_org_number_uq')
    .unique()
    .on('management_reviews')
    .columns(['org_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('management_reviews_org_date_idx')
    .on('management_reviews')
    .columns(['org_id', 'meeting_date', 'id'])
    .execute();
  await db.schema
    .createIndex('management_reviews_org_title_idx')
    .on('management_reviews')
    .columns(['org_id', 'title_key', 'id'])
    .execute();
  await db.schema
    .createIndex('management_reviews_org_status_idx')
    .on('management_reviews')
    .columns(['org_id', 'status', 'meeting_date'])
    .execute();

  await db.schema
    .createTable('management_review_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('review_id', 'text', (c) => c.notNull().references('management_reviews.id').onDelete('cascade'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('management_review_actions_review_idx')
    .on('management_review_actions')
    .columns(['org_id', 'review_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('management_review_actions_open_idx')
    .on('management_review_actions')
    .columns(['org_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('management_review_actions_owner_idx')
    .on('management_review_actions')
    .columns(['org_id', 'owner_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('management_review_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('top_management_user_ids', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
