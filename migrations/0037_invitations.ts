import { type Kysely, sql } from 'kysely';

// Invitations (issue 16): a member is no longer added silently; the admin
// invites an email and the person accepts. Only a hash of the one-time token
// is stored. At most one open invitation per organization and email (a
// re-invite refreshes it), enforced by a partial unique index so two app
// processes cannot open two. Disabling a member uses users.disabled_at, which
// exists since 0001.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    /** when the membership made by accepting ends (external auditors); null: no end */
    .addColumn('expires_at', 'text')
    /** the link works until then */
    .addColumn('accept_by', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('invited_by_user_id', 'text')
    .addColumn('invited_by', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('accepted_by_user_id', 'text')
    .addColumn('revoked_at', 'text')
    /** none (no SMTP), pending, sent, failed */
    .addColumn('email_state', 'text', (c) => c.notNull().defaultTo('none'))
    .addColumn('email_error', 'text')
    .execute();
  await db.schema
    .createIndex('invitations_open_uq')
    .on('invitations')
    .columns(['org_id', 'email'])
    .unique()
    .where(sql.ref('accepted_at'), 'is', null)
    .where(sql.ref('revoked_at'), 'is', null)
    .execute();
  await db.schema.createIndex('invitations_org_idx').on('invitations').columns(['org_id', 'invited_at']).execute();
}
