import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Issue 17: the auth cache (platform/auth/auth-cache.ts) serves a request's
// session, user and membership from memory while nothing they come from has
// changed. On PostgreSQL another node or the CLI may change them: these
// triggers notify every listening node, on channel aims_auth with the schema
// as payload, when the change commits (NOTIFY is transactional). A write
// that only records use (a session's last_seen_at, a token's last_used_at)
// is left out: it decides nothing. SQLite needs none: its data_version tells.
const TABLES = ['sessions', 'users', 'memberships', 'organizations', 'api_tokens', 'mfa_org_policies'];
const USE_MARKS: Record<string, string> = { sessions: 'last_seen_at', api_tokens: 'last_used_at' };

export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`
    create function aims_auth_changed() returns trigger language plpgsql as $$
    begin
      perform pg_notify('aims_auth', current_schema());
      return null;
    end $$`.execute(db);
  for (const table of TABLES) {
    const mark = USE_MARKS[table];
    // Statement triggers: one notice however many rows (and PostgreSQL folds equal notices of a transaction into one).
    await sql`create trigger ${sql.id(`${table}_auth_changed`)} after insert or delete or truncate${sql.raw(mark ? '' : ' or update')}
      on ${sql.table(table)} for each statement execute function aims_auth_changed()`.execute(db);
    if (mark) {
      await sql`create trigger ${sql.id(`${table}_auth_updated`)} after update on ${sql.table(table)} for each row
        when ((to_jsonb(old) - ${sql.lit(mark)}) is distinct from (to_jsonb(new) - ${sql.lit(mark)}))
        execute function aims_auth_changed()`.execute(db);
    }
  }
}
