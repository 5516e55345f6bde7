import type { Kysely } from 'kysely';

// The AI incident register (Annex A.8.4): what happened, to which AI system,
// how serious, who it was escalated to, who was told, and how it was closed.
// incident_updates holds the running notes of an incident's timeline.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text')
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .addColumn('detected_how', 'text', (c) => c.notNull())
    .addColumn('severity', 'text', (c) => c.notNull())
    .addColumn('severity_rank', 'integer', (c) => c.notNull())
    .addColumn('harm_categories', 'text', (c) => c.notNull())
    .addColumn('people_affected_count', 'integer')
    .addColumn('people_affected_description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('escalated_to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('escalated_to_name', 'text')
    .addColumn('escalated_to_email', 'text')
    .addColumn('escalated_at', 'text')
    .addColumn('communications', 'text', (c) => c.notNull())
    .addColumn('no_communication_reason', 'text')
    .addColumn('containment', 'text', (c) => c.notNull())
    .addColumn('root_cause', 'text', (c) => c.notNull())
    .addColumn('lessons_learned', 'text', (c) => c.notNull())
    .addColumn('linked_risk_ids', 'text', (c) => c.notNull())
    .addColumn('corrective_action_ids', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('incidents_org_number_uq').unique().on('incidents').columns(['org_id', 'number_seq']).execute();
  // one incident per monitoring breach or concern: openIncident answers the existing one
  await db.schema
    .createIndex('incidents_org_source_uq')
    .unique()
    .on('incidents')
    .columns(['org_id', 'source_kind', 'source_id'])
    .execute();
  await db.schema.createIndex('incidents_org_title_idx').on('incidents').columns(['org_id', 'title_key', 'id']).execute();
  await db.schema.createIndex('incidents_org_detected_idx').on('incidents').columns(['org_id', 'detected_at', 'id']).execute();
  await db.schema.createIndex('incidents_org_severity_idx').on('incidents').columns(['org_id', 'severity_rank', 'id']).execute();
  await db.schema.createIndex('incidents_org_status_idx').on('incidents').columns(['org_id', 'status', 'closed_at']).execute();
  await db.schema.createIndex('incidents_org_system_idx').on('incidents').columns(['org_id', 'ai_system_id']).execute();
  await db.schema
    .createIndex('incidents_org_escalated_idx')
    .on('incidents')
    .columns(['org_id', 'escalated_to_user_id', 'status'])
    .execute();

  await db.schema
    .createTable('incident_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text')
    .addColumn('by_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_updates_incident_idx')
    .on('incident_updates')
    .columns(['org_id', 'incident_id', 'at'])
    .execute();
}
