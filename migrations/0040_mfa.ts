import type { Kysely } from 'kysely';

// Placeholder: TOTP multi-factor authentication (issue 16) fills this in.
export async function up(_db: Kysely<unknown>): Promise<void> {}
