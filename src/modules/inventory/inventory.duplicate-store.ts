import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { type DuplicateEdge, type DuplicateKeys, duplicateKeys, MAX_NAME_EDITS } from './inventory.duplicate-rules.js';
import { type CandidateRow, withSupplierIds } from './inventory.repository.js';

// Queries of duplicate detection: the candidates a write compares, and the
// stored edges (ai_system_duplicates) the reads use.

/**
 * Ids of the systems (archived too) whose names may be near one of these:
 * same block (first or last three characters), numbers that agree, length
 * within MAX_NAME_EDITS. Served by the (org_id, dup_prefix|dup_suffix,
 * dup_numbers, dup_length) indexes.
 */
export async function duplicateMates(db: Executor, orgId: string, keys: DuplicateKeys[]): Promise<string[]> {
  const wanted = keys.filter((k) => k.length > 0);
  const ids = new Set<string>();
  for (let i = 0; i < wanted.length; i += 100) {
    const chunk = wanted.slice(i, i + 100);
    const rows = await db
      .selectFrom('ai_systems')
      .select('id')
      .where((eb) =>
        eb.or(
          chunk.flatMap((k) =>
            (['dup_prefix', 'dup_suffix'] as const).map((block) =>
              eb.and([
                eb('org_id', '=', orgId),
                eb(block, '=', block === 'dup_prefix' ? k.prefix : k.suffix),
                // a name without numbers may be near any; one with numbers, only the same numbers or none
                ...(k.numbers ? [eb('dup_numbers', 'in', [k.numbers, ''])] : []),
                eb('dup_length', '>=', k.length - MAX_NAME_EDITS),
                eb('dup_length', '<=', k.length + MAX_NAME_EDITS),
              ]),
            ),
          ),
        ),
      )
      .execute();
    for (const r of rows) ids.add(r.id);
  }
  return [...ids];
}

const KEY_COLUMNS = ['id', 'name', 'name_key', 'purpose', 'dup_prefix', 'dup_suffix', 'dup_numbers', 'dup_length'] as const;

/** Rows whose stored duplicate keys are not those of their name (a bulk load that inserted rows itself). */
export function staleKeys(
  rows: { id: string; name_key: string; dup_prefix: string; dup_suffix: string; dup_numbers: string; dup_length: number }[],
) {
  return rows.flatMap((r) => {
    const k = duplicateKeys(r.name_key);
    const stale =
      k.prefix !== r.dup_prefix || k.suffix !== r.dup_suffix || k.numbers !== r.dup_numbers || k.length !== r.dup_length;
    return stale ? [{ id: r.id, keys: k }] : [];
  });
}

/** Every system of the organization (archived too) as detection compares them, with their stored keys: a bulk refresh. */
export async function allDuplicateCandidates(db: Executor, orgId: string) {
  const [systems, links] = await Promise.all([
    db.selectFrom('ai_systems').select(KEY_COLUMNS).where('org_id', '=', orgId).execute(),
    db.selectFrom('ai_system_suppliers').selectAll().where('org_id', '=', orgId).execute(),
  ]);
  return { systems, candidates: await withSupplierIds(db, orgId, systems as CandidateRow[], links) };
}

/** Some systems with their stored keys, by id. */
export async function keyedSystems(db: Executor, orgId: string, ids: string[]) {
  const out = [];
  for (let i = 0; i < ids.length; i += 500)
    out.push(
      ...(await db
        .selectFrom('ai_systems')
        .select(KEY_COLUMNS)
        .where('org_id', '=', orgId)
        .where('id', 'in', ids.slice(i, i + 500))
        .execute()),
    );
  return out;
}

/**
 * Writes duplicate keys, a few hundred rows a statement (UPDATE … FROM
 * VALUES: both dialects name the columns column1…).
 */
export async function writeDuplicateKeys(tx: Executor, orgId: string, rows: { id: string; keys: DuplicateKeys }[]) {
  for (let i = 0; i < rows.length; i += 500) {
    const values = rows
      .slice(i, i + 500)
      .map((r) => sql`(${r.id}, ${r.keys.prefix}, ${r.keys.suffix}, ${r.keys.numbers}, ${String(r.keys.length)})`);
    await sql`update ai_systems set dup_prefix = v.column2, dup_suffix = v.column3, dup_numbers = v.column4,
        dup_length = cast(v.column5 as integer)
      from (values ${sql.join(values)}) as v
      where ai_systems.id = v.column1 and ai_systems.org_id = ${orgId}`.execute(tx);
  }
}

/**
 * Replaces the stored edges of some systems (all of the organization's when
 * `ids` is omitted) with these, written in both directions.
 */
export async function replaceDuplicateEdges(tx: Executor, orgId: string, ids: string[] | undefined, edges: DuplicateEdge[]) {
  if (!ids) await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).execute();
  else {
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).where('system_id', 'in', chunk).execute();
      await tx.deleteFrom('ai_system_duplicates').where('org_id', '=', orgId).where('other_id', 'in', chunk).execute();
    }
  }
  const rows = edges.flatMap((e) => [
    { org_id: orgId, system_id: e.a, other_id: e.b, reason: e.reason },
    { org_id: orgId, system_id: e.b, other_id: e.a, reason: e.reason },
  ]);
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('ai_system_duplicates')
      .values(rows.slice(i, i + 1000))
      .execute();
}

/** The stored edges from these systems to active ones, with the other's name, in name order. */
export async function duplicateEdgesOf(db: Executor, orgId: string, ids: string[]) {
  const out: { system_id: string; other_id: string; reason: string; name: string }[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('ai_system_duplicates as e')
        .innerJoin('ai_systems as o', 'o.id', 'e.other_id')
        .select(['e.system_id', 'e.other_id', 'e.reason', 'o.name'])
        .where('e.org_id', '=', orgId)
        .where('e.system_id', 'in', ids.slice(i, i + 500))
        .where('o.archived_at', 'is', null)
        .orderBy('o.name_key')
        .orderBy('o.id')
        .execute()),
    );
  }
  return out;
}

/** Every stored edge between two active systems, once (system_id < other_id), with both names. */
export function activeDuplicateEdges(db: Executor, orgId: string) {
  return db
    .selectFrom('ai_system_duplicates as e')
    .innerJoin('ai_systems as a', 'a.id', 'e.system_id')
    .innerJoin('ai_systems as b', 'b.id', 'e.other_id')
    .select([
      'e.system_id',
      'e.other_id',
      'e.reason',
      'a.name as a_name',
      'a.name_key as a_key',
      'b.name as b_name',
      'b.name_key as b_key',
    ])
    .where('e.org_id', '=', orgId)
    .whereRef('e.system_id', '<', 'e.other_id')
    .where('a.archived_at', 'is', null)
    .where('b.archived_at', 'is', null)
    .execute();
}
