import type { Kysely } from 'kysely';

// The continual improvement log (clause 10.1): each improvement, where it
// came from (an audit, an incident, a review, a suggestion), who owns it, its
// status, the benefit expected and the outcome.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('improvements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('benefit', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('improvements_org_number_uq')
    .unique()
    .on('improvements')
    .columns(['org_id', 'number_seq'])
    .execute();
  // one improvement per source record: addImprovement answers the existing one (NULL ids are distinct)
  await db.schema
    .createIndex('improvements_org_source_uq')
    .unique()
    .on('improvements')
    .columns(['org_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema.createIndex('improvements_org_title_idx').on('improvements').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('improvements_org_due_idx').on('improvements').columns(['org_id', 'due_date', 'id']).execute();
  await db.schema
    .createIndex('improvements_org_updated_idx')
    .on('improvements')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('improvements_org_status_idx').on('improvements').columns(['org_id', 'status']).execute();
}
