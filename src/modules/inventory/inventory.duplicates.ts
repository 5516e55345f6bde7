import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import * as store from './inventory.duplicate-store.js';
import * as repo from './inventory.repository.js';
import {
  type DuplicateCandidate,
  type DuplicateEdge,
  type DuplicateGroup,
  countGroups,
  groupEdges,
  nearInBlock,
  nameNumbers,
  nearNamePairSteps,
  pairEdges,
  probePieces,
} from './inventory.duplicate-rules.js';
import { turnsEvery } from '../../platform/turns.js';
import type { DuplicateMatch } from './inventory.rules.js';

// Likely duplicates are stored as edges when a record is written (create,
// update of name, purpose or suppliers, merge, import, bulk loads) and read
// by index: the summary, the duplicate groups and the list's flags never
// compare the inventory. Edges are kept for archived systems too (an edge
// depends only on its two records, which archived records no longer change),
// and readers skip edges with an archived end: archive and restore write none.

/**
 * Recomputes what duplicate detection stores for some AI systems (all of the
 * organization's when `ids` is omitted), inside the caller's transaction
 * after the rows are written; opens one when given the database. Called by
 * every write that changes what detection reads, and after bulk loads that
 * bypass the write path (`aims dev seed`). For `ids`, its cost follows the
 * written systems and their candidates, not the organization's size.
 */
export async function refreshDuplicateKeys(db: Executor, orgId: string, ids?: string[]): Promise<void> {
  if (!db.isTransaction) return db.transaction().execute((tx) => refreshDuplicateKeys(tx, orgId, ids));
  if (ids && ids.length === 0) return;
  // Two app processes writing near-duplicates at once: the second waits here
  // until the first commits, then (READ COMMITTED: each statement sees what
  // is committed) reads its row and pieces, so neither misses the other.
  // SQLite's write transactions are serialised already.
  if (db.getExecutor().adapter instanceof PostgresAdapter)
    await sql`select pg_advisory_xact_lock(hashtext('ai_system_duplicates'), hashtext(${orgId}))`.execute(db);
  // A large batch (an import) into a small organization is compared in one
  // pass over the organization; otherwise each written system looks up its
  // own candidates. The pass costs what the organization holds, the lookups
  // what the batch holds, and at 100,000 systems on SQLite the pass took an
  // import of 1,000 rows 5 s (holding the event loop 50-80 ms at a time)
  // where the lookups took 0.5 s.
  if (!ids) return refreshWholeOrg(db, orgId);
  if (ids.length > LOOKUPS_UP_TO && ids.length * lookupCostInSystems(db) > (await store.systemCount(db, orgId)))
    return refreshWholeOrg(db, orgId, ids);
  await refreshSome(db, orgId, ids);
}

/** Up to this many written systems, a lookup each, whatever the organization's size. */
const LOOKUPS_UP_TO = 500;

/**
 * How many stored systems the whole-organization pass reads for the cost of
 * one written system's lookup. On SQLite, measured with names that share
 * words as real inventories do (the bench's): 1,000 rows into 10,000
 * systems took 0.7 s with the pass and 1.0 s with lookups; into 100,000,
 * 5.5 s with the pass and 2.0 s with lookups. On PostgreSQL a lookup is a
 * round trip reading ~600 names at 100,000 (~30 ms), the pass ~30 us a
 * system, and its reads leave the event loop free.
 */
function lookupCostInSystems(db: Executor): number {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 1000 : 25;
}

/** Lookups that have read this many names, and more than the organization holds, hand over to the pass. */
const HAND_OVER_AFTER_READS = 10_000;

/**
 * Some written systems: their pieces are replaced first (so written systems
 * find each other), then each looks up the systems holding one of its probes
 * (pieceMates: hundreds at most, where its name block was thousands) and
 * compares its name with theirs alone; only the pairs found read purposes
 * and suppliers. One lookup per system: the mates of several hardly overlap,
 * and comparing a batch with all their mates costs more than one by one.
 */
async function refreshSome(db: Executor, orgId: string, ids: string[]) {
  const written = await store.nameKeysOf(db, orgId, ids);
  await store.writeNamePieces(db, orgId, ids, written);
  const pairs = new Map<string, [string, string]>();
  const turns = turnsEvery();
  let read = 0;
  let wholeOrg = Number.POSITIVE_INFINITY;
  for (const w of written) {
    await turns();
    const mates = await store.pieceMates(db, orgId, probePieces(w.name_key), nameNumbers(w.name_key));
    // Names that share a long stem hold the same pieces, and each lookup
    // reads all of them: before the lookup told numbers apart, 400 rows of a
    // numbered series took 78 s against 40,000 stored. A stem without
    // numbers still does that ("Support assistant for team alpha", "… beta").
    // Once the lookups have read more names than one pass over the
    // organization reads, that pass does the rest.
    read += mates.length;
    if (read > HAND_OVER_AFTER_READS && written.length > 1) {
      if (wholeOrg === Number.POSITIVE_INFINITY) wholeOrg = await store.systemCount(db, orgId);
      if (read > wholeOrg) return refreshWholeOrg(db, orgId, ids);
    }
    // the mates hold one of its probes: what nearNamePairs' index would find
    for (const m of mates) {
      if (m.id === w.id || !nearInBlock(w.name_key, m.nameKey)) continue;
      const [a, b] = [w.id, m.id].sort();
      pairs.set(`${a} ${b}`, [a, b]);
    }
  }
  await storePairs(db, orgId, ids, [...pairs.values()]);
}

/**
 * Every system of the organization, read once: the pairs with a written
 * system rebuilt (every pair when `ids` is omitted), and the pieces of the
 * written systems. An edge depends on its two systems alone, so pairs of two
 * systems the batch did not write stay as stored. The comparison gives the
 * event loop a turn every few milliseconds: at 100,000 systems it takes
 * seconds, and other requests (reads, on SQLite's reader connection too) go on.
 */
async function refreshWholeOrg(db: Executor, orgId: string, ids?: string[]) {
  const systems = await store.allSystemNames(db, orgId);
  const written = ids ? new Set(ids) : undefined;
  await store.writeNamePieces(db, orgId, ids, written ? systems.filter((s) => written.has(s.id)) : systems);
  const found: [number, number][] = [];
  const named = systems.map((s) => ({ id: s.id, nameKey: s.name_key }));
  const turns = turnsEvery();
  for (const _ of nearNamePairSteps(named, written, found)) await turns();
  await storePairs(
    db,
    orgId,
    ids,
    found.map(([i, j]) => [systems[i].id, systems[j].id]),
  );
}

/**
 * Reads the purposes and suppliers of the pairs with near names (each pair
 * is [a, b] ids), decides which are likely duplicates, and stores those as
 * the edges of `ids` (of every system when omitted).
 */
async function storePairs(db: Executor, orgId: string, ids: string[] | undefined, pairs: [string, string][]) {
  const ends = [...new Set(pairs.flat())];
  const details = new Map((await repo.duplicateDetails(db, orgId, ends)).map((d) => [d.id, d] as const));
  const edges = pairEdges(pairs.map(([a, b]) => [details.get(a), details.get(b)] as [DuplicateCandidate, DuplicateCandidate]));
  await store.replaceDuplicateEdges(db, orgId, ids, edges, (id) => details.get(id) as DuplicateCandidate);
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

/** How many groups of likely duplicates the active systems make: the summary's count, without the groups' names. */
export async function duplicateGroupCount(db: Executor, orgId: string): Promise<number> {
  return countGroups(await store.activeDuplicatePairs(db, orgId));
}
