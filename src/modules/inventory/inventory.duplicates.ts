import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import * as store from './inventory.duplicate-store.js';
import * as repo from './inventory.repository.js';
import {
  type DuplicateEdge,
  type DuplicateGroup,
  duplicateEdges,
  duplicateKeys,
  groupEdges,
} from './inventory.duplicate-rules.js';
import type { DuplicateMatch } from './inventory.rules.js';

// Likely duplicates are stored as edges when a record is written (create,
// update of name, purpose or suppliers, merge, import, bulk loads) and read
// by index: the summary, the duplicate groups and the list's flags never
// compare the inventory. Edges are kept for archived systems too (an edge
// depends only on its two records, which archived records no longer change),
// and readers skip edges with an archived end: archive and restore write none.

/** Above this many written systems, the organization's systems are read once instead of by block. */
const WHOLE_ORG_FROM = 500;

/**
 * Recomputes what duplicate detection stores for some AI systems (all of the
 * organization's when `ids` is omitted), inside the caller's transaction
 * after the rows are written; opens one when given the database. Called by
 * every write that changes what detection reads, and after bulk loads that
 * bypass the write path (`aims dev seed`).
 */
export async function refreshDuplicateKeys(db: Executor, orgId: string, ids?: string[]): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((tx) => refreshDuplicateKeys(tx, orgId, ids));
  if (ids && ids.length === 0) return;
  // Two app processes writing near-duplicates at once: the second waits here
  // until the first commits, then (READ COMMITTED: each statement sees what
  // is committed) reads its row, so neither misses the other. SQLite's write
  // transactions are serialised already.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('ai_system_duplicates'), hashtext(${orgId}))`.execute(db);
  const targets = ids ? new Set(ids) : undefined;
  const systems = !targets || targets.size > WHOLE_ORG_FROM ? await wholeOrg(db, orgId) : await near(db, orgId, [...targets]);
  const edges = duplicateEdges(systems, targets);
  await store.replaceDuplicateEdges(db, orgId, targets ? [...targets] : undefined, edges);
}

/** Every system of the organization, their keys brought up to date (rows a bulk load inserted itself). */
async function wholeOrg(db: Executor, orgId: string) {
  const { systems, candidates } = await store.allDuplicateCandidates(db, orgId);
  await store.writeDuplicateKeys(db, orgId, store.staleKeys(systems));
  return candidates;
}

/** The written systems (keys brought up to date) and the systems their names may be near. */
async function near(db: Executor, orgId: string, ids: string[]) {
  const written = await store.keyedSystems(db, orgId, ids);
  await store.writeDuplicateKeys(db, orgId, store.staleKeys(written));
  const mates = await store.duplicateMates(
    db,
    orgId,
    written.map((r) => duplicateKeys(r.name_key)),
  );
  return repo.duplicateDetails(db, orgId, [...new Set([...written.map((r) => r.id), ...mates])]);
}

/**
 * The likely duplicates of some records (a page of the list, one record):
 * their stored edges to active systems, in name order. One indexed query.
 * Archived records have none: the summary counts active ones only.
 */
export async function duplicatesOfRecords(
  db: Executor,
  orgId: string,
  rows: { id: string; archived_at: string | null }[],
): Promise<Map<string, DuplicateMatch[]>> {
  const active = rows.filter((r) => !r.archived_at).map((r) => r.id);
  const out = new Map<string, DuplicateMatch[]>();
  for (const e of await store.duplicateEdgesOf(db, orgId, active)) {
    const list = out.get(e.system_id) ?? [];
    list.push({ id: e.other_id, name: e.name, reason: e.reason });
    out.set(e.system_id, list);
  }
  return out;
}

/** Groups of likely duplicates among active systems: components of the stored edges. */
export async function duplicateGroups(db: Executor, orgId: string): Promise<DuplicateGroup[]> {
  const rows = await store.activeDuplicateEdges(db, orgId);
  const names = new Map<string, { name: string; nameKey: string }>();
  const edges: DuplicateEdge[] = rows.map((r) => {
    names.set(r.system_id, { name: r.a_name, nameKey: r.a_key });
    names.set(r.other_id, { name: r.b_name, nameKey: r.b_key });
    return { a: r.system_id, b: r.other_id, reason: r.reason };
  });
  return groupEdges(edges, names);
}
