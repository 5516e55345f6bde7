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
 * bulk load. SQLite has no visibility map: it needs its statistics only.
 */
export async function settleAfterBulkLoad(db: Db): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return refreshStatistics(db, []);
  // this schema's tables only: a bare VACUUM reads every schema of the database
  const tables = await sql<{
    name: string;
  }>`select tablename as name from pg_tables where schemaname = current_schema()`.execute(db);
  for (const t of tables.rows) await sql`vacuum (analyze) ${sql.table(t.name)}`.execute(db);
}

/**
 * Statistics for the planner after a write of many rows (an import), which
 * changes the tables faster than the database notices: until it does, the
 * planner believes an organization holds a handful of systems. On SQLite a
 * list then scanned a whole organization's name index for `org_id = ? AND
 * id IN (...)` instead of looking ids up (100,000 systems: 50 ms a query);
 * on PostgreSQL it scanned and sorted instead of using indexes. SQLite's
 * `optimize` analyses only the tables that grew or shrank tenfold, a few
 * milliseconds each (analysis_limit, db.ts), and its reader connection
 * reloads the statistics at its next query. PostgreSQL analyses `tables`.
 */
export async function refreshStatistics(db: Db, tables: string[]): Promise<void> {
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    if (tables.length) await sql`analyze ${sql.join(tables.map((t) => sql.table(t)))}`.execute(db);
  } else await sql`pragma optimize`.execute(db);
}
