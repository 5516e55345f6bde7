import type { Kysely } from 'kysely';

// People a record names (platform/refs personRef) may carry an email when
// they are not members: an owner outside OpenAIMS can still be reached.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [table, column] of [
    ['ai_systems', 'business_owner_email'],
    ['ai_systems', 'technical_owner_email'],
    ['gap_answers', 'owner_email'],
    ['gap_actions', 'owner_email'],
    ['supplier_reviews', 'reviewer_user_id'],
    ['supplier_reviews', 'reviewer_email'],
  ] as const) {
    await db.schema.alterTable(table).addColumn(column, 'text').execute();
  }
}
