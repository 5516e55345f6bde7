import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { appendAuditMany } from '../src/platform/audit-log/audit-log.js';

// Training and competence (clauses 7.2, 7.3): the topics people must be
// trained on, who they apply to, competence criteria per governance role and
// team, each member's team, and the completion records. Every organization
// starts with seven topics; those already here get them now (with their audit
// rows), new ones when they are created (training module, same transaction).
//
// The seed text is copied here on purpose: a migration is history and must
// insert what it inserted the day it ran, even when the module's wording moves on.
const SEED = [
  [
    'ai-scope',
    'AI systems in scope',
    'Which AI systems and uses our management system covers, and how to tell whether a new tool falls inside it.',
  ],
  ['ai-policy', 'Our AI policy', 'What our AI policy asks of everyone, what it forbids, and where to find the current version.'],
  ['ai-risk-reporting', 'Reporting AI risks', 'How to spot and report a risk from an AI system, and what happens to the report.'],
  [
    'ai-use-approval',
    'Approving new AI use cases',
    'Who decides on a new AI use case or a significant change to one, and what they need to see first.',
  ],
  [
    'supplier-review',
    'When a supplier needs a review',
    'Which AI suppliers, models and services must be reviewed before we rely on them, and how.',
  ],
  ['escalation', 'Escalating incidents and concerns', 'How to raise an AI incident or a concern, whom to tell, and how quickly.'],
  [
    'evidence',
    'Keeping evidence',
    'Which records and evidence we keep for the management system, where they live and how long they stay valid.',
  ],
] as const;

/** The module's fold() as of this migration: how titles are keyed for matching and uniqueness. */
const fold = (value: string) =>
  value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('training_topics')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('number_seq', 'integer', (c) => c.notNull())
    .addColumn('seed_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('title_key', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('audience_kind', 'text', (c) => c.notNull())
    .addColumn('audience_role_ids', 'text', (c) => c.notNull())
    .addColumn('audience_teams', 'text', (c) => c.notNull())
    .addColumn('refresher_months', 'integer')
    .addColumn('document_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_topics_org_number_uq')
    .unique()
    .on('training_topics')
    .columns(['org_id', 'number_seq'])
    .execute();
  await db.schema
    .createIndex('training_topics_org_title_idx')
    .on('training_topics')
    .columns(['org_id', 'title_key', 'id'])
    .execute();

  await db.schema
    .createTable('training_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('topic_id', 'text', (c) => c.notNull().references('training_topics.id'))
    .addColumn('person_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('person_name', 'text')
    .addColumn('person_email', 'text')
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text')
    /** 1: expires_on was given; 0: derived from the topic's refresher */
    .addColumn('expires_given', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('evidence_id', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('file_id', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_records_person_idx')
    .on('training_records')
    .columns(['org_id', 'person_user_id', 'topic_id', 'completed_on'])
    .execute();
  await db.schema
    .createIndex('training_records_topic_idx')
    .on('training_records')
    .columns(['org_id', 'topic_id', 'completed_on'])
    .execute();
  await db.schema
    .createIndex('training_records_completed_idx')
    .on('training_records')
    .columns(['org_id', 'completed_on', 'id'])
    .execute();
  await db.schema.createIndex('training_records_expires_idx').on('training_records').columns(['expires_on']).execute();

  await db.schema
    .createTable('training_member_teams')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('training_member_teams_pk', ['org_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('training_criteria')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('applies_kind', 'text', (c) => c.notNull())
    .addColumn('role_id', 'text')
    .addColumn('team', 'text')
    .addColumn('criterion', 'text', (c) => c.notNull())
    .addColumn('required_topic_ids', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema
    .createIndex('training_criteria_org_idx')
    .on('training_criteria')
    .columns(['org_id', 'created_at', 'id'])
    .execute();

  const orgs = await sql<{ id: string }>`select id from organizations`.execute(db);
  const now = new Date().toISOString();
  const rows = orgs.rows.flatMap((o) =>
    SEED.map(([key, title, description], i) => ({
      id: uuidv7(),
      org_id: o.id,
      number_seq: i + 1,
      seed_key: key,
      title,
      title_key: fold(title),
      description,
      audience_kind: 'all',
      audience_role_ids: '[]',
      audience_teams: '[]',
      refresher_months: 12,
      document_id: null,
      created_at: now,
      updated_at: now,
    })),
  );
  // batches keep under SQLite's bound-parameter limit
  for (let i = 0; i < rows.length; i += 50) {
    await (db as Kysely<{ training_topics: (typeof rows)[number] }>)
      .insertInto('training_topics')
      .values(rows.slice(i, i + 50))
      .execute();
  }
  // each seed with its audit row, appended through the log's own hash chain
  // (the platform's, not a module's: the chain's format is the platform's contract)
  if (rows.length) {
    await appendAuditMany(
      db as never,
      { userId: null, label: 'system' },
      rows.map((r) => ({
        orgId: r.org_id,
        entityType: 'training_topic',
        entityId: r.id,
        action: 'create',
        after: {
          id: r.id,
          number: `TRN-${String(r.number_seq).padStart(3, '0')}`,
          title: r.title,
          description: r.description,
          audience: { kind: 'all', roleIds: [], teams: [] },
          refresherMonths: r.refresher_months,
          documentId: null,
        },
      })),
      // written before 0038 made the signed head; 0038 starts the head at the last row
      { beforeHead: true },
    );
  }
}
