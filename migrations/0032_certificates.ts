import type { Kysely } from 'kysely';

// Certification decisions and certificates (step 13), and the surveillance cycle they start (step 14).
// (placeholder: the module's author fills this migration in)
export async function up(_db: Kysely<unknown>): Promise<void> {}
