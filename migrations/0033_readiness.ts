import type { Kysely } from 'kysely';

// Readiness snapshots: one row per organization and day, for the readiness chart.
// (placeholder: the module's author fills this migration in)
export async function up(_db: Kysely<unknown>): Promise<void> {}
