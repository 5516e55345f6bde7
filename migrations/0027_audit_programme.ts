import { type Kysely, sql } from 'kysely';

// The internal audit programme (clause 9.2.2) as a versioned record
// (platform/versioned): one row per version, at most one draft and one
// approved version per organization, enforced by the database.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('audit_programme_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
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
    .addUniqueConstraint('audit_programme_versions_org_version_uq', ['org_id', 'version'])
    .execute();
  await db.schema
    .createIndex('audit_programme_versions_one_draft_uq')
    .on('audit_programme_versions')
    .column('org_id')
    .unique()
    .where(sql.ref('status'), '=', 'draft')
    .execute();
  await db.schema
    .createIndex('audit_programme_versions_one_approved_uq')
    .on('audit_programme_versions')
    .column('org_id')
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .execute();
}
