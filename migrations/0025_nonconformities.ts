import { type Kysely, sql } from 'kysely';

// Nonconformities and corrective actions (clause 10.2): what did not conform,
// its grade on the organization's scale, correction, root cause, corrective
// actions (child rows) and the effectiveness check that closes it. A closed
// nonconformity always has an effective check (CHECK constraint).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('nonconformities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text')
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text')
    .addColumn('objective_evidence', 'text', (c) => c.notNull())
    .addColumn('evidence_ids', 'text', (c) => c.notNull())
    .addColumn('correction', 'text', (c) => c.notNull())
    .addColumn('correction_date', 'text')
    .addColumn('containment', 'text', (c) => c.notNull())
    .addColumn('containment_date', 'text')
    .addColumn('root_cause_method', 'text', (c) => c.notNull())
    .addColumn('root_cause_whys', 'text', (c) => c.notNull())
    .addColumn('root_cause_categories', 'text', (c) => c.notNull())
    .addColumn('root_cause_summary', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('plan_due_date', 'text', (c) => c.notNull())
    .addColumn('evidence_due_date', 'text', (c) => c.notNull())
    .addColumn('effectiveness_planned_on', 'text')
    .addColumn('effectiveness_method', 'text', (c) => c.notNull())
    .addColumn('effectiveness_result', 'text')
    .addColumn('effectiveness_checked_on', 'text')
    .addColumn('effectiveness_checked_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('effectiveness_checked_by_name', 'text')
    .addColumn('effectiveness_checked_by_email', 'text')
    .addColumn('not_effective_on', 'text')
    .addColumn('recurrence_of', 'text')
    .addColumn('action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('open_action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    // the closing rule, held by the database too
    .addCheckConstraint(
      'nonconformities_closed_effective',
      sql`status <> 'closed' or (effectiveness_result = 'effective' and effectiveness_checked_on is not null and root_cause_summary <> '' and open_action_count = 0)`,
    )
    .execute();
  await db.schema
    .createIndex('nonconformities_org_number_uq')
    .unique()
    .on('nonconformities')
    .columns(['org_id', 'number_seq'])
    .execute();
  // one nonconformity per audit item, incident…: openNonconformity answers the existing one
  await db.schema
    .createIndex('nonconformities_org_source_uq')
    .unique()
    .on('nonconformities')
    .columns(['org_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_title_idx')
    .on('nonconformities')
    .columns(['org_id', 'title_key', 'id'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_status_idx')
    .on('nonconformities')
    .columns(['org_id', 'status', 'closed_at'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_requirement_idx')
    .on('nonconformities')
    .columns(['org_id', 'requirement_id', 'closed_at'])
    .execute();
  await db.schema
    .createIndex('nonconformities_org_owner_idx')
    .on('nonconformities')
    .columns(['org_id', 'owner_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('nonconformity_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('nonconformity_id', 'text', (c) => c.notNull().references('nonconformities.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('nonconformity_actions_nc_idx')
    .on('nonconformity_actions')
    .columns(['org_id', 'nonconformity_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('nonconformity_actions_owner_idx')
    .on('nonconformity_actions')
    .columns(['org_id', 'owner_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('nonconformity_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('grades', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
