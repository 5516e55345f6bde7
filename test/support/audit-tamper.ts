import { sql } from 'kysely';
import type { Database } from '../../src/platform/db/db.js';

// The audit log's tables refuse UPDATE and DELETE (migration 0038). A test
// that tampers on purpose, or backdates rows as setup, first takes the guard
// off the way an attacker who owns the database would have to: PostgreSQL's
// ALTER TABLE ... DISABLE TRIGGER (the table owner or a superuser only),
// SQLite's DROP TRIGGER.
const GUARDS = {
  postgres: ['audit_log_append_only', 'audit_checkpoints_append_only', 'audit_head_kept'],
  sqlite: [
    'audit_log_no_update',
    'audit_log_no_delete',
    'audit_checkpoints_no_update',
    'audit_checkpoints_no_delete',
    'audit_head_no_delete',
  ],
};

export async function unguardAuditLog(database: Pick<Database, 'db' | 'dialect'>): Promise<void> {
  if (database.dialect === 'postgres') {
    for (const [table, trigger] of [
      ['audit_log', GUARDS.postgres[0]],
      ['audit_checkpoints', GUARDS.postgres[1]],
      ['audit_head', GUARDS.postgres[2]],
    ]) {
      await sql`alter table ${sql.table(table)} disable trigger ${sql.id(trigger)}`.execute(database.db);
    }
    return;
  }
  for (const trigger of GUARDS.sqlite) await sql`drop trigger if exists ${sql.id(trigger)}`.execute(database.db);
}
