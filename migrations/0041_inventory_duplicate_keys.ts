import { type Kysely, sql } from 'kysely';
import { type DuplicateCandidate, duplicateEdges } from '../src/modules/inventory/inventory.duplicate-rules.js';

// Speed at scale (issue 17): likely duplicates are stored on write instead of
// computed over the whole inventory on every summary. Each AI system keeps the
// keys its name is matched by (blocks, numbers, length), indexed, so a write
// finds the few systems its name may be near; the pairs found are stored in
// ai_system_duplicates (both directions), and duplicate groups are their
// connected components. Existing organizations' keys and pairs are filled here.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [column, type, fallback] of [
    ['dup_prefix', 'text', ''],
    ['dup_suffix', 'text', ''],
    ['dup_numbers', 'text', ''],
    ['dup_length', 'integer', 0],
  ] as const) {
    await db.schema
      .alterTable('ai_systems')
      .addColumn(column, type, (c) => c.notNull().defaultTo(fallback))
      .execute();
  }
  for (const block of ['prefix', 'suffix']) {
    await db.schema
      .createIndex(`ai_systems_dup_${block}_idx`)
      .on('ai_systems')
      .columns(['org_id', `dup_${block}`, 'dup_numbers', 'dup_length'])
      .execute();
  }
  await db.schema
    .createTable('ai_system_duplicates')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('other_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('ai_system_duplicates_pk', ['org_id', 'system_id', 'other_id'])
    .execute();
  await db.schema
    .createIndex('ai_system_duplicates_other_idx')
    .on('ai_system_duplicates')
    .columns(['org_id', 'other_id'])
    .execute();

  const orgs = await sql<{ org_id: string }>`select distinct org_id from ai_systems`.execute(db);
  for (const { org_id: orgId } of orgs.rows) await backfill(db, orgId);
}

/** One organization's keys and duplicate pairs, archived systems included (readers skip those). */
async function backfill(db: Kysely<unknown>, orgId: string) {
  const systems = (
    await sql<{ id: string; name: string; name_key: string; purpose: string }>`
      select id, name, name_key, purpose from ai_systems where org_id = ${orgId}`.execute(db)
  ).rows;
  const links = (
    await sql<{ ai_system_id: string; supplier_id: string }>`
      select ai_system_id, supplier_id from ai_system_suppliers where org_id = ${orgId}`.execute(db)
  ).rows;
  const suppliers = new Map<string, string[]>();
  for (const l of links) suppliers.set(l.ai_system_id, [...(suppliers.get(l.ai_system_id) ?? []), l.supplier_id]);

  for (let i = 0; i < systems.length; i += 500) {
    const values = systems.slice(i, i + 500).map((s) => {
      const k = blockKeys(s.name_key);
      return sql`(${s.id}, ${k.prefix}, ${k.suffix}, ${k.numbers}, ${String(k.length)})`;
    });
    await sql`update ai_systems set dup_prefix = v.column2, dup_suffix = v.column3, dup_numbers = v.column4,
        dup_length = cast(v.column5 as integer)
      from (values ${sql.join(values)}) as v
      where ai_systems.id = v.column1`.execute(db);
  }

  const candidates: DuplicateCandidate[] = systems.map((s) => ({
    id: s.id,
    name: s.name,
    nameKey: s.name_key,
    purpose: s.purpose,
    supplierIds: suppliers.get(s.id) ?? [],
  }));
  const rows = duplicateEdges(candidates).flatMap((e) => [
    sql`(${orgId}, ${e.a}, ${e.b}, ${e.reason})`,
    sql`(${orgId}, ${e.b}, ${e.a}, ${e.reason})`,
  ]);
  for (let i = 0; i < rows.length; i += 1000)
    await sql`insert into ai_system_duplicates (org_id, system_id, other_id, reason) values ${sql.join(rows.slice(i, i + 1000))}`.execute(
      db,
    );
}

/**
 * The keys these columns held: first and last three characters, numbers and
 * length, leading zeros dropped. Kept here rather than in the rules, which no
 * longer read them: 0046 drops the columns again.
 */
function blockKeys(nameKey: string) {
  const norm = nameKey.replace(/\d+/g, (n) => n.replace(/^0+(?=\d)/, ''));
  return {
    prefix: nameKey.slice(0, 3),
    suffix: nameKey.slice(-3),
    numbers: (norm.match(/\d+/g) ?? []).join(' '),
    length: norm.length,
  };
}
