import { type Kysely, sql } from 'kysely';

// Documented information (clause 7.5) and the AI policy's communication
// (Annex A.2.2): a register of controlled documents, their content as
// versions (platform/versioned, keyed by document), who acknowledged which
// approved version, and each organization's approval rule.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('doc_type', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('owner_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('owner_name', 'text')
    .addColumn('owner_email', 'text')
    .addColumn('review_interval_months', 'integer', (c) => c.notNull())
    .addColumn('next_review_date', 'text')
    // 1 when a person set next_review_date: the next approval keeps a later date
    .addColumn('next_review_explicit', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('requires_acknowledgement', 'integer', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('named_role_ids', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .addColumn('retired_reason', 'text')
    .addColumn('review_requested_at', 'text')
    .addColumn('review_requested_by', 'text', (c) => c.references('users.id'))
    // the approved version whose approval the row's dates reflect
    .addColumn('approved_version_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .addUniqueConstraint('documents_org_number_uq', ['org_id', 'number_seq'])
    .execute();
  await db.schema.createIndex('documents_org_title_idx').on('documents').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('documents_org_review_idx').on('documents').columns(['org_id', 'next_review_date', 'id']).execute();
  await db.schema.createIndex('documents_org_updated_idx').on('documents').columns(['org_id', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('document_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.references('users.id'))
    .addColumn('approved_at', 'text')
    .addColumn('approval_note', 'text')
    .addColumn('accepted_exceptions', 'text')
    .addUniqueConstraint('document_versions_doc_version_uq', ['org_id', 'document_id', 'version'])
    .execute();
  await db.schema
    .createIndex('document_versions_one_draft_uq')
    .on('document_versions')
    .column('document_id')
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .execute();
  await db.schema
    .createIndex('document_versions_one_approved_uq')
    .on('document_versions')
    .column('document_id')
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .execute();

  await db.schema
    .createTable('document_acknowledgements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('acknowledged_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('document_acknowledgements_uq', ['document_id', 'version', 'user_id'])
    .execute();
  await db.schema
    .createIndex('document_acknowledgements_user_idx')
    .on('document_acknowledgements')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('document_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('require_second_approver', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
