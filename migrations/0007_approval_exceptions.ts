import type { Kysely } from 'kysely';

// Versioned records (platform/versioned): the open checks an approver
// accepted, each with a reason, kept with the approved version (JSON; null on
// drafts and on versions approved before this existed).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('scope_versions').addColumn('accepted_exceptions', 'text').execute();
}
