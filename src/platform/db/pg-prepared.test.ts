import { randomBytes } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db.js';
import { MAX_SHAPED_STATEMENTS, prepareNamed, preparingPool, statementName } from './pg-prepared.js';
import { executeShaped, queryTemplate } from './statement-cache.js';

// Named prepared statements exist only on PostgreSQL: these run where CI runs them, with PG_TEST_URL.
const url = process.env.PG_TEST_URL;

describe.skipIf(!url)('named prepared statements on PostgreSQL', () => {
  const schema = `t_prep_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.t (n integer)`);
    await admin.query(`insert into ${schema}.t values (1), (2), (3)`);
  });
  afterAll(async () => {
    await admin.query(`drop schema ${schema} cascade`);
    await admin.end();
  });

  /** One connection, so what one query prepared the next can see. */
  function onePool(prepare = true) {
    const pool = new pg.Pool({ connectionString: url, max: 1, options: `-c search_path=${schema}` });
    const warnings: Error[] = [];
    const prepared = preparingPool(pool, { prepare, onNamingOff: (e) => warnings.push(e) });
    return { prepared, warnings };
  }

  async function preparedNames(client: { query(sql: string, values: unknown[]): Promise<{ rows: unknown[] }> }) {
    const { rows } = await client.query('select name from pg_prepared_statements', []);
    return (rows as { name: string }[]).map((r) => r.name);
  }

  it('sends a registered text under its name, and any other text unnamed', async () => {
    const { prepared } = onePool();
    const text = `select n from t where n > $1 order by n /* ${schema} a */`;
    prepareNamed(text);
    const client = await prepared.connect();
    try {
      expect((await client.query<{ n: number }>(text, [1])).rows).toEqual([{ n: 2 }, { n: 3 }]);
      expect((await client.query<{ n: number }>(text, [2])).rows).toEqual([{ n: 3 }]);
      expect((await client.query('select n from t where n = $1', [1])).rows).toEqual([{ n: 1 }]);
      const names = await preparedNames(client);
      expect(names).toEqual([statementName(text)]);
    } finally {
      client.release();
      await prepared.end();
    }
  });

  it('sends it unnamed inside a transaction, where a failed named statement could not be sent again', async () => {
    const { prepared } = onePool();
    const text = `select n from t where n = $1 /* ${schema} b */`;
    prepareNamed(text);
    const client = await prepared.connect();
    try {
      await client.query('begin', []);
      expect((await client.query(text, [2])).rows).toEqual([{ n: 2 }]);
      expect(await preparedNames(client)).toEqual([]);
      await client.query('commit', []);
      await client.query(text, [2]);
      expect(await preparedNames(client)).toEqual([statementName(text)]);
    } finally {
      client.release();
      await prepared.end();
    }
  });

  it('renames a statement whose table changed under it (a migration from another node) and answers with the new shape', async () => {
    await admin.query(`create table ${schema}.wide (a integer)`);
    await admin.query(`insert into ${schema}.wide values (7)`);
    const { prepared, warnings } = onePool();
    const text = `select * from wide /* ${schema} c */`;
    prepareNamed(text);
    const client = await prepared.connect();
    try {
      expect((await client.query(text, [])).rows).toEqual([{ a: 7 }]);
      const before = statementName(text);
      await admin.query(`alter table ${schema}.wide add column b integer default 8`);
      // PostgreSQL refuses the kept plan; the same call answers, unnamed, with the new column.
      expect((await client.query(text, [])).rows).toEqual([{ a: 7, b: 8 }]);
      expect(statementName(text)).not.toBe(before);
      expect((await client.query(text, [])).rows).toEqual([{ a: 7, b: 8 }]);
      expect(await preparedNames(client)).toContain(statementName(text));
      expect(prepared.naming()).toBe(true);
      expect(warnings).toEqual([]);
    } finally {
      client.release();
      await prepared.end();
    }
  });

  it('stops naming, once and with a warning, when the server forgets its statements (a pooler in transaction mode)', async () => {
    const { prepared, warnings } = onePool();
    const text = `select count(*)::int as c from t /* ${schema} d */`;
    prepareNamed(text);
    const client = await prepared.connect();
    try {
      await client.query(text, []);
      // What a transaction-mode pooler does to a client: the next statement lands where the name is unknown.
      await client.query('deallocate all', []);
      expect((await client.query(text, [])).rows).toEqual([{ c: 3 }]);
      expect(prepared.naming()).toBe(false);
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0].message)).toMatch(/prepared statement .* does not exist/);
      expect((await client.query(text, [])).rows).toEqual([{ c: 3 }]);
      expect(await preparedNames(client)).toEqual([]);
      expect(warnings).toHaveLength(1);
    } finally {
      client.release();
      await prepared.end();
    }
  });

  it('names nothing when told not to (OPENAIMS_PG_PREPARE=off)', async () => {
    const { prepared } = onePool(false);
    const text = `select n from t where n = $1 /* ${schema} e */`;
    prepareNamed(text);
    const client = await prepared.connect();
    try {
      expect((await client.query(text, [3])).rows).toEqual([{ n: 3 }]);
      expect(await preparedNames(client)).toEqual([]);
    } finally {
      client.release();
      await prepared.end();
    }
  });

  it('prepares a query template of the app once per connection', async () => {
    const database = openDatabase({ dataDir: '/tmp', databaseUrl: url, pgSchema: schema });
    const db = database.db as unknown as Kysely<{ t: { n: number } }>;
    const template = queryTemplate(['min'], (d, p) =>
      (d as unknown as typeof db)
        .selectFrom('t')
        .select('n')
        .where('n', '>=', p.min as unknown as number)
        .orderBy('n'),
    );
    try {
      await db.connection().execute(async (conn) => {
        expect(await template.run(conn as never, { min: 3 })).toEqual([{ n: 3 }]);
        expect(await template.run(conn as never, { min: 2 })).toEqual([{ n: 2 }, { n: 3 }]);
        const { rows } = await sql<{
          name: string;
          statement: string;
        }>`select name, statement from pg_prepared_statements`.execute(conn);
        expect(rows).toHaveLength(1);
        expect(rows[0].statement).toMatch(/select "n" from "t" where "n" >= \$1/);
        // a list's query, one of a few shapes, is prepared too
        const shapedQuery = (conn as unknown as typeof db).selectFrom('t').select('n').where('n', '<', 3).orderBy('n', 'desc');
        expect(await executeShaped(conn as never, shapedQuery)).toEqual([{ n: 2 }, { n: 1 }]);
        expect(await executeShaped(conn as never, shapedQuery)).toEqual([{ n: 2 }, { n: 1 }]);
        const after = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(conn);
        expect(after.rows.map((r) => r.statement)).toContain(shapedQuery.compile().sql);
      });
    } finally {
      await database.close();
    }
  });

  it('names at most MAX_SHAPED_STATEMENTS texts that are not templates, so varying texts cannot fill the server', () => {
    const texts = Array.from({ length: MAX_SHAPED_STATEMENTS + 5 }, (_, i) => `select ${i} as n /* ${schema} shaped */`);
    for (const t of texts) prepareNamed(t, 'shaped');
    const named = texts.filter((t) => statementName(t) !== undefined);
    expect(named.length).toBeLessThanOrEqual(MAX_SHAPED_STATEMENTS);
    expect(texts.slice(-5).every((t) => statementName(t) === undefined)).toBe(true);
    // a template's fixed text is still named past the cap
    const fixed = `select 1 as one /* ${schema} fixed */`;
    prepareNamed(fixed);
    expect(statementName(fixed)).toBeDefined();
  });
});
