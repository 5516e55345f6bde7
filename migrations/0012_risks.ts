import { type Kysely, sql } from 'kysely';

// The AI risk register (6.1.2, 8.2, 8.3): risks on AI systems, their
// treatment actions and the controls those actions rely on. Levels are
// stored as the method computed them, with their rank, so lists filter and
// sort on an index and heatmaps count without reading every row.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('source_category', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('consequence', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('inherent_likelihood', 'integer', (c) => c.notNull())
    .addColumn('inherent_impact', 'integer', (c) => c.notNull())
    .addColumn('inherent_level', 'text', (c) => c.notNull())
    .addColumn('inherent_rank', 'integer', (c) => c.notNull())
    .addColumn('treatment_option', 'text')
    .addColumn('residual_likelihood', 'integer')
    .addColumn('residual_impact', 'integer')
    .addColumn('residual_level', 'text')
    .addColumn('residual_rank', 'integer', (c) => c.notNull())
    .addColumn('current_rank', 'integer', (c) => c.notNull())
    .addColumn('supplier_ids', 'text', (c) => c.notNull())
    .addColumn('accepted_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('accepted_by_name', 'text')
    .addColumn('accepted_by_email', 'text')
    .addColumn('accepted_at', 'text')
    .addColumn('acceptance_reason', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    // kept by the treatment-action writes, so "untreated" is a column test, not a subquery per row
    .addColumn('action_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('risks_org_number_uq').on('risks').columns(['org_id', 'number_seq']).unique().execute();
  await db.schema.createIndex('risks_org_inherent_idx').on('risks').columns(['org_id', 'inherent_rank', 'id']).execute();
  await db.schema.createIndex('risks_org_residual_idx').on('risks').columns(['org_id', 'residual_rank', 'id']).execute();
  await db.schema.createIndex('risks_org_updated_idx').on('risks').columns(['org_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('risks_org_title_idx').on('risks').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('risks_org_status_idx').on('risks').columns(['org_id', 'status', 'inherent_rank', 'id']).execute();
  // The review-date sort puts risks without a date last: the same expression as the sort, indexed.
  await sql`create index risks_org_review_sort_idx on risks (org_id, (coalesce(next_review_date, '9999-12-31')), id)`.execute(db);
  await db.schema.createIndex('risks_org_residual_level_idx').on('risks').columns(['org_id', 'residual_level']).execute();
  await db.schema.createIndex('risks_org_inherent_level_idx').on('risks').columns(['org_id', 'inherent_level']).execute();
  await db.schema.createIndex('risks_org_owner_idx').on('risks').columns(['org_id', 'owner_user_id']).execute();
  // The heatmaps count per cell from these alone (covering).
  await db.schema
    .createIndex('risks_org_inherent_cell_idx')
    .on('risks')
    .columns(['org_id', 'archived_at', 'inherent_likelihood', 'inherent_impact', 'status'])
    .execute();
  await db.schema
    .createIndex('risks_org_residual_cell_idx')
    .on('risks')
    .columns(['org_id', 'archived_at', 'residual_likelihood', 'residual_impact', 'status'])
    .execute();

  await db.schema
    .createTable('risk_ai_systems')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_ai_systems_pk', ['risk_id', 'ai_system_id'])
    .execute();
  await db.schema.createIndex('risk_ai_systems_system_idx').on('risk_ai_systems').columns(['ai_system_id', 'risk_id']).execute();

  await db.schema
    .createTable('risk_treatment_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('control_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_actions_risk_idx').on('risk_treatment_actions').columns(['risk_id', 'created_at']).execute();
  // Not led by org_id: SQLite without statistics would take an org_id index over these for "risk_id in (...)".
  await db.schema
    .createIndex('risk_actions_owner_due_idx')
    .on('risk_treatment_actions')
    .columns(['owner_user_id', 'due_date'])
    .execute();

  // One row per control a treatment action relies on: the SoA asks "which
  // risks rely on this control" without reading every action.
  await db.schema
    .createTable('risk_action_controls')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('action_id', 'text', (c) => c.notNull().references('risk_treatment_actions.id').onDelete('cascade'))
    .addColumn('risk_id', 'text', (c) => c.notNull().references('risks.id').onDelete('cascade'))
    .addColumn('control_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_action_controls_pk', ['action_id', 'control_id'])
    .execute();
  await db.schema
    .createIndex('risk_action_controls_control_idx')
    .on('risk_action_controls')
    .columns(['org_id', 'control_id', 'risk_id'])
    .execute();
}
