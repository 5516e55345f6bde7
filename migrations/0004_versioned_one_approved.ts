import { type Kysely, sql } from 'kysely';

// Versioned records (platform/versioned): at most one approved version per
// record, enforced by the database as the one draft already is, so two
// approvals racing on several app processes can never leave two.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('scope_versions_one_approved_uq')
    .on('scope_versions')
    .column('org_id')
    .unique()
    .where(sql.ref('status'), '=', 'approved')
    .execute();
}
