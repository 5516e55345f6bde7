import type { Kysely } from 'kysely';

// Issue 17 (speed at scale): the audit-log list (newest first, one
// organization) filtered by each field the API offers answers from an index
// at a million rows, a filter that matches nothing with one probe. Each
// index is the organization, the filtered column, then seq, the list's
// order, so a page is read in order and stops at its limit. (On SQLite seq is
// the rowid every index ends with anyway; PostgreSQL needs it spelled out.)
// The time range is the exception: `at` follows seq closely but not exactly
// (clocks of several nodes), so its index finds the range and the page is
// sorted from there. Entity ids are unique enough to lead on their own: the
// entity-id index also serves a record's history (several ids of one type)
// and replaces 0001's (entity_type, entity_id), which every query reaching
// it narrowed by organization afterwards. Every index costs every write:
// five here, one dropped, a net four (figures in bench/audit-log.ts).
export const AUDIT_LOG_FILTER_INDEXES = [
  { name: 'audit_log_org_entity_type_idx', columns: ['org_id', 'entity_type', 'seq'] },
  { name: 'audit_log_org_entity_id_idx', columns: ['org_id', 'entity_id', 'seq'] },
  { name: 'audit_log_org_action_idx', columns: ['org_id', 'action', 'seq'] },
  { name: 'audit_log_org_actor_idx', columns: ['org_id', 'actor_user_id', 'seq'] },
  { name: 'audit_log_org_at_idx', columns: ['org_id', 'at'] },
] as const;

/** 0001's index, superseded by audit_log_org_entity_id_idx. */
export const REPLACED_INDEX = { name: 'audit_log_entity_idx', columns: ['entity_type', 'entity_id'] } as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const { name, columns } of AUDIT_LOG_FILTER_INDEXES)
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('audit_log')
      .columns([...columns])
      .execute();
  await db.schema.dropIndex(REPLACED_INDEX.name).ifExists().execute();
}
