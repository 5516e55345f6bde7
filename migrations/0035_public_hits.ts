import type { Kysely } from 'kysely';

// One table for the per-address limit of every public route (platform/http/
// public-throttle.ts), in place of the two copies the certificate lookup and
// the trust page had. The hits are kept only for their window, so nothing
// worth moving is dropped with the old tables.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('public_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('bucket', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('public_hits_bucket_ip_at_idx').on('public_hits').columns(['bucket', 'ip', 'at']).execute();
  await db.schema.createIndex('public_hits_bucket_at_idx').on('public_hits').columns(['bucket', 'at']).execute();
  await db.schema.dropTable('certificate_lookups').execute();
  await db.schema.dropTable('trust_page_hits').execute();
}
