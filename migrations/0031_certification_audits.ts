import type { Kysely } from 'kysely';

// Certification audits (steps 10, 11, 14): Stage 1, Stage 2, surveillance, recertification and special audits, their audit rooms and graded findings.
// (placeholder: the module's author fills this migration in)
export async function up(_db: Kysely<unknown>): Promise<void> {}
