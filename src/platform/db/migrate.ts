import { type MigrationResult, type MigrationResultSet, Migrator } from 'kysely';
import { migrations } from '../../../migrations/index.js';
import type { Database } from './db.js';

/**
 * Kysely's migrator first lists the tables of every schema in the database
 * (its PostgreSQL introspector), and a schema that another process drops at
 * that moment fails the listing with 'schema "…" does not exist' (or, for a
 * table dropped with it, 'relation "…" does not exist') before any migration
 * has run. Only a database shared by many schemas (the test suite's)
 * meets it; running the migrator again is safe then, since nothing was applied.
 */
export async function retryingIntrospectionRace(run: () => Promise<MigrationResultSet>): Promise<MigrationResultSet> {
  const first = await run();
  const raced =
    first.error !== undefined &&
    /(schema|relation) "[^"]+" does not exist/.test(String((first.error as Error)?.message ?? first.error)) &&
    !first.results?.some((r) => r.status === 'Success' || r.status === 'Error');
  return raced ? run() : first;
}

export async function migrateToLatest(database: Database): Promise<MigrationResult[]> {
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
