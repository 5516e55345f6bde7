import type { Kysely } from 'kysely';

// Account security: a password set by an administrator (or the CLI) must be
// changed at the next sign-in; sessions remember where they were started so
// their owner can recognise and end them; API tokens may expire.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('users')
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
  await db.schema.alterTable('sessions').addColumn('ip', 'text').execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', 'text').execute();
}
