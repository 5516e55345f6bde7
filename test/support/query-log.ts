import type { CompiledQuery, DatabaseConnection, QueryExecutor } from 'kysely';
import type { Db } from '../../src/platform/db/db.js';

export interface QueryLog {
  /** the SQL of every statement run since the last reset, in order */
  readonly statements: string[];
  reset(): void;
}

/**
 * Records every statement the database runs from now on, including the
 * transaction statements (BEGIN, COMMIT) the driver sends: the executor's
 * connections are handed out wrapped, so queries, transactions and raw SQL
 * all pass through one counting point. Test-only; the app is unchanged.
 */
export function recordQueries(db: Db): QueryLog {
  const statements: string[] = [];
  const executor = db.getExecutor() as QueryExecutor;
  const provide = executor.provideConnection.bind(executor);
  const wrap = (c: DatabaseConnection): DatabaseConnection => ({
    executeQuery: (q: CompiledQuery) => {
      statements.push(q.sql);
      return c.executeQuery(q);
    },
    streamQuery: (q: CompiledQuery, chunkSize?: number) => {
      statements.push(q.sql);
      return c.streamQuery(q, chunkSize);
    },
  });
  executor.provideConnection = (consumer) => provide((c) => consumer(wrap(c)));
  return {
    statements,
    reset: () => {
      statements.length = 0;
    },
  };
}
