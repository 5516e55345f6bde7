import type { Kysely } from 'kysely';

// The evidence register (clauses 7.5, 9.1): what shows a requirement or a
// control is met, as a stored file, a link or another record, with when it was
// collected and how long it stays valid. evidence_links carries the dates of
// its item so a count group's latest date is read from one index.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file_id', 'text')
    .addColumn('url', 'text')
    .addColumn('record_kind', 'text')
    .addColumn('record_id', 'text')
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text')
    .addColumn('period_to', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('link_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('evidence_org_number_uq').unique().on('evidence').columns(['org_id', 'number_seq']).execute();
  await db.schema.createIndex('evidence_org_title_idx').on('evidence').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('evidence_org_collected_idx').on('evidence').columns(['org_id', 'collected_on', 'id']).execute();
  await db.schema.createIndex('evidence_org_valid_idx').on('evidence').columns(['org_id', 'valid_until', 'id']).execute();
  await db.schema.createIndex('evidence_org_area_idx').on('evidence').columns(['org_id', 'area', 'valid_until']).execute();
  await db.schema.createIndex('evidence_org_owner_idx').on('evidence').columns(['org_id', 'owner_user_id']).execute();
  await db.schema.createIndex('evidence_org_archived_idx').on('evidence').columns(['org_id', 'archived_at']).execute();

  await db.schema
    .createTable('evidence_links')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('evidence_id', 'text', (c) => c.notNull().references('evidence.id').onDelete('cascade'))
    /** 'requirement' | 'control' | 'ai-system' | 'risk' */
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text')
    .addColumn('collected_on', 'text', (c) => c.notNull())
    .execute();
  // a count group's latest collection date (target and end day), when an item leaves it
  await db.schema
    .createIndex('evidence_links_target_idx')
    .on('evidence_links')
    .columns(['org_id', 'target_kind', 'target_id', 'valid_until', 'collected_on', 'evidence_id'])
    .execute();
  await db.schema.createIndex('evidence_links_evidence_idx').on('evidence_links').columns(['evidence_id']).execute();
  // the most recent items of a control, for the SoA's rows
  await db.schema
    .createIndex('evidence_links_recent_idx')
    .on('evidence_links')
    .columns(['org_id', 'target_kind', 'target_id', 'collected_on', 'evidence_id'])
    .execute();

  // the list filtered by a control, clause, AI system or risk: EXISTS per item
  await db.schema
    .createIndex('evidence_links_item_idx')
    .on('evidence_links')
    .columns(['org_id', 'target_kind', 'target_id', 'evidence_id'])
    .execute();

  // Items per target (and per area) and day of their end date, kept by every
  // write: coverage is one grouped read of these rows, the state of a day
  // decided by comparing it with today (bench/evidence.ts). An open end is
  // day 9999-12-31 so the key is never NULL.
  await db.schema
    .createTable('evidence_counts')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('valid_day', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('latest_collected_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('evidence_counts_pk', ['org_id', 'target_kind', 'target_id', 'valid_day'])
    .execute();
  // covers coverage's grouped read (no table lookups on SQLite)
  await db.schema
    .createIndex('evidence_counts_read_idx')
    .on('evidence_counts')
    .columns(['org_id', 'target_kind', 'target_id', 'valid_day', 'n', 'latest_collected_on'])
    .execute();
}
