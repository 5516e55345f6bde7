import { type Kysely, sql } from 'kysely';

// Certification bodies (journey step 9): the candidates compared side by side
// (issuer, accreditation, verification route, buyer and timeline fit,
// surveillance terms, quote and audit days), the one chosen with the reasons
// given for its open warnings, and the quote request settings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certification_bodies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('country', 'text')
    .addColumn('website', 'text')
    .addColumn('accredited_for_iso42001', 'text', (c) => c.notNull())
    .addColumn('accreditation_body', 'text')
    .addColumn('accreditation_reference', 'text')
    .addColumn('iaf_mla_signatory', 'text', (c) => c.notNull())
    .addColumn('verification_route', 'text', (c) => c.notNull())
    .addColumn('listed_in_iaf_certsearch', 'text', (c) => c.notNull())
    .addColumn('buyer_markets', 'text', (c) => c.notNull())
    .addColumn('buyer_notes', 'text', (c) => c.notNull())
    .addColumn('earliest_stage1_on', 'text')
    .addColumn('timeline_notes', 'text', (c) => c.notNull())
    .addColumn('surveillance_terms_clear', 'integer', (c) => c.notNull())
    .addColumn('surveillance_notes', 'text', (c) => c.notNull())
    .addColumn('quote_amount', 'real')
    .addColumn('quote_currency', 'text')
    .addColumn('quote_received_on', 'text')
    .addColumn('quote_valid_until', 'text')
    .addColumn('days_stage1', 'real')
    .addColumn('days_stage2', 'real')
    .addColumn('days_surveillance', 'real')
    .addColumn('days_recertification', 'real')
    .addColumn('choice_reasons', 'text', (c) => c.notNull())
    .addColumn('choice_note', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('chosen_at', 'text')
    .addColumn('chosen_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('chosen_by_name', 'text')
    .addColumn('accepted_warnings', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  // exactly one chosen body per organization, whatever the number of app processes
  await db.schema
    .createIndex('certification_bodies_one_chosen_uq')
    .on('certification_bodies')
    .column('org_id')
    .unique()
    .where(sql.ref('status'), '=', 'chosen')
    .execute();
  await db.schema
    .createIndex('certification_bodies_org_name_idx')
    .on('certification_bodies')
    .columns(['org_id', 'name_key', 'id'])
    .execute();
  await db.schema
    .createIndex('certification_bodies_org_updated_idx')
    .on('certification_bodies')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('certification_bodies_org_status_idx')
    .on('certification_bodies')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('certification_body_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('desired_stage2_month', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
