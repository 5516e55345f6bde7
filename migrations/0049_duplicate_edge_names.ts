import { type Kysely, sql } from 'kysely';

// Issue 17: the inventory summary's duplicate-group count and the duplicate
// groups joined every stored edge with ai_systems at both ends, to skip
// archived systems and to name the groups. At 100,000 systems on PostgreSQL
// that join read the whole table (a hash join: 200 ms; 3,000 edges by index
// instead cost 75 ms on a small machine). Each edge now carries the other
// system's name, and archived systems are found by a partial index: the
// reads are the edge table and the (few) archived ids.
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const column of ['other_name', 'other_key'])
    await db.schema
      .alterTable('ai_system_duplicates')
      .addColumn(column, 'text', (c) => c.notNull().defaultTo(''))
      .execute();
  await sql`update ai_system_duplicates set
      other_name = (select s.name from ai_systems s where s.id = ai_system_duplicates.other_id),
      other_key = (select s.name_key from ai_systems s where s.id = ai_system_duplicates.other_id)`.execute(db);
  await db.schema
    .createIndex('ai_systems_archived_idx')
    .on('ai_systems')
    .columns(['org_id', 'id'])
    .where(sql.ref('archived_at'), 'is not', null)
    .execute();
}
