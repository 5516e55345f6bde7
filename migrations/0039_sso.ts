import type { Kysely } from 'kysely';

// Placeholder: single sign-on (OpenID Connect) (issue 16) fills this in.
export async function up(_db: Kysely<unknown>): Promise<void> {}
