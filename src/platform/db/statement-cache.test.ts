import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingPrepare } from './statement-cache.js';

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
