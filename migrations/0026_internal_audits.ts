import type { Kysely } from 'kysely';

// Internal audits (clause 9.2): an audit's scope, criteria, dates, auditors
// and areas (internal_audits, a register), and its checklist (audit_items):
// one row per topic or requirement, with the facts seen when it started, the
// result, the evidence reviewed and the nonconformity or improvement raised.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('internal_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('requirement_ids', 'text', (c) => c.notNull())
    .addColumn('criteria', 'text', (c) => c.notNull())
    .addColumn('planned_start', 'text')
    .addColumn('planned_end', 'text')
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('auditors', 'text', (c) => c.notNull())
    .addColumn('areas', 'text', (c) => c.notNull())
    .addColumn('conclusions', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('internal_audits_org_number_uq')
    .unique()
    .on('internal_audits')
    .columns(['org_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('internal_audits_org_title_idx')
    .on('internal_audits')
    .columns(['org_id', 'title_key', 'id'])
    .execute();
  await db.schema
    .createIndex('internal_audits_org_status_idx')
    .on('internal_audits')
    .columns(['org_id', 'status', 'planned_start'])
    .execute();
  await db.schema
    .createIndex('internal_audits_org_start_idx')
    .on('internal_audits')
    .columns(['org_id', 'planned_start', 'id'])
    .execute();
  await db.schema
    .createIndex('internal_audits_org_reported_idx')
    .on('internal_audits')
    .columns(['org_id', 'reported_at'])
    .execute();

  await db.schema
    .createTable('audit_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('internal_audits.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    /** 'topic' (the standing checklist) | 'requirement' (a clause or control in scope) */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the topic key or the requirement id: unique per audit */
    .addColumn('item_key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('module_keys', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('sample', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('nonconformity_id', 'text')
    .addColumn('nonconformity_number', 'text')
    .addColumn('improvement_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_items_audit_key_uq').unique().on('audit_items').columns(['audit_id', 'item_key']).execute();
  await db.schema
    .createIndex('audit_items_org_audit_idx')
    .on('audit_items')
    .columns(['org_id', 'audit_id', 'position'])
    .execute();
}
