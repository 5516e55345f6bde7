import type { Kysely } from 'kysely';

// AI objectives (clause 6.2): what the organization wants its AI management
// to achieve, how it is measured, by whom and by when, and the progress
// recorded against each over time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('objectives')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_unit', 'text')
    .addColumn('target_direction', 'text')
    .addColumn('baseline_value', 'double precision')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('resources', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('ai_system_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('objectives_org_title_idx').on('objectives').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('objectives_org_due_idx').on('objectives').columns(['org_id', 'due_date', 'id']).execute();
  await db.schema.createIndex('objectives_org_updated_idx').on('objectives').columns(['org_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('objective_progress')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('objective_id', 'text', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_by_name', 'text', (c) => c.notNull())
    .addColumn('recorded_by_email', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('objective_progress_objective_idx')
    .on('objective_progress')
    .columns(['objective_id', 'entry_date'])
    .execute();
}
