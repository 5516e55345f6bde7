import type { Kysely } from 'kysely';

// Certification bodies (journey step 9): the candidates compared, their quotes and the one chosen.
// (placeholder: the module's author fills this migration in)
export async function up(_db: Kysely<unknown>): Promise<void> {}
