import SQLite from 'better-sqlite3';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type Executor, openDatabase } from './db.js';
import { createTestDatabase, testDialects } from '../../../test/support/db.js';
import { cachingPrepare, inList, queryTemplate } from './statement-cache.js';

function counted() {
  const sqlite = new SQLite(':memory:');
  sqlite.exec('create table t (n integer)');
  sqlite.exec('insert into t values (1), (2), (3)');
  let prepares = 0;
  const database = {
    prepare(sql: string) {
      prepares++;
      return sqlite.prepare(sql);
    },
    close: () => sqlite.close(),
  };
  return { sqlite, database, prepares: () => prepares };
}

describe('the SQLite statement cache', () => {
  it('prepares the same SQL text once and hands back the same statement', () => {
    const { database, prepares } = counted();
    const cached = cachingPrepare(database);
    const a = cached.prepare('select n from t where n > ?');
    const b = cached.prepare('select n from t where n > ?');
    expect(b).toBe(a);
    expect(prepares()).toBe(1);
    expect(b.all([1])).toEqual([{ n: 2 }, { n: 3 }]);
    expect(cached.prepare('select n from t where n < ?')).not.toBe(a);
    expect(prepares()).toBe(2);
  });

  it('gives a fresh statement while the cached one is being iterated, and the cached one after', () => {
    const { database, prepares } = counted();
    const cached = cachingPrepare(database);
    const sql = 'select n from t order by n';
    const first = cached.prepare(sql);
    const iter = first.iterate([]);
    iter.next();
    const during = cached.prepare(sql);
    expect(during).not.toBe(first);
    // the fresh statement runs although the cached one is mid-iteration
    expect(during.all([])).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    iter.return?.();
    expect(cached.prepare(sql)).toBe(first);
    expect(prepares()).toBe(2);
  });

  it('keeps at most `max` statements, dropping the least recently used', () => {
    const { database, prepares } = counted();
    const cached = cachingPrepare(database, 2);
    const one = cached.prepare('select 1');
    cached.prepare('select 2');
    expect(cached.prepare('select 1')).toBe(one); // now 'select 2' is the least recently used
    cached.prepare('select 3');
    expect(cached.cacheSize()).toBe(2);
    expect(cached.prepare('select 1')).toBe(one);
    expect(prepares()).toBe(3);
    cached.prepare('select 2'); // was dropped: prepared again
    expect(prepares()).toBe(4);
  });

  it('closes the database it wraps', () => {
    const { sqlite, database } = counted();
    cachingPrepare(database).close();
    expect(sqlite.open).toBe(false);
  });
});

type T = { t: { n: number; name: string } };

async function numbers() {
  const database = openDatabase({ dataDir: '/tmp', databaseUrl: 'sqlite::memory:' });
  await sql`create table t (n integer, name text)`.execute(database.db);
  await sql`insert into t values (1, 'one'), (2, 'two'), (3, 'three')`.execute(database.db);
  return database;
}
const typed = (db: Executor) => db as unknown as Kysely<T>;

describe('a query template', () => {
  it('is built once per database and runs with the values of each call', async () => {
    const database = await numbers();
    let builds = 0;
    const above = queryTemplate(['min', 'not'], (db, p) => {
      builds++;
      // a placeholder is a string to TypeScript, whatever value it stands for
      const min = p.min as unknown as number;
      return typed(db).selectFrom('t').select('name').where('n', '>', min).where('name', '!=', p.not).orderBy('n');
    });
    expect(await above.run(database.db, { min: 1, not: 'three' })).toEqual([{ name: 'two' }]);
    expect(await above.run(database.db, { min: 0, not: 'two' })).toEqual([{ name: 'one' }, { name: 'three' }]);
    // a transaction shares its database's compiled query and sees its own writes
    await database.db.transaction().execute(async (tx) => {
      await typed(tx).insertInto('t').values({ n: 4, name: 'four' }).execute();
      expect(await above.run(tx, { min: 3, not: '' })).toEqual([{ name: 'four' }]);
    });
    expect(builds).toBe(1);
    const other = await numbers();
    expect(await above.run(other.db, { min: 2, not: '' })).toEqual([{ name: 'three' }]);
    expect(builds).toBe(2);
    await database.close();
    await other.close();
  });

  it('refuses a placeholder that is not a bound value', async () => {
    const database = await numbers();
    const inText = queryTemplate(['name'], (db, p) => typed(db).selectFrom('t').select('n').where('name', '=', sql.lit(p.name)));
    await expect(inText.run(database.db, { name: 'one' })).rejects.toThrow(/placeholder name reached the SQL text/);
    const unused = queryTemplate(['name'], (db) => typed(db).selectFrom('t').select('n'));
    await expect(unused.run(database.db, { name: 'one' })).rejects.toThrow(/placeholder name is not a bound value/);
    await database.close();
  });

  describe.each(testDialects())('with a list placeholder (%s)', (dialect) => {
    it('binds any number of values as one and builds once', async () => {
      const database = await createTestDatabase(dialect);
      try {
        await sql`create table t (n integer, name text)`.execute(database.db);
        await sql`insert into t values (1, 'one'), (2, 'two'), (3, 'three')`.execute(database.db);
        let builds = 0;
        const named = queryTemplate(
          ['names', 'min'],
          (db, p) => {
            builds++;
            return typed(db)
              .selectFrom('t')
              .select('n')
              .where(inList(db, 'name', p.names))
              .where('n', '>=', p.min as unknown as number)
              .orderBy('n');
          },
          { lists: ['names'] },
        );
        expect(await named.run(database.db, { names: ['one', 'three'], min: 0 })).toEqual([{ n: 1 }, { n: 3 }]);
        expect(await named.run(database.db, { names: ['two', 'three', 'nine'], min: 3 })).toEqual([{ n: 3 }]);
        expect(await named.run(database.db, { names: [], min: 0 })).toEqual([]);
        // quotes and commas inside a value stay inside it
        await sql`insert into t values (4, ${'a,"b"'})`.execute(database.db);
        expect(await named.run(database.db, { names: ['a,"b"'], min: 0 })).toEqual([{ n: 4 }]);
        expect(builds).toBe(1);
        await expect(named.run(database.db, { names: 'one' as unknown as string[], min: 0 })).rejects.toThrow(/takes an array/);
      } finally {
        await database.destroy();
      }
    });
  });
});
