import { type Kysely, sql } from 'kysely';

// Certification decisions and certificates (step 13), and the surveillance
// cycle they start (step 14); plus the public verification page's per-IP
// lookup counter (state in the database, so every app node sees the same limit).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certification_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull())
    .addColumn('audit_label', 'text', (c) => c.notNull())
    .addColumn('audit_type', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('cycle', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('certification_decisions_org_decided_idx')
    .on('certification_decisions')
    .columns(['org_id', 'decided_on', 'id'])
    .execute();
  await db.schema
    .createIndex('certification_decisions_org_updated_idx')
    .on('certification_decisions')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('decision_id', 'text', (c) => c.notNull().references('certification_decisions.id'))
    .addColumn('organization_name', 'text', (c) => c.notNull())
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('scope_statement', 'text', (c) => c.notNull())
    .addColumn('scope_version', 'integer')
    .addColumn('sites', 'text', (c) => c.notNull())
    .addColumn('certificate_number', 'text', (c) => c.notNull())
    .addColumn('certificate_number_key', 'text', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('expiry_date', 'text', (c) => c.notNull())
    .addColumn('issuing_body_name', 'text', (c) => c.notNull())
    .addColumn('certification_body_id', 'text')
    .addColumn('accreditation_body', 'text', (c) => c.notNull())
    .addColumn('accreditation_number', 'text', (c) => c.notNull())
    .addColumn('iaf_mla', 'text', (c) => c.notNull())
    .addColumn('verification_route', 'text', (c) => c.notNull())
    .addColumn('iaf_cert_search_listed', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text', (c) => c.notNull())
    .addColumn('status_changed_on', 'text')
    .addColumn('published', 'integer', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  // a published certificate number names one certificate across every organization (the public page looks it up)
  await db.schema
    .createIndex('certificates_published_number_uq')
    .unique()
    .on('certificates')
    .column('certificate_number_key')
    .where(sql.ref('published'), '=', 1)
    .execute();
  await db.schema.createIndex('certificates_org_issue_idx').on('certificates').columns(['org_id', 'issue_date', 'id']).execute();
  await db.schema
    .createIndex('certificates_org_number_idx')
    .on('certificates')
    .columns(['org_id', 'certificate_number_key', 'id'])
    .execute();
  await db.schema
    .createIndex('certificates_org_expiry_idx')
    .on('certificates')
    .columns(['org_id', 'expiry_date', 'id'])
    .execute();
  await db.schema.createIndex('certificates_status_idx').on('certificates').columns(['status', 'expiry_date']).execute();

  await db.schema
    .createTable('certificate_lookups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('certificate_lookups_ip_at_idx').on('certificate_lookups').columns(['ip', 'at']).execute();
  await db.schema.createIndex('certificate_lookups_at_idx').on('certificate_lookups').column('at').execute();
}
