import type { Kysely } from 'kysely';

// Reporting of concerns (Annex A.3.3): what a member noticed about an AI
// system, and how a reviewer triaged it (into an incident, a risk, or closed
// with a reason). Who raised a concern is kept apart in concern_reporters so
// that an anonymous concern's row holds nothing that names its reporter.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('concerns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('ai_system_id', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('noticed_on', 'text')
    .addColumn('anonymous', 'integer', (c) => c.notNull())
    .addColumn('named_reporter_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('named_reporter_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('incident_id', 'text')
    .addColumn('incident_number', 'text')
    .addColumn('risk_id', 'text')
    .addColumn('risk_number', 'text')
    .addColumn('close_reason', 'text')
    .addColumn('triaged_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('triaged_by_name', 'text')
    .addColumn('triaged_at', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('concerns_org_number_uq').unique().on('concerns').columns(['org_id', 'number_seq']).execute();
  // the triage queue and the summary: by status, oldest first
  await db.schema.createIndex('concerns_org_status_idx').on('concerns').columns(['org_id', 'status', 'raised_at']).execute();
  await db.schema.createIndex('concerns_org_triaged_idx').on('concerns').columns(['org_id', 'triaged_at']).execute();

  await db.schema
    .createTable('concern_reporters')
    .addColumn('concern_id', 'text', (c) => c.primaryKey().references('concerns.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .execute();
  await db.schema
    .createIndex('concern_reporters_user_idx')
    .on('concern_reporters')
    .columns(['org_id', 'user_id', 'concern_id'])
    .execute();
}
