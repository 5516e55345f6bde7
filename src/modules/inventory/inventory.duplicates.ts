import type { Executor } from '../../platform/db/db.js';
import * as repo from './inventory.repository.js';
import { type DuplicateMatch, duplicatesOf, nearNameMatches } from './inventory.rules.js';

/**
 * The likely duplicates of some records (a page of the list, one record),
 * as findDuplicates would group them over the whole inventory: names of
 * their block mates first, then purposes and suppliers of the few with a
 * near name. Two or three queries for a page, not a scan per record.
 * Archived records have none: the summary counts active ones only.
 */
export async function duplicatesOfRecords(
  db: Executor,
  orgId: string,
  rows: { id: string; name_key: string; archived_at: string | null }[],
): Promise<Map<string, DuplicateMatch[]>> {
  const active = rows.filter((r) => !r.archived_at);
  if (!active.length) return new Map();
  const names = await repo.duplicateNamesNear(
    db,
    orgId,
    active.map((r) => r.name_key),
  );
  const near = nearNameMatches(
    active.map((r) => r.id),
    names,
  );
  if (!near.size) return new Map();
  const involved = new Set([...near.keys(), ...[...near.values()].flat().map((m) => m.id)]);
  const details = await repo.duplicateDetails(db, orgId, [...involved]);
  return duplicatesOf(near, new Map(details.map((d) => [d.id, d])));
}

/**
 * Recomputes what duplicate detection stores for some AI systems (all of the
 * organization's when `ids` is omitted): called after writes that bypass the
 * usual write path, such as bulk loads (`aims dev seed`). Contract for issue
 * 17; the inventory work fills it in.
 */
export async function refreshDuplicateKeys(_db: Executor, _orgId: string, _ids?: string[]): Promise<void> {}
