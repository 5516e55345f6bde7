import { type Kysely, sql } from 'kysely';

// AI system inventory (journey step 3) and supplier register (A.10.3).
// List columns a filter or sort needs are real columns; the rest is JSON text.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('org_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('review_interval_days', 'integer', (c) => c.notNull())
    .addColumn('risk_scale', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suppliers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('contact', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('certifications', 'text', (c) => c.notNull())
    .addColumn('risk_rating', 'text')
    .addColumn('last_review_date', 'text')
    .addColumn('next_review_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('suppliers_org_name_idx').on('suppliers').columns(['org_id', 'name_key']).execute();

  await db.schema
    .createTable('supplier_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id').onDelete('cascade'))
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('reviewer', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('risk_rating', 'text', (c) => c.notNull())
    .addColumn('next_review_date', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supplier_reviews_supplier_idx')
    .on('supplier_reviews')
    .columns(['supplier_id', 'review_date'])
    .execute();

  await db.schema
    .createTable('ai_systems')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('external_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('business_owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('business_owner_name', 'text')
    .addColumn('technical_owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('technical_owner_name', 'text')
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('user_impact', 'text', (c) => c.notNull())
    .addColumn('data_categories', 'text', (c) => c.notNull())
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('data_sensitivity', 'text')
    .addColumn('risk_level', 'text')
    .addColumn('monitoring_method', 'text', (c) => c.notNull())
    .addColumn('ai_role', 'text')
    .addColumn('lifecycle_stage', 'text')
    .addColumn('in_scope', 'integer')
    .addColumn('intended_use', 'text', (c) => c.notNull())
    .addColumn('foreseeable_misuse', 'text', (c) => c.notNull())
    .addColumn('human_oversight', 'text', (c) => c.notNull())
    .addColumn('deployment_date', 'text')
    .addColumn('last_review_date', 'text')
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addColumn('merged_into_id', 'text')
    .execute();
  await db.schema.createIndex('ai_systems_org_name_idx').on('ai_systems').columns(['org_id', 'name_key', 'id']).execute();
  await db.schema.createIndex('ai_systems_org_updated_idx').on('ai_systems').columns(['org_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('ai_systems_org_risk_idx').on('ai_systems').columns(['org_id', 'risk_level']).execute();
  await db.schema.createIndex('ai_systems_org_stage_idx').on('ai_systems').columns(['org_id', 'lifecycle_stage']).execute();
  await db.schema
    .createIndex('ai_systems_org_external_uq')
    .on('ai_systems')
    .columns(['org_id', 'external_id'])
    .unique()
    .where(sql.ref('external_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('ai_system_suppliers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('supplier_id', 'text', (c) => c.notNull().references('suppliers.id').onDelete('cascade'))
    .addColumn('dependency', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_system_suppliers_pk', ['ai_system_id', 'supplier_id'])
    .execute();
  await db.schema.createIndex('ai_system_suppliers_supplier_idx').on('ai_system_suppliers').columns(['supplier_id']).execute();
}
