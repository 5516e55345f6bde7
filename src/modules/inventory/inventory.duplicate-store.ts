import { sql } from 'kysely';
import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { nextTurn, turnsEvery } from '../../platform/turns.js';
import { inList, queryTemplate } from '../../platform/db/statement-cache.js';
import { type DuplicateEdge, nameNumbers, namePieces } from './inventory.duplicate-rules.js';

// Queries of duplicate detection: the candidates a write compares, and the
// stored edges (ai_system_duplicates) the reads use.

/**
 * The systems (archived too) holding one of these probes (probePieces of a
 * written name), with their folded names: the only names a write compares
 * its own with. A name with numbers reads the names with the same numbers or
 * none: in a series ("System 1-1" ... "System 1-40000") every name holds the
 * same pieces, and reading them all took a create 13-72 ms at 40,000.
 * Served by the (org_id, piece, numbers) primary key; each piece holds its
 * system's folded name (0050): joined with ai_systems instead, PostgreSQL
 * read the whole table at 100,000 systems (40-50 ms a lookup, 3-5 without).
 */
export async function pieceMates(db: Executor, orgId: string, probes: string[], numbers: string) {
  const out = new Map<string, { id: string; nameKey: string }>();
  for (let i = 0; i < probes.length; i += 2000) {
    const rows = await db
      .selectFrom('ai_system_name_pieces')
      .select(['ai_system_id', 'name_key'])
      .distinct()
      .where('org_id', '=', orgId)
      .where('piece', 'in', probes.slice(i, i + 2000))
      .$if(numbers !== '', (q) => q.where('numbers', 'in', [numbers, '']))
      .execute();
    for (const r of rows) out.set(r.ai_system_id, { id: r.ai_system_id, nameKey: r.name_key });
  }
  return [...out.values()];
}

/** Replaces the stored name pieces of some systems (all of the organization's when `ids` is omitted). */
export async function writeNamePieces(
  tx: Executor,
  orgId: string,
  ids: string[] | undefined,
  systems: { id: string; name_key: string }[],
) {
  // Each statement runs synchronously on SQLite: 500 systems' pieces a
  // delete, 500 pieces an insert (~8 ms each), with a turn of the event loop
  // every few milliseconds. Back to back, the deletes of a 20,000-row import
  // held it ~230 ms, and 3,000 pieces in one insert ~50 ms.
  const turns = turnsEvery();
  const stale = ids ?? systems.map((s) => s.id);
  for (let i = 0; i < stale.length; i += 500) {
    await tx
      .deleteFrom('ai_system_name_pieces')
      .where('ai_system_id', 'in', stale.slice(i, i + 500))
      .execute();
    await turns();
  }
  // The whole organization: also the pieces of any system no longer listed.
  if (!ids) await tx.deleteFrom('ai_system_name_pieces').where('org_id', '=', orgId).execute();
  let rows: { org_id: string; piece: string; numbers: string; ai_system_id: string; name_key: string }[] = [];
  const flush = async () => {
    if (rows.length) await tx.insertInto('ai_system_name_pieces').values(rows).execute();
    rows = [];
    await turns();
  };
  for (const s of systems) {
    const numbers = nameNumbers(s.name_key);
    for (const piece of namePieces(s.name_key))
      rows.push({ org_id: orgId, piece, numbers, ai_system_id: s.id, name_key: s.name_key });
    if (rows.length >= 500) await flush();
  }
  await flush();
}

/**
 * Every system of the organization (archived too) by id and folded name:
 * what the whole-organization pass compares; purposes and suppliers are read
 * for the pairs it finds only. Read in pages by name, with a turn of the
 * event loop between them: one read of 100,000 rows would hold every other
 * request meanwhile. The (org_id, name_key, id) index holds both columns, so
 * a page of 2,000 reads in a few ms; reading purposes and supplier links of
 * every system too took 2.8 s at 100,000 on SQLite, 28 ms a page of 1,000.
 */
export async function allSystemNames(db: Executor, orgId: string) {
  const PAGE = 2000;
  const systems: { id: string; name_key: string }[] = [];
  let after: { name_key: string; id: string } | undefined;
  for (;;) {
    let query = db.selectFrom('ai_systems').select(['id', 'name_key']).where('org_id', '=', orgId);
    // A row value, not "name_key > ? OR (name_key = ? AND id > ?)": SQLite
    // seeks the index to it, where the OR walked the organization's index
    // from its start on every page (0.65 ms against 0.03 ms for the last
    // page of 10,000, growing with the organization).
    if (after) query = query.where(sql<boolean>`(name_key, id) > (${after.name_key}, ${after.id})`);
    const page = await query.orderBy('name_key').orderBy('id').limit(PAGE).execute();
    systems.push(...page);
    if (page.length < PAGE) break;
    after = page[page.length - 1];
    await nextTurn();
  }
  return systems;
}

/** How many systems the organization holds, archived too: what a pass over it reads. */
export async function systemCount(db: Executor, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('ai_systems')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('org_id', '=', orgId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The folded names of some systems, by id. */
export async function nameKeysOf(db: Executor, orgId: string, ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('ai_systems')
        .select(['id', 'name_key'])
        .where(orgOfIds(db), '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/**
 * Replaces the stored edges of some systems (all of the organization's when
 * `ids` is omitted) with these, written in both directions, each with the
 * other end's name (`nameOf` knows every end: the pairs were found by name).
 */
export async function replaceDuplicateEdges(
  tx: Executor,
  orgId: string,
  ids: string[] | undefined,
  edges: DuplicateEdge[],
  nameOf: (id: string) => { name: string; nameKey: string },
) {
  // As writeNamePieces: statements of 500, a turn of the event loop every few milliseconds.
  const turns = turnsEvery();
  if (!ids) await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).execute();
  else {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).where('system_id', 'in', chunk).execute();
      await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).where('other_id', 'in', chunk).execute();
      await turns();
    }
  }
  const row = (from: string, to: string, reason: string) => {
    const other = nameOf(to);
    return { org_id: orgId, system_id: from, other_id: to, reason, other_name: other.name, other_key: other.nameKey };
  };
  const rows = edges.flatMap((e) => [row(e.a, e.b, e.reason), row(e.b, e.a, e.reason)]);
  for (let i = 0; i < rows.length; i += 500) {
    await tx
      .insertInto('ai_system_duplicates')
      .values(rows.slice(i, i + 500))
      .execute();
    await turns();
  }
}

/** The stored edges from these systems to active ones, with the other's name, in name order. */
export async function duplicateEdgesOf(db: Executor, orgId: string, ids: string[]) {
  return ids.length ? edgesOfTemplate.run(db, { orgId, ids }) : [];
}

// Every AI system page and list page reads its systems' edges: compiled once.
const edgesOfTemplate = queryTemplate(
  ['orgId', 'ids'],
  (db, p) =>
    db
      .selectFrom('ai_system_duplicates as e')
      .innerJoin('ai_systems as o', 'o.id', 'e.other_id')
      .select(['e.system_id', 'e.other_id', 'e.reason', 'o.name'])
      .where('e.org_id', '=', p.orgId)
      .where(inList(db, 'e.system_id', p.ids))
      .where('o.archived_at', 'is', null)
      .orderBy('o.name_key')
      .orderBy('o.id'),
  { lists: ['ids'] },
);

/**
 * The organization's archived systems (a partial index holds only them):
 * what the whole-organization readers below skip, instead of joining every
 * edge with ai_systems at both ends (at 100,000 systems on PostgreSQL, a
 * scan of the table: 200 ms).
 */
async function archivedIds(db: Executor, orgId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ai_systems')
    .select('id')
    .where('org_id', '=', orgId)
    .where('archived_at', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Every stored edge between two active systems, once (system_id < other_id), with both names. */
export async function activeDuplicateEdges(db: Executor, orgId: string) {
  // both directions: each end's name is on the rows that point to it
  const rows = await db
    .selectFrom('ai_system_duplicates')
    .select(['system_id', 'other_id', 'reason', 'other_name', 'other_key'])
    .where('org_id', '=', orgId)
    .execute();
  const archived = await archivedIds(db, orgId);
  const names = new Map(rows.map((r) => [r.other_id, { name: r.other_name, key: r.other_key }] as const));
  return rows.flatMap((r) => {
    if (r.system_id > r.other_id || archived.has(r.system_id) || archived.has(r.other_id)) return [];
    const a = names.get(r.system_id) ?? { name: '', key: '' };
    return [
      {
        system_id: r.system_id,
        other_id: r.other_id,
        reason: r.reason,
        a_name: a.name,
        a_key: a.key,
        b_name: r.other_name,
        b_key: r.other_key,
      },
    ];
  });
}

/** Every stored edge between two active systems, once (system_id < other_id), ids only: what a count of groups needs. */
export async function activeDuplicatePairs(db: Executor, orgId: string) {
  const rows = await db
    .selectFrom('ai_system_duplicates')
    .select(['system_id as a', 'other_id as b'])
    .where('org_id', '=', orgId)
    .whereRef('system_id', '<', 'other_id')
    .execute();
  const archived = await archivedIds(db, orgId);
  return rows.filter((r) => !archived.has(r.a) && !archived.has(r.b));
}
