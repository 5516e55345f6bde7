import type { Kysely } from 'kysely';

// Single sign-on with OpenID Connect: one provider per organization, the
// email domains each organization claims (a domain belongs to at most one
// organization, so sign-in by email finds one), and the sign-ins in flight
// (state, nonce and PKCE verifier kept in the database, used once, so any
// app node can receive the provider's redirect).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('sso_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organizations.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret', 'text')
    .addColumn('default_role', 'text', (c) => c.notNull())
    .addColumn('enforce', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('break_glass_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sso_domains')
    // the primary key makes a domain claimable by one organization only
    .addColumn('domain', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .execute();
  await db.schema.createIndex('sso_domains_org_idx').on('sso_domains').column('org_id').execute();

  await db.schema
    .createTable('sso_logins')
    // sha-256 of the state: a copy of the database does not yield usable states
    .addColumn('state_hash', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sso_logins_expires_idx').on('sso_logins').column('expires_at').execute();
}
