import type { PostgresPool, PostgresPoolClient } from 'kysely';
import type pg from 'pg';

// PostgreSQL parses and plans every unnamed statement it is sent. For the
// statement that authenticates each request that is ~0.3 ms of a ~0.5 ms
// round trip, as much as a whole small get costs at the floor (issue 17).
// The app's query templates (statement-cache.ts) are a few dozen fixed SQL
// texts, and a register list's query takes a few shapes: on PostgreSQL they
// go as named prepared statements, parsed once per connection, then only
// bound and run.
//
// A named statement can fail where the same text unnamed would not:
// - A migration run from another node changed a table a template reads with
//   `*`: PostgreSQL refuses the old plan ("cached plan must not change result
//   type", 0A000). The text gets a new name, prepared afresh on next use.
// - A pooler in transaction mode (PgBouncer before 1.21) hands each statement
//   to any server connection, which may not know the name (26000) or know it
//   already (42P05). Naming stops for the process; OPENAIMS_PG_PREPARE=off
//   skips even the first try.
// Both are answered by sending the statement again unnamed, which is only
// safe outside a transaction (an error aborts the transaction), so inside
// one every statement goes unnamed, as it always did.

interface Named {
  name: string;
}

const namedTexts = new Map<string, Named>();
let lastName = 0;
const nextName = () => `aims_${++lastName}`;

/**
 * Texts that take one of a few shapes (a register's list: its filters, sort
 * and cursor) are named too, up to this many: every name stays prepared on
 * each connection until it closes, so a caller whose texts turn out to vary
 * more than expected costs the server a bounded amount of memory.
 */
export const MAX_SHAPED_STATEMENTS = 200;
let shaped = 0;

/**
 * Sends `sql` as a named prepared statement on PostgreSQL from now on. A
 * query template's text is fixed (`fixed`); any other is counted against
 * MAX_SHAPED_STATEMENTS and goes unnamed past it.
 */
export function prepareNamed(sql: string, kind: 'fixed' | 'shaped' = 'fixed'): void {
  if (namedTexts.has(sql)) return;
  if (kind === 'shaped' && ++shaped > MAX_SHAPED_STATEMENTS) return;
  namedTexts.set(sql, { name: nextName() });
}

/** The name `sql` is sent under, if it is one (for tests). */
export function statementName(sql: string): string | undefined {
  return namedTexts.get(sql)?.name;
}

export interface PreparingOptions {
  /** false: every statement unnamed (a pooler that cannot keep named statements) */
  prepare: boolean;
  /** told once when naming stops because the server forgot a name */
  onNamingOff?: (err: Error) => void;
  /**
   * Told of the statements `writes` picks, before each and once more after
   * it commits (at once outside a transaction, or when its transaction
   * ends): the auth version's own writes (auth-version.ts).
   */
  watch?: { writes(sql: string): boolean; changed(): void };
}

type PgResult = Awaited<ReturnType<PostgresPoolClient['query']>>;

/**
 * A statement through pg's callback form, as a promise. pg's own promise
 * form (a query without a callback) left every result alive through two
 * young-generation collections, so each one copied and then promoted the
 * rows of the requests in flight: on the large inventory page 1.5-3.5 MB a
 * collection, a 3-7 ms pause every dozen requests, against 0.3 ms with the
 * callback (issue 17). Same statement, same result.
 */
function query(client: pg.PoolClient, config: pg.QueryConfig): Promise<PgResult> {
  return new Promise((resolve, reject) => {
    client.query(config, (err: Error | null, result: pg.QueryResult) =>
      err ? reject(err) : resolve(result as unknown as PgResult),
    );
  });
}

/** A pg pool as Kysely's PostgresDialect takes it, sending the registered texts as named statements. */
export function preparingPool(pool: pg.Pool, opts: PreparingOptions): PostgresPool & { naming(): boolean } {
  let naming = opts.prepare;
  // Kysely keeps one connection object per client it is handed: hand back the same wrapper each time.
  const wrappers = new WeakMap<pg.PoolClient, PostgresPoolClient>();

  async function runNamed(client: pg.PoolClient, named: Named, text: string, values: unknown[]): Promise<PgResult> {
    const name = named.name;
    try {
      return await query(client, { name, text, values });
    } catch (err) {
      const { code, message } = err as { code?: string; message?: string };
      if (code === '0A000' && message?.includes('cached plan must not change result type')) {
        if (named.name === name) named.name = nextName();
      } else if (code === '26000' || code === '42P05') {
        if (naming) {
          naming = false;
          opts.onNamingOff?.(err as Error);
        }
      } else {
        throw err;
      }
      return await query(client, { text, values });
    }
  }

  function send(client: pg.PoolClient, text: string, values: unknown[]): Promise<PgResult> {
    const named = naming ? namedTexts.get(text) : undefined;
    if (!named || client.getTransactionStatus() !== 'I') return query(client, { text, values });
    return runNamed(client, named, text, values);
  }

  function wrap(client: pg.PoolClient): PostgresPoolClient {
    const watch = opts.watch;
    // A watched write ran in the transaction still open on this client.
    let pending = false;
    const watched = async (text: string, values: unknown[]) => {
      watch?.changed();
      pending = true;
      try {
        return await send(client, text, values);
      } finally {
        // Rows read between the write and its commit are stale too: told again once it is committed (or not).
        if (client.getTransactionStatus() === 'I') {
          pending = false;
          watch?.changed();
        }
      }
    };
    return {
      // biome-ignore lint/suspicious/noExplicitAny: one signature serves both of Kysely's overloads (SQL text, or a cursor)
      query(textOrCursor: any, parameters?: readonly unknown[]): any {
        if (typeof textOrCursor !== 'string') return client.query(textOrCursor);
        const values = parameters as unknown[];
        if (watch && (pending || watch.writes(textOrCursor))) return watched(textOrCursor, values);
        return send(client, textOrCursor, values);
      },
      release: (destroy?: boolean) => client.release(destroy),
    };
  }

  return {
    async connect() {
      const client = await pool.connect();
      let w = wrappers.get(client);
      if (!w) {
        w = wrap(client);
        wrappers.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
    naming: () => naming,
  };
}
