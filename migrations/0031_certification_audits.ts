import type { Kysely } from 'kysely';

// Certification audits (steps 10, 11, 14): Stage 1, Stage 2, surveillance,
// recertification and special audits by the certification body, their audit
// rooms (time-limited access for the body's auditors, requests answered with
// links to records) and graded findings (a major or minor one opens a
// nonconformity). Memberships gain a start: an auditor's access begins on the
// audit's first day, not when it was granted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('certification_audits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('surveillance_number', 'integer')
    .addColumn('certification_body_id', 'text')
    .addColumn('planned_start', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text', (c) => c.notNull())
    .addColumn('actual_start', 'text')
    .addColumn('actual_end', 'text')
    // actual dates when recorded, else planned: what the access window and the sorts follow
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('sites', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('certification_audits_org_number_uq')
    .unique()
    .on('certification_audits')
    .columns(['org_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('certification_audits_org_start_idx')
    .on('certification_audits')
    .columns(['org_id', 'start_date', 'id'])
    .execute();
  await db.schema
    .createIndex('certification_audits_org_type_idx')
    .on('certification_audits')
    .columns(['org_id', 'type', 'status'])
    .execute();
  await db.schema
    .createIndex('certification_audits_org_updated_idx')
    .on('certification_audits')
    .columns(['org_id', 'updated_at', 'id'])
    .execute();

  // who was given access through which audit; the membership carries the window
  await db.schema
    .createTable('certification_audit_access')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('certification_audits.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addPrimaryKeyConstraint('certification_audit_access_pk', ['audit_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('certification_audit_access_user_idx')
    .on('certification_audit_access')
    .columns(['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('certification_audit_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('certification_audits.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('raised_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certification_audit_requests_audit_number_uq')
    .unique()
    .on('certification_audit_requests')
    .columns(['org_id', 'audit_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('certification_audit_requests_org_status_idx')
    .on('certification_audit_requests')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema
    .createTable('certification_audit_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('certification_audit_requests.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('links', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certification_audit_responses_request_idx')
    .on('certification_audit_responses')
    .columns(['org_id', 'request_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('certification_audit_findings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('audit_id', 'text', (c) => c.notNull().references('certification_audits.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('requirement_id', 'text')
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('nonconformity_id', 'text')
    .addColumn('improvement_id', 'text')
    .addColumn('grade_note', 'text')
    .addColumn('raised_by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('raised_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('certification_audit_findings_audit_number_uq')
    .unique()
    .on('certification_audit_findings')
    .columns(['org_id', 'audit_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('certification_audit_findings_org_grade_idx')
    .on('certification_audit_findings')
    .columns(['org_id', 'grade'])
    .execute();

  // null: access from when the membership was made (every membership before this one)
  await db.schema.alterTable('memberships').addColumn('starts_at', 'text').execute();
}
