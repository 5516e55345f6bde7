import type { Kysely } from 'kysely';

// Buyer readiness: the answers an organization edited by hand (one row per
// organization and question; the generated draft is never stored, only the
// draft as it was when edited, to tell "data changed since you edited"), the
// published trust page (one per organization, a snapshot of the answers taken
// at publish time, its slug unique across organizations), and the hits on
// the public page per client address, counted in the database so the limit
// holds across app processes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('buyer_answers')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('draft_at_edit', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('buyer_answers_pk', ['org_id', 'question_id'])
    .execute();

  await db.schema
    .createTable('trust_pages')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('public_name', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // a slug stays reserved while the row exists (also unpublished), so an old
  // link never shows another organization's page
  await db.schema.createIndex('trust_pages_slug_uq').unique().on('trust_pages').column('slug').execute();

  await db.schema
    .createTable('trust_page_hits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('trust_page_hits_ip_at_idx').on('trust_page_hits').columns(['ip', 'at']).execute();
}
