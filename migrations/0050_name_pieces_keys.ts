import { type Kysely, sql } from 'kysely';

// Issue 17: a write's duplicate lookup (pieceMates) joined the pieces it found
// with ai_systems for the names to compare. At 100,000 systems PostgreSQL
// answered that join by reading the whole table (a hash join: 40-50 ms a
// lookup, 8 s for an import of 200 rows) where the pieces alone took 3-5 ms.
// Each piece now carries its system's folded name, written with the piece.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('ai_system_name_pieces')
    .addColumn('name_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // One join rather than a lookup per piece (6.4 s against 7.4 for the
  // 300,000 pieces of 100,000 systems on PostgreSQL).
  await sql`update ai_system_name_pieces set name_key = s.name_key
      from ai_systems s where s.id = ai_system_name_pieces.ai_system_id`.execute(db);
}
