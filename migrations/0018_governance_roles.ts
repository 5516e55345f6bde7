import { type Kysely, sql } from 'kysely';
import { uuidv7 } from 'uuidv7';

// Governance roles (clause 5.3, Annex A.3.2): who holds each AI governance
// role, with a deputy, what the role is responsible for and may decide.
// Every organization starts with six roles (vacant); those already here get
// them now, new ones when they are created (roles module, same transaction).
//
// The seed text is copied here on purpose: a migration is history and must
// insert what it inserted the day it ran, even when the module's wording moves on.
const SEED = [
  {
    key: 'ai-governance-owner',
    name: 'AI governance owner',
    responsibilities:
      'Owns the AI management system as a whole: keeps its scope, policy and objectives current, reports on how it performs to top management, and makes sure the other governance roles are filled.',
    authorities: 'Decides on changes to the AI management system and assigns the other governance roles.',
  },
  {
    key: 'ai-use-approver',
    name: 'AI use approver',
    responsibilities:
      'Looks at each proposed new AI use case or significant change to one, checks that its risks and impacts have been assessed, and records the decision.',
    authorities: 'Approves, approves with conditions, or refuses new AI use cases.',
  },
  {
    key: 'ai-risk-reviewer',
    name: 'AI risk reviewer',
    responsibilities:
      'Reviews AI risk assessments and impact assessments for completeness and sound judgement, and follows up that agreed treatments are carried out.',
    authorities: 'Sends risk assessments back for rework and proposes risk acceptance to the approver.',
  },
  {
    key: 'technical-controls',
    name: 'Technical controls manager',
    responsibilities:
      'Puts in place and maintains the technical controls around AI systems (access, logging, monitoring, data handling, testing) and keeps evidence that they work.',
    authorities: 'Decides how technical controls are implemented and may pause an AI system whose controls fail.',
  },
  {
    key: 'legal-privacy-review',
    name: 'Legal and privacy reviewer',
    responsibilities:
      'Checks AI use cases and suppliers against legal, contractual and data protection obligations and advises on what has to change.',
    authorities: 'May block a use case until a legal or privacy concern is resolved.',
  },
  {
    key: 'incident-escalation',
    name: 'AI incident escalation contact',
    responsibilities:
      'Receives reports of AI incidents, judges how serious they are, alerts the people who must act and makes sure each incident is followed through to closure.',
    authorities: 'Escalates incidents to top management and may call for an AI system to be taken out of use.',
  },
] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('governance_roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('key', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('responsibilities', 'text', (c) => c.notNull())
    .addColumn('authorities', 'text', (c) => c.notNull())
    .addColumn('holder_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('holder_name', 'text')
    .addColumn('holder_email', 'text')
    .addColumn('deputy_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('deputy_name', 'text')
    .addColumn('deputy_email', 'text')
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  // One name per organization, case-insensitively (archived roles keep theirs).
  await db.schema
    .createIndex('governance_roles_org_name_idx')
    .on('governance_roles')
    .columns(['org_id', 'name_key'])
    .unique()
    .execute();
  // One role per seed key; the org's own roles have none (nulls are distinct in both dialects).
  await db.schema
    .createIndex('governance_roles_org_key_idx')
    .on('governance_roles')
    .columns(['org_id', 'key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('governance_roles_holder_idx')
    .on('governance_roles')
    .columns(['org_id', 'holder_user_id'])
    .execute();

  const orgs = await sql<{ id: string }>`select id from organizations`.execute(db);
  const now = new Date().toISOString();
  const rows = orgs.rows.flatMap((o) =>
    SEED.map((s) => ({
      id: uuidv7(),
      org_id: o.id,
      key: s.key,
      name: s.name,
      name_key: s.name.toLowerCase(),
      responsibilities: s.responsibilities,
      authorities: s.authorities,
      notes: '',
      created_at: now,
      updated_at: now,
    })),
  );
  // batches keep under SQLite's bound-parameter limit
  for (let i = 0; i < rows.length; i += 60) {
    await (db as Kysely<{ governance_roles: (typeof rows)[number] }>)
      .insertInto('governance_roles')
      .values(rows.slice(i, i + 60))
      .execute();
  }
}
