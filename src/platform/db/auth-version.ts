import type pg from 'pg';
import type { Executor } from './db.js';

// Every request is authenticated from the database (sessions, users,
// memberships, API tokens, the org checks' settings). On PostgreSQL that is
// a round trip per request, about as long as a small get's own statement
// (issue 17). The auth cache (platform/auth/auth-cache.ts) keeps the rows it
// read, each under the "auth version" it read them at, and serves them again
// only while the version has not moved. The version must move whenever any
// of those tables may have changed, from any process:
// - SQLite: `PRAGMA data_version` on the reader connection, which changes
//   with every commit by any other connection (the app's writer, the CLI).
//   A change has moved it before the next request reads it.
// - PostgreSQL: a counter in this process. It moves when this process
//   writes to one of the tables (the pool watches the statements, and moves
//   it again once the transaction ends) and when PostgreSQL notifies a change
//   made by another process (migration 0051's triggers, `aims_auth`). Another
//   node's change reaches this one within milliseconds of its commit. While
//   the listening connection is down there is no version, so no caching.

/** The tables whose changes move the auth version: what the authentication statement reads. */
export const AUTH_TABLES = ['sessions', 'users', 'memberships', 'organizations', 'api_tokens', 'mfa_org_policies'] as const;

/** The PostgreSQL channel migration 0051's triggers notify, with the schema name as payload. */
export const AUTH_CHANNEL = 'aims_auth';

type VersionOf = () => number | null;
const sources = new WeakMap<object, VersionOf>();

export function registerAuthVersion(db: object, versionOf: VersionOf): void {
  sources.set(db, versionOf);
}

/**
 * The auth version of the database `db` runs on, or null when rows read now
 * must not be served again later: inside a transaction (it may roll back, and
 * reads its own writes), on a database without a version source (SQLite in
 * memory: one connection, whose own commits do not change data_version), or
 * while PostgreSQL's listening connection is down.
 */
export function authVersion(db: Executor): number | null {
  if (db.isTransaction) return null;
  return sources.get(db)?.() ?? null;
}

/** A statement that writes to one of AUTH_TABLES, as Kysely writes them (no schema prefix: search_path names it). */
const AUTH_WRITE = new RegExp(`^\\s*(?:insert\\s+into|update|delete\\s+from)\\s+"(?:${AUTH_TABLES.join('|')})"`, 'i');

/**
 * The two writes that only record use (a session's last_seen_at, a token's
 * last_used_at, at most once a minute): they decide nothing, and the
 * triggers ignore them too, so the cache survives them.
 */
const USE_MARK = /^update "(?:sessions" set "last_seen_at"|api_tokens" set "last_used_at") = \$1 where "id" = \$2$/;

export function writesAuthTable(sql: string): boolean {
  return AUTH_WRITE.test(sql) && !USE_MARK.test(sql);
}

/**
 * PostgreSQL's auth version: moved by this process's own writes (`changed`)
 * and by other processes' notifications. The listening connection opens on
 * the first `version()` (a CLI command that authenticates nobody never opens
 * it) and reopens a second after it is lost (longer while it keeps failing).
 */
export class PgAuthVersion {
  #version = 0;
  #listening = false;
  #client: pg.Client | null = null;
  #starting = false;
  #closed = false;
  #retry: NodeJS.Timeout | null = null;
  #failures = 0;

  constructor(
    private readonly newClient: () => pg.Client,
    private readonly schema: string,
  ) {}

  version(): number | null {
    if (this.#listening) return this.#version;
    if (!this.#starting && !this.#retry && !this.#closed) void this.#listen();
    return null;
  }

  /** A change this process made (or may have made): rows read before it are stale. */
  changed(): void {
    this.#version++;
  }

  async #listen(): Promise<void> {
    this.#starting = true;
    const client = this.newClient();
    const lost = () => {
      if (this.#client !== client) return;
      this.#client = null;
      this.#listening = false;
      this.#version++;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      if (!this.#closed && !this.#retry) {
        // A second after a loss, then longer while it keeps failing (up to 30 s).
        this.#retry = setTimeout(
          () => {
            this.#retry = null;
            if (!this.#closed) void this.#listen();
          },
          Math.min(30_000, 1000 * 2 ** Math.min(this.#failures, 5)),
        );
        this.#retry.unref();
      }
    };
    try {
      this.#client = client;
      client.on('error', lost);
      client.on('end', lost);
      client.on('notification', (n) => {
        if (n.channel === AUTH_CHANNEL && n.payload === this.schema) this.#version++;
      });
      await client.connect();
      await client.query(`listen ${AUTH_CHANNEL}`);
      if (this.#closed) return void (await client.end());
      // Changes made while no one listened are unknown: nothing read before counts.
      this.#version++;
      this.#listening = true;
      this.#failures = 0;
    } catch (err) {
      if (this.#failures++ === 0) {
        process.emitWarning(
          `PostgreSQL change notifications unavailable (${(err as Error).message}): authentication reads the database on every request until they return.`,
        );
      }
      lost();
    } finally {
      this.#starting = false;
    }
  }

  /** No version from now on: every request reads the database (a pooler that cannot carry notices). */
  disable(): void {
    void this.close();
  }

  /** Stops listening (the database is closing). */
  async close(): Promise<void> {
    this.#closed = true;
    this.#listening = false;
    if (this.#retry) clearTimeout(this.#retry);
    const client = this.#client;
    this.#client = null;
    await client?.end().catch(() => {});
  }
}
