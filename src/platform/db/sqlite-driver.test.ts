import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './db.js';

// The SQLite file database as the app opens it: a writer and a reader
// connection (sqlite-driver.ts). Reads must not wait for a long transaction,
// and must never see what it has not committed.

/** A promise a transaction waits on until the test calls finish(). */
function hold() {
  let finish = () => {};
  const held = new Promise<void>((r) => {
    finish = r;
  });
  return { held, finish };
}

describe('SQLite reads beside the writer', () => {
  let dir: string;
  let database: Database;
  const names = async () =>
    (await sql<{ name: string }>`select name from t order by name`.execute(database.db)).rows.map((r) => r.name);

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-driver-'));
    database = openDatabase({ dataDir: dir });
    await sql`create table t (name text primary key)`.execute(database.db);
    await sql`insert into t (name) values ('committed')`.execute(database.db);
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a read answers while a transaction is open, with the committed state; the transaction reads its own rows', async () => {
    const { held, finish } = hold();
    let inside: string[] = [];
    const tx = database.db.transaction().execute(async (t) => {
      await sql`insert into t (name) values ('uncommitted')`.execute(t);
      inside = (await sql<{ name: string }>`select name from t order by name`.execute(t)).rows.map((r) => r.name);
      await held;
    });
    await new Promise((r) => setTimeout(r, 20));
    // Would hang here with one connection behind a mutex.
    expect(await names()).toEqual(['committed']);
    expect(inside).toEqual(['committed', 'uncommitted']);
    finish();
    await tx;
    expect(await names()).toEqual(['committed', 'uncommitted']);
  });

  it('a write outside a transaction waits for the open one, then is read at once', async () => {
    const { held, finish } = hold();
    const order: string[] = [];
    const tx = database.db.transaction().execute(async (t) => {
      await sql`insert into t (name) values ('first')`.execute(t);
      await held;
      order.push('commit');
    });
    await new Promise((r) => setTimeout(r, 20));
    const write = sql`insert into t (name) values ('second')`.execute(database.db).then(() => order.push('write'));
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual([]);
    finish();
    await Promise.all([tx, write]);
    expect(order).toEqual(['commit', 'write']);
    expect(await names()).toEqual(['committed', 'first', 'second']);
  });

  it('a rolled-back transaction leaves nothing for the reader, and the writer is free after it', async () => {
    await expect(
      database.db.transaction().execute(async (t) => {
        await sql`insert into t (name) values ('gone')`.execute(t);
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await names()).toEqual(['committed']);
    await sql`insert into t (name) values ('after')`.execute(database.db);
    expect(await names()).toEqual(['after', 'committed']);
  });

  it('after a slow read, waiting requests go before the caller continues; a quick read does not wait', async () => {
    const order: string[] = [];
    const count = async (n: number, label: string) => {
      setImmediate(() => order.push(`other request (${label})`));
      // a recursive count: milliseconds of SQLite work for a large n, microseconds for a small one
      await sql`select count(*) from (with recursive c(i) as (select 1 union all select i + 1 from c where i < ${n}) select i from c)`.execute(
        database.db,
      );
      order.push(`caller goes on (${label})`);
    };
    await count(2_000_000, 'slow');
    await count(10, 'quick');
    await new Promise((r) => setImmediate(r));
    expect(order).toEqual(['other request (slow)', 'caller goes on (slow)', 'caller goes on (quick)', 'other request (quick)']);
  });
});
