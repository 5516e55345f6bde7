import { type Kysely, sql } from 'kysely';
import { nameNumbers, namePieces } from '../src/modules/inventory/inventory.duplicate-rules.js';

// Issue 17: a write finds the names near its own through the stored name
// pieces (0046). The names of a numbered series ("System 1-1" ... "System
// 1-40000") hold the same pieces, so a create in a series of 40,000 read all
// of them (13-72 ms) although names whose numbers differ are never near.
// Each piece now carries its name's numbers ("" for none) in the key, and a
// numbered name looks up only its own numbers and none.
//
// The table is built again, since its primary key changes, and filled from
// the stored names a page at a time.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('ai_system_name_pieces').ifExists().execute();
  await db.schema
    .createTable('ai_system_name_pieces')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('piece', 'text', (c) => c.notNull())
    .addColumn('numbers', 'text', (c) => c.notNull())
    .addColumn('ai_system_id', 'text', (c) => c.notNull().references('ai_systems.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('ai_system_name_pieces_pk', ['org_id', 'piece', 'numbers', 'ai_system_id'])
    .execute();
  await db.schema.createIndex('ai_system_name_pieces_system_idx').on('ai_system_name_pieces').column('ai_system_id').execute();

  let after = '';
  for (;;) {
    const { rows } = await sql<{ id: string; org_id: string; name_key: string }>`
      select id, org_id, name_key from ai_systems where id > ${after} order by id limit 5000`.execute(db);
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const pieces = rows.flatMap((s) => {
      const numbers = nameNumbers(s.name_key);
      return namePieces(s.name_key).map((piece) => sql`(${s.org_id}, ${piece}, ${numbers}, ${s.id})`);
    });
    for (let i = 0; i < pieces.length; i += 1000)
      await sql`insert into ai_system_name_pieces (org_id, piece, numbers, ai_system_id)
        values ${sql.join(pieces.slice(i, i + 1000))}`.execute(db);
  }
  await sql`analyze ai_system_name_pieces`.execute(db);
}
