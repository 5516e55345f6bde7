import type { Kysely } from 'kysely';

// Placeholder: sign-in throttling, passwords and sessions (issue 16) fills this in.
export async function up(_db: Kysely<unknown>): Promise<void> {}
