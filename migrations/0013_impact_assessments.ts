import { type Kysely, sql } from 'kysely';

// AI system impact assessments (clauses 6.1.4, 8.4, Annex A.5): one per AI
// system in force, older ones kept as superseded history. Lists (people
// affected, impacts) and the basis snapshot are JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('impact_assessments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft'))
    .addColumn('intended_purpose', 'text', (c) => c.notNull())
    .addColumn('context_of_use', 'text', (c) => c.notNull())
    .addColumn('affected_individuals', 'text', (c) => c.notNull())
    .addColumn('affected_groups', 'text', (c) => c.notNull())
    .addColumn('affected_societies', 'text', (c) => c.notNull())
    .addColumn('impacts', 'text', (c) => c.notNull())
    .addColumn('foreseeable_misuse', 'text', (c) => c.notNull())
    .addColumn('assessor_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('assessor_name', 'text')
    .addColumn('assessor_email', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('raised_risks', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_by_name', 'text')
    .addColumn('approved_at', 'text')
    .addColumn('supersedes_id', 'text')
    .addColumn('superseded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('impact_assessments_org_system_idx')
    .on('impact_assessments')
    .columns(['org_id', 'ai_system_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('impact_assessments_org_updated_idx')
    .on('impact_assessments')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();
  // One draft and one approved assessment in force per AI system: a second
  // writer racing for either loses with a conflict and writes nothing.
  await db.schema
    .createIndex('impact_assessments_one_draft_uq')
    .on('impact_assessments')
    .columns(['org_id', 'ai_system_id'])
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
  await db.schema
    .createIndex('impact_assessments_one_approved_uq')
    .on('impact_assessments')
    .columns(['org_id', 'ai_system_id'])
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .where(sql.ref('archived_at'), 'is', null)
    .execute();
}
