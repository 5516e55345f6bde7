import type { Kysely } from 'kysely';

// Issue 17 (speed at scale): placeholder, filled by the work on it.
export async function up(_db: Kysely<unknown>): Promise<void> {}
