import { type Kysely, sql } from 'kysely';

// Issue 17: the covering indexes the inventory and risk summaries count from
// (0044, 0046) began with (org_id, archived_at, status...), the same equality
// prefix a register list filters on, so SQLite chose them for "status = open,
// recently changed first" and sorted the whole organization (20,000 risks:
// 13 ms instead of 0.3 ms) instead of walking (org_id, updated_at, id). The
// summaries read every active row anyway, so their column order does not
// matter to them; the list's filter columns now come last.
//
// The tables are analysed again: SQLite's statistics (PRAGMA optimize at open)
// predate indexes a migration creates, and an index without statistics looks
// more selective to the planner than it is.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('risks_org_summary_idx').ifExists().execute();
  await db.schema
    .createIndex('risks_org_summary_idx')
    .on('risks')
    .columns([
      'org_id',
      'current_rank',
      'action_count',
      'accepted_at',
      'next_review_date',
      'residual_level',
      'status',
      'archived_at',
    ])
    .execute();
  await db.schema.dropIndex('ai_systems_summary_idx').ifExists().execute();
  await db.schema
    .createIndex('ai_systems_summary_idx')
    .on('ai_systems')
    .columns(['org_id', 'missing_mask', 'risk_level', 'in_scope', 'last_review_date', 'archived_at'])
    .execute();
  for (const table of ['risks', 'ai_systems', 'ai_system_name_pieces']) await sql`analyze ${sql.table(table)}`.execute(db);
}
