import { type MigrationResult, type MigrationResultSet, Migrator, sql } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Database } from './db.js';

/**
 * Kysely's migrator first lists the tables of every schema in the database
 * (its PostgreSQL introspector), and a schema that another process drops at
 * that moment fails the listing with 'schema "…" does not exist' (or, for a
 * table dropped with it, 'relation "…" does not exist') before any migration
 * has run. Only a database shared by many schemas (the test suite's)
 * meets it; running the migrator again is safe then, since nothing was applied.
 * Under a full parallel test run the listing can lose the race twice in a row
 * (CI saw it), so it tries up to `attempts` times, pausing a few milliseconds
 * between tries so the dropping transaction can finish.
 */
export async function retryingIntrospectionRace(
  run: () => Promise<MigrationResultSet>,
  attempts = 5,
): Promise<MigrationResultSet> {
  let result = await run();
  for (let tried = 1; tried < attempts && raced(result); tried++) {
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * tried));
    result = await run();
  }
  return result;
}

/** The listing failed on a schema or table that vanished, before any migration ran. */
function raced(set: MigrationResultSet): boolean {
  return (
    set.error !== undefined &&
    /(schema|relation) "[^"]+" does not exist/.test(String((set.error as Error)?.message ?? set.error)) &&
    !set.results?.some((r) => r.status === 'Success' || r.status === 'Error')
  );
}

/**
 * Whether the database has run exactly the migrations this build holds, read
 * from Kysely's own table. Every start of `aims serve` asks (issue 17): the
 * migrator would list every table and its columns and take its lock first,
 * the slowest part of a restart's database work. Only a plain "yes" skips the
 * migrator; anything else (no table yet, a migration missing or unknown to
 * this build, an error) goes to the migrator, which applies what is pending
 * under its lock or reports what is wrong. Reading is safe beside another
 * node that migrates: a name is in the table only once its migration committed.
 */
async function upToDate(database: Database): Promise<boolean> {
  const table = database.schema ? sql.id(database.schema, 'kysely_migration') : sql.id('kysely_migration');
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(database.db);
    const applied = new Set(rows.map((r) => r.name));
    const known = Object.keys(migrations);
    return applied.size === known.length && known.every((name) => applied.has(name));
  } catch {
    return false;
  }
}

export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
  if (await upToDate(database)) return [];
  const migrator = new Migrator({
    db: database.db,
    // Name the schema: without it Kysely may find another schema's lock table.
    ...(database.schema ? { migrationTableSchema: database.schema } : {}),
    provider: { getMigrations: async () => migrations },
  });
  const { error, results } = await retryingIntrospectionRace(() => migrator.migrateToLatest());
  if (error) {
    const failed = results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String((error as Error).message ?? error)}`);
  }
  return results ?? [];
}
