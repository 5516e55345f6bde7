import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  type QueryResult,
  type SqliteDatabase,
  type SqliteStatement,
} from 'kysely';
import { nextTurn } from '../turns.js';

// Kysely's own SQLite driver has one connection behind a mutex: while a
// transaction runs (an import of thousands of rows, say), every other
// request's query waits for it, reads included. SQLite in WAL mode lets
// readers run beside the one writer, each reading the last committed state.
// So this driver keeps two connections to the file:
// - the writer, behind the mutex: every transaction, and every statement
//   that may change the database;
// - the reader (query_only): queries that return rows and change nothing,
//   outside a transaction; they never wait for the mutex.
// A read inside a transaction goes to the writer, so it sees the
// transaction's own changes. A write outside one commits on its own before
// the next statement runs, so a later read on the reader sees it.
// An in-memory database (`sqlite::memory:`) cannot be shared between
// connections: there the writer serves everything, as Kysely's driver does.

type Statement = SqliteStatement & { readonly readonly?: boolean };

export interface ReadWriteSqliteOptions {
  writer: SqliteDatabase;
  /** a second connection to the same file, or null for one connection */
  reader: SqliteDatabase | null;
  /** work to run on the transaction's connection just before COMMIT */
  beforeCommit(connection: DatabaseConnection): Promise<void>;
  /** told after each write is committed (the checkpointer) */
  afterWrite?: () => void;
}

export class ReadWriteSqliteDriver implements Driver {
  readonly #mutex = new Mutex();
  constructor(private readonly options: ReadWriteSqliteOptions) {}

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const connection = new RoutedConnection(this.options, this.#mutex);
    // One connection: hold it from the start, as Kysely's driver does.
    if (!this.options.reader) await connection.holdWriter();
    return connection;
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    // The connection takes the writer when it sees BEGIN (not here: the
    // connection Kysely hands over may be wrapped, by a test's query log).
    await connection.executeQuery(CompiledQuery.raw(BEGIN));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await this.options.beforeCommit(connection);
    await connection.executeQuery(CompiledQuery.raw('commit'));
    this.options.afterWrite?.();
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async savepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`savepoint ${quoteName(name)}`));
  }

  async rollbackToSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`rollback to ${quoteName(name)}`));
  }

  async releaseSavepoint(connection: DatabaseConnection, name: string): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(`release ${quoteName(name)}`));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    (connection as RoutedConnection).releaseWriter();
  }

  async destroy(): Promise<void> {
    this.options.reader?.close();
    this.options.writer.close();
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** One use of the database by Kysely: a statement, or a transaction's statements. */
class RoutedConnection implements DatabaseConnection {
  #holdsWriter = false;
  constructor(
    private readonly options: ReadWriteSqliteOptions,
    private readonly mutex: Mutex,
  ) {}

  async holdWriter(): Promise<void> {
    if (this.#holdsWriter) return;
    await this.mutex.lock();
    this.#holdsWriter = true;
  }

  releaseWriter(): void {
    if (!this.#holdsWriter) return;
    this.#holdsWriter = false;
    this.mutex.unlock();
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { writer, reader } = this.options;
    // Held from BEGIN until Kysely releases the connection, after COMMIT or ROLLBACK.
    if (query.sql === BEGIN) await this.holdWriter();
    if (this.#holdsWriter) return run(writer.prepare(query.sql), query);
    if (reader && SELECT.test(query.sql)) {
      const statement = prepareToRead(reader, query.sql);
      if (statement) {
        const started = performance.now();
        const result = run<R>(statement, query);
        // The answer is synchronous and its promise resolves in the microtask
        // queue, so a request that runs slow reads one after another held
        // the event loop for their sum (summary and duplicates at 100,000
        // systems: 73-74 ms, 37-42 with the turn). After a slow one, other requests go first.
        if (performance.now() - started > SLOW_READ_MS) await nextTurn();
        return result;
      }
    }
    // A write outside a transaction: the writer, for this statement only.
    await this.mutex.lock();
    try {
      return run(writer.prepare(query.sql), query);
    } finally {
      this.mutex.unlock();
      this.options.afterWrite?.();
    }
  }

  // All rows in one chunk: an open iterator would keep its connection busy
  // for every other statement. Large reads page by keyset instead.
  async *streamQuery<R>(query: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(query);
  }
}

/** A read that took longer than this lets the event loop turn before its caller goes on. */
const SLOW_READ_MS = 5;

/**
 * BEGIN IMMEDIATE takes the write lock up front: with a deferred BEGIN two
 * processes (the server and the CLI) could both read, then fail to upgrade
 * with SQLITE_BUSY, which the busy timeout cannot resolve.
 */
const BEGIN = 'begin immediate';

/**
 * Only a SELECT is offered to the reader: preparing DDL there fails or
 * misleads (SQLite checks CREATE INDEX against, and judges DROP ... IF
 * EXISTS by, the schema that connection last read, which may predate the
 * writer's latest change).
 */
const SELECT = /^\s*select\b/i;

/** The reader's statement when it only reads; null to leave it to the writer (or when the reader's schema is behind: a table created since). */
function prepareToRead(reader: SqliteDatabase, sql: string): SqliteStatement | null {
  try {
    const statement = reader.prepare(sql) as Statement;
    return statement.reader && statement.readonly ? statement : null;
  } catch {
    return null;
  }
}

function run<R>(statement: SqliteStatement, { parameters }: CompiledQuery): QueryResult<R> {
  if (statement.reader) return { rows: statement.all(parameters) as R[] };
  const { changes, lastInsertRowid } = statement.run(parameters);
  return {
    numAffectedRows: changes !== undefined && changes !== null ? BigInt(changes) : undefined,
    insertId: lastInsertRowid !== undefined && lastInsertRowid !== null ? BigInt(lastInsertRowid) : undefined,
    rows: [],
  };
}

/** First come, first served: unlock hands the lock to the oldest waiter. */
class Mutex {
  #locked = false;
  readonly #waiters: (() => void)[] = [];

  async lock(): Promise<void> {
    if (!this.#locked) {
      this.#locked = true;
      return;
    }
    await new Promise<void>((resolve) => this.#waiters.push(resolve));
  }

  unlock(): void {
    const next = this.#waiters.shift();
    if (next) next();
    else this.#locked = false;
  }
}
