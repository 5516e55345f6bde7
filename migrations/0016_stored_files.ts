import type { Kysely } from 'kysely';

// The evidence store (issue 12): an organization's handle on a content-addressed
// blob. The bytes live in the blob store under their SHA-256; this row says
// which organization uploaded them, under which name and type, and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('stored_files')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stored_files_org_sha_idx').on('stored_files').columns(['org_id', 'sha256']).execute();
}
