import type { SqliteDatabase, SqliteStatement } from 'kysely';

// Kysely's SQLite driver prepares every statement it runs (better-sqlite3
// `prepare`): parsing and planning the same SQL text on every request. The
// app sends a few hundred distinct texts, so a bounded cache by text keeps
// them compiled. A statement being iterated (Kysely's streaming) is busy and
// cannot run again until its iterator ends: such a text gets a fresh one.

/** The part of a better-sqlite3 Database the cache needs. */
export interface PreparingDatabase {
  prepare(sql: string): SqliteStatement & { readonly busy?: boolean };
  close(): unknown;
}

export const DEFAULT_STATEMENT_CACHE_SIZE = 500;

/** The database as Kysely's SqliteDialect takes it, preparing each SQL text once (least recently used out past `max`). */
export function cachingPrepare(
  database: PreparingDatabase,
  max = DEFAULT_STATEMENT_CACHE_SIZE,
): SqliteDatabase & { cacheSize(): number } {
  const cache = new Map<string, ReturnType<PreparingDatabase['prepare']>>();
  return {
    prepare(sql: string) {
      const hit = cache.get(sql);
      if (hit) {
        if (hit.busy) return database.prepare(sql);
        // Map keeps insertion order: moving the hit to the end makes the first key the least recently used.
        cache.delete(sql);
        cache.set(sql, hit);
        return hit;
      }
      const stmt = database.prepare(sql);
      cache.set(sql, stmt);
      if (cache.size > max) cache.delete(cache.keys().next().value as string);
      return stmt;
    },
    close() {
      cache.clear();
      database.close();
    },
    cacheSize: () => cache.size,
  };
}
