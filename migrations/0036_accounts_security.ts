import type { Kysely } from 'kysely';

// Sign-in throttling (issue 16) counts failures per account and source
// (email and address together) and looks up the last success there; this
// index serves both. The per-account and per-source counts use the indexes
// of 0001.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('sign_in_attempts_email_ip_idx').on('sign_in_attempts').columns(['email', 'ip', 'at']).execute();
}
