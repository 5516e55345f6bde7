import { randomUUID } from 'node:crypto';
import {
  type Compilable,
  type CompiledQuery,
  type Expression,
  type Kysely,
  PostgresAdapter,
  type SqlBool,
  type SqliteDatabase,
  type SqliteStatement,
  sql,
} from 'kysely';
import type { Executor } from './db.js';
import type { DB, Row } from './tables.js';
import { prepareNamed } from './pg-prepared.js';

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

// Kysely also builds an operation tree and compiles it to SQL on every run:
// on the hottest statements (the one that authenticates every request, a
// record by id) that costs more than SQLite takes to run them. A template
// builds and compiles such a query once per database, with a placeholder
// for each value, and swaps the request's values into the parameters. On
// PostgreSQL its text is also sent as a named prepared statement, so the
// server plans it once per connection too (pg-prepared.ts).

/** A query compiled once per database, run with new values for its named placeholders. */
export interface QueryTemplate<K extends string, R> {
  run(db: Executor, values: Readonly<Record<K, unknown>>): Promise<R[]>;
}

/**
 * `build` gets one placeholder string per name and must use each only as a
 * bound value (where, join on, select of a value), never in SQL text: the
 * first compile checks that every placeholder became a parameter and none
 * reached the SQL. A query whose shape depends on the values (lists of
 * varying length, optional filters) is not a template.
 */
export function queryTemplate<K extends string, R>(
  names: readonly K[],
  build: (db: Executor, placeholders: Readonly<Record<K, string>>) => Compilable<R>,
  opts: { lists?: readonly K[] } = {},
): QueryTemplate<K, R> {
  const lists = new Set<K>(opts.lists ?? []);
  const nonce = randomUUID();
  const placeholders = Object.fromEntries(names.map((n) => [n, `\u0000${nonce}:${n}`])) as Record<K, string>;
  const byPlaceholder = new Map<unknown, K>(names.map((n) => [placeholders[n], n]));
  // One compile per dialect adapter (tests run SQLite and PostgreSQL apps in one process).
  const compiled = new WeakMap<object, { query: CompiledQuery<R>; slots: (K | undefined)[] }>();
  const compile = (db: Executor) => {
    const query = build(db, placeholders).compile();
    const slots = query.parameters.map((p) => byPlaceholder.get(p));
    for (const n of names) {
      if (query.sql.includes(placeholders[n])) throw new Error(`query template: placeholder ${n} reached the SQL text`);
      if (!slots.includes(n)) throw new Error(`query template: placeholder ${n} is not a bound value`);
    }
    return { query, slots };
  };
  return {
    async run(db, values) {
      const adapter = db.getExecutor().adapter;
      let c = compiled.get(adapter);
      const postgres = adapter instanceof PostgresAdapter;
      if (!c) {
        c = compile(db);
        compiled.set(adapter, c);
        if (postgres) prepareNamed(c.query.sql);
      }
      const parameters = c.query.parameters.map((p, i) => {
        const slot = c.slots[i];
        if (slot === undefined) return p;
        const v = values[slot];
        return lists.has(slot) ? listValue(postgres, v as readonly unknown[]) : v;
      });
      return (await db.executeQuery<R>({ ...c.query, parameters })).rows;
    },
  };
}

// A list of values (`id IN (...)`) changes a statement's text with its length,
// so it cannot be a template's placeholder as such. inList binds the whole
// list as ONE value instead: a PostgreSQL array, or on SQLite a JSON array
// that json_each turns back into rows. Both use the column's index. Name the
// placeholder in the template's `lists`: run() then encodes the array.

/** `column IN (the list placeholder's values)`, for a template whose `lists` names the placeholder. */
export function inList(db: Executor, column: string, placeholder: string): Expression<SqlBool> {
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? sql<SqlBool>`${sql.ref(column)} = any(${placeholder})`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${placeholder}))`;
}

function listValue(postgres: boolean, values: readonly unknown[]): unknown {
  if (!Array.isArray(values)) throw new Error('query template: a list placeholder takes an array');
  return postgres ? values : JSON.stringify(values);
}

/**
 * Runs a query whose SQL takes one of a few shapes (a register's list: which
 * filters are set, the sort, a cursor or not). On PostgreSQL each shape is
 * sent as a named prepared statement (pg-prepared.ts), so a list request is
 * not parsed and planned again each time: 0.1 to 0.4 ms of a list on a small
 * register. Values must be bound, never written into the SQL.
 */
export async function executeShaped<R>(db: Executor, query: Compilable<R>): Promise<R[]> {
  const compiled = query.compile();
  if (db.getExecutor().adapter instanceof PostgresAdapter) prepareNamed(compiled.sql, 'shaped');
  return (await db.executeQuery(compiled)).rows;
}

// The statement most pages run per record they show: the rows of one table,
// in the organization, whose column is one of a list (a page's children, the
// records it names). One template each, so a module states only which.

type OrgTable = { [T in keyof DB]: DB[T] extends { org_id: string } ? T : never }[keyof DB];
type ColumnOf<T extends keyof DB> = keyof Row<T> & string;
// Built on the table named at run time, so Kysely sees one stand-in table
// with one stand-in column; the caller's table types the result instead.
type Loose = Kysely<{ t: { org_id: string; c: string } }>;

/**
 * Reads `table`'s rows (or the `select`ed columns) in one organization whose
 * `column` is one of the given values, in `orderBy` order; no statement for
 * an empty list.
 */
export function orgRowsIn<T extends OrgTable, C extends ColumnOf<T> = ColumnOf<T>>(
  table: T,
  column: ColumnOf<T>,
  opts: { select?: readonly C[]; orderBy?: readonly ColumnOf<T>[] } = {},
): (db: Executor, orgId: string, values: readonly string[]) => Promise<Pick<Row<T>, C>[]> {
  const template = queryTemplate(
    ['orgId', 'values'],
    (db, p) => {
      const from = (db as unknown as Loose).selectFrom(table as 't');
      let q = (opts.select ? from.select(opts.select as readonly 'c'[]) : from.selectAll())
        .where('org_id', '=', p.orgId)
        .where(inList(db, column, p.values));
      for (const c of opts.orderBy ?? []) q = q.orderBy(c as 'c');
      return q;
    },
    { lists: ['values'] },
  );
  return async (db, orgId, values) => (values.length ? ((await template.run(db, { orgId, values })) as Pick<Row<T>, C>[]) : []);
}
