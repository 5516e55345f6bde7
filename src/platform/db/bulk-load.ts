import { PostgresAdapter, sql } from 'kysely';
import type { Db } from './db.js';

/**
 * Brings the database to the state autovacuum keeps a live one in, after a
 * bulk load (`aims dev seed`, the benchmarks). Right after one, PostgreSQL
 * plans and reads as if nothing had happened:
 * - its statistics say the tables are empty, so a list can pick a scan (the
 *   inventory list took 215 ms instead of 15 ms in the export bench);
 * - no page is marked all-visible, so a covering index still visits every
 *   row (gathering the facts at the large size: 200 ms, 73 ms after VACUUM;
 *   the inventory summary at 100,000 systems: 97 ms, 20-30 ms after).
 * VACUUM (ANALYZE) does what autovacuum would, as PostgreSQL advises after a
 * bulk load. SQLite needs nothing: it has no visibility map, and its
 * statistics are gathered where missing when the database opens.
 */
export async function settleAfterBulkLoad(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  // this schema's tables only: a bare VACUUM reads every schema of the database
  const tables = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
  for (const t of tables.rows) await sql`vacuum (analyze) ${sql.table(t.name)}`.execute(db);
}
