import type { Kysely } from 'kysely';

// Issue 17: every register list offers "recently changed first"
// (sort=-updatedAt). These tables had no index in that order, so the list
// sorted the whole organization's rows for each page: 260 ms for 50 of
// 100,000 evidence items on SQLite, against under 1 ms with the index.
const TABLES = [
  'certificates',
  'concerns',
  'evidence',
  'governance_roles',
  'incidents',
  'internal_audits',
  'management_reviews',
  'monitoring_metrics',
  'nonconformities',
  'suppliers',
  'training_records',
  'training_topics',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .createIndex(`${table}_org_updated_idx`)
      .ifNotExists()
      .on(table)
      .columns(['org_id', 'updated_at', 'id'])
      .execute();
  }
}
