import type { Kysely } from 'kysely';

// PLACEHOLDER: filled by the module that owns it (issue 12).
export async function up(_db: Kysely<unknown>): Promise<void> {}
