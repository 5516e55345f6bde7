import type { Kysely } from 'kysely';

// Placeholder: invitations and disabled members (issue 16) fills this in.
export async function up(_db: Kysely<unknown>): Promise<void> {}
