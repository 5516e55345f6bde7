import type { Kysely } from 'kysely';

// Placeholder: filled by the module that owns it before it ships.
export async function up(_db: Kysely<unknown>): Promise<void> {}
