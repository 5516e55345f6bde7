import type { Executor } from './db.js';

/** Registers whose records other records link to by id: each has id, org_id, name and archived_at. */
export type NamedRegister = 'ai_systems' | 'suppliers';

/**
 * Names of an organization's records by id, archived ones too, in one query
 * for any number of ids: what a linking record shows beside each link.
 */
export async function recordNames(
  db: Executor,
  table: NamedRegister,
  orgId: string,
  ids: string[],
): Promise<Map<string, { name: string; archived: boolean }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  // Both registers share these columns; Kysely types a union of tables
  // column by column, so one member stands for the pair.
  const rows = await db
    .selectFrom(table as 'suppliers')
    .select(['id', 'name', 'archived_at'])
    .where('org_id', '=', orgId)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, archived: r.archived_at !== null }]));
}
