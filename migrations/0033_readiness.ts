import type { Kysely } from 'kysely';

// Readiness snapshots: one row per organization and day, for the readiness
// chart. Each evaluation upserts today's row (ON CONFLICT on the primary key,
// so two app processes evaluating at once leave one row), and a daily job
// writes the row for organizations nobody looked at that day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('readiness_snapshots')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    /** YYYY-MM-DD, UTC */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('stage1_pass', 'integer', (c) => c.notNull())
    .addColumn('stage1_warn', 'integer', (c) => c.notNull())
    .addColumn('stage1_fail', 'integer', (c) => c.notNull())
    .addColumn('stage1_na', 'integer', (c) => c.notNull())
    .addColumn('stage2_pass', 'integer', (c) => c.notNull())
    .addColumn('stage2_warn', 'integer', (c) => c.notNull())
    .addColumn('stage2_fail', 'integer', (c) => c.notNull())
    .addColumn('stage2_na', 'integer', (c) => c.notNull())
    .addColumn('steps_done', 'integer', (c) => c.notNull())
    .addColumn('evaluated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('readiness_snapshots_pk', ['org_id', 'day'])
    .execute();
  // the daily job looks for organizations without today's row
  await db.schema.createIndex('readiness_snapshots_day_idx').on('readiness_snapshots').columns(['day', 'org_id']).execute();
}
