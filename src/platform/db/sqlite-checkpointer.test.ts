import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from './db.js';

// The SQLite file database copies its write-ahead log back into the file on
// a worker thread (sqlite-checkpointer.ts), never in the writer's commits.

describe('SQLite checkpoints off the event loop', () => {
  let dir: string;
  let database: Database;
  const size = (f: string) => (fs.existsSync(f) ? fs.statSync(f).size : 0);
  /** ~6 MB in one transaction: well past the 1,000 pages at which a commit would checkpoint by default */
  const writeALot = () =>
    database.db.transaction().execute(async (tx) => {
      for (let i = 0; i < 20; i++)
        await sql`insert into t (body) select hex(randomblob(150)) from (
          with recursive n(k) as (select 1 union all select k + 1 from n where k < 1000) select k from n)`.execute(tx);
    });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aims-checkpoint-'));
    database = openDatabase({ dataDir: dir });
    await sql`create table t (id integer primary key, body text not null)`.execute(database.db);
    await database.checkpointer?.settled();
  });
  afterEach(async () => {
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a large commit leaves the log for the worker, which copies it into the database file', async () => {
    const file = database.file as string;
    expect(database.checkpointer).toBeTruthy();
    const before = size(file);
    await writeALot();
    // The commit did not checkpoint: the new pages are in the log only.
    expect(size(file)).toBe(before);
    expect(size(`${file}-wal`)).toBeGreaterThan(4_000_000);
    await database.checkpointer?.settled();
    expect(size(file)).toBeGreaterThan(before + 4_000_000);
    // Another connection reads every row from the file as it now stands.
    const other = new SQLite(file, { readonly: true });
    try {
      expect(other.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
    } finally {
      other.close();
    }
  });

  it('writes keep working and nothing is lost across a close and a reopen', async () => {
    await writeALot();
    await sql`insert into t (body) values ('last')`.execute(database.db);
    await database.close();
    expect(fs.existsSync(`${database.file}-wal`)).toBe(false);
    database = openDatabase({ dataDir: dir });
    const { rows } = await sql<{ n: number; last: string }>`
      select count(*) as n, max(case when body = 'last' then body end) as last from t`.execute(database.db);
    expect(rows[0]).toEqual({ n: 20_001, last: 'last' });
  });

  it('a process that wrote and ends without closing the database exits: the worker keeps nothing alive', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/support/write-and-leave.ts', dir], {
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe('written\n');
    expect(child.status).toBe(0);
  });

  it('an in-memory database has no log and no worker', async () => {
    const mem = openDatabase({ dataDir: dir, databaseUrl: 'sqlite::memory:' });
    try {
      expect(mem.checkpointer).toBeNull();
    } finally {
      await mem.close();
    }
  });
});
