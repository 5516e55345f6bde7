import type { Kysely } from 'kysely';

// Buyer answers and the published trust page.
// (placeholder: the module's author fills this migration in)
export async function up(_db: Kysely<unknown>): Promise<void> {}
