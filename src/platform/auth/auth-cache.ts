import { authVersion } from '../db/auth-version.js';
import type { Executor } from '../db/db.js';
import { Lru } from '../memo.js';

// The row the authentication statement read for a cookie or token (and an
// org), served again while the auth version has not moved (db/auth-version.ts
// says what moves it). On PostgreSQL this saves each request a round trip as
// long as a small get's own statement; on SQLite a 20-40 µs statement.
// Time-bound facts (a session's or a membership's expiry) are in the row and
// judged by the caller at each use. Only found rows are kept: a stream of
// made-up tokens cannot fill the cache.

/**
 * However still the version stays, a row is read again after this long: a
 * bound on any change the version could miss (a notice lost in the moment a
 * connection breaks, before the break is seen).
 */
export const AUTH_CACHE_MS = 30_000;
/** Rows kept per database, the least recently read leaving first. */
export const AUTH_CACHE_SIZE = 10_000;

type AuthRow = Record<string, unknown>;
interface Entry {
  version: number;
  at: number;
  row: AuthRow;
}

const caches = new WeakMap<object, Lru<Entry>>();

/**
 * The row for `key`, from the cache while still valid, else from `read`.
 * The row is shared by the requests it serves: callers copy what they change,
 * except the use marks (last seen), which they update on it.
 */
export async function cachedAuthRow(
  db: Executor,
  key: string,
  read: () => Promise<AuthRow | undefined>,
): Promise<AuthRow | undefined> {
  const version = authVersion(db);
  if (version === null) return read();
  let cache = caches.get(db);
  if (!cache) {
    cache = new Lru(AUTH_CACHE_SIZE);
    caches.set(db, cache);
  }
  const now = Date.now();
  const hit = cache.get(key);
  if (hit) {
    if (hit.version === version && now - hit.at < AUTH_CACHE_MS) return hit.row;
    cache.delete(key);
  }
  const row = await read();
  // Kept only if nothing moved the version while it was read: a change that
  // committed meanwhile may or may not be in the row.
  if (row && authVersion(db) === version) {
    cache.set(key, { version, at: now, row });
  }
  return row;
}
