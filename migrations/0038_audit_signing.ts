import type { Kysely } from 'kysely';

// Placeholder: the signed audit-log head and checkpoints (issue 16) fills this in.
export async function up(_db: Kysely<unknown>): Promise<void> {}
