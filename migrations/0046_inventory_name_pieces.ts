import { type Kysely, sql } from 'kysely';
import { namePieces } from '../src/modules/inventory/inventory.duplicate-rules.js';
import { missingMask } from '../src/modules/inventory/inventory.rules.js';

// Speed at scale (issue 17), at 100,000 AI systems:
// - A write found the systems its name may be near by reading its whole name
//   block (dup_prefix or dup_suffix: thousands of rows, a create took 470 ms).
//   Each system's name pieces (the PassJoin pieces duplicate detection
//   indexes) are stored and indexed instead, so a write looks up only the
//   systems holding one of its probes; the block columns go.
// - The summary tested every active row, and the supplier links of each,
//   for each "missing" count (200 ms). The gaps that do not change with the
//   date are stored as bits (missing_mask) and an index holds every column
//   the summary groups and counts, so it reads the index alone.
// Existing organizations' pieces and masks are filled here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('ai_system_name_pieces')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('piece', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('ai_system_name_pieces_pk', ['org_id', 'piece', 'ai_system_id'])
    .execute();
  await db.schema.createIndex('ai_system_name_pieces_system_idx').on('ai_system_name_pieces').column('ai_system_id').execute();

  // What a write used to read its name block by (0041): the pieces replace it.
  for (const block of ['prefix', 'suffix']) await db.schema.dropIndex(`ai_systems_dup_${block}_idx`).execute();
  for (const column of ['dup_prefix', 'dup_suffix', 'dup_numbers', 'dup_length'])
    await db.schema.alterTable('ai_systems').dropColumn(column).execute();

  await db.schema
    .alterTable('ai_systems')
    .addColumn('missing_mask', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('ai_systems_summary_idx')
    .on('ai_systems')
    .columns(['org_id', 'archived_at', 'risk_level', 'in_scope', 'missing_mask', 'last_review_date'])
    .execute();

  const orgs = await sql<{ org_id: string }>`select distinct org_id from ai_systems`.execute(db);
  for (const { org_id: orgId } of orgs.rows) await backfill(db, orgId);
}

async function backfill(db: Kysely<unknown>, orgId: string) {
  const systems = (
    await sql<{
      id: string;
      name_key: string;
      business_owner_user_id: string | null;
      business_owner_name: string | null;
      technical_owner_user_id: string | null;
      technical_owner_name: string | null;
      monitoring_method: string;
      kind: string | null;
    }>`select id, name_key, business_owner_user_id, business_owner_name, technical_owner_user_id,
         technical_owner_name, monitoring_method, kind
       from ai_systems where org_id = ${orgId}`.execute(db)
  ).rows;
  const linked = new Set(
    (
      await sql<{ ai_system_id: string }>`select distinct ai_system_id from ai_system_suppliers where org_id = ${orgId}`.execute(
        db,
      )
    ).rows.map((r) => r.ai_system_id),
  );

  const pieces = systems.flatMap((s) => namePieces(s.name_key).map((piece) => sql`(${orgId}, ${piece}, ${s.id})`));
  for (let i = 0; i < pieces.length; i += 1000)
    await sql`insert into ai_system_name_pieces (org_id, piece, ai_system_id) values ${sql.join(pieces.slice(i, i + 1000))}`.execute(
      db,
    );

  const masks = systems.flatMap((s) => {
    const mask = missingMask({
      businessOwner: s.business_owner_user_id || s.business_owner_name ? { userId: null, name: '' } : null,
      technicalOwner: s.technical_owner_user_id || s.technical_owner_name ? { userId: null, name: '' } : null,
      monitoringMethod: s.monitoring_method,
      kind: s.kind as 'third-party-saas' | null,
      suppliers: linked.has(s.id) ? [null] : [],
    });
    return mask ? [sql`(${s.id}, ${String(mask)})`] : [];
  });
  for (let i = 0; i < masks.length; i += 500)
    await sql`update ai_systems set missing_mask = cast(v.column2 as integer)
      from (values ${sql.join(masks.slice(i, i + 500))}) as v
      where ai_systems.id = v.column1`.execute(db);
}
