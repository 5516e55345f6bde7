import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../support/db.js';
import { orgWithSystems } from '../support/inventory-rows.js';
import { orgOfIds } from '../../src/platform/db/db.js';

describe.each(testDialects())('orgOfIds (%s)', (dialect) => {
  it("reads only the organization's rows among the ids asked for", async () => {
    const database = await createTestDatabase(dialect);
    try {
      const a = await orgWithSystems(database.db, ['System 1', 'System 2', 'System 3']);
      const b = await orgWithSystems(database.db, ['System 1', 'System 2']);
      const rows = await database.db
        .selectFrom('ai_systems')
        .select('id')
        .where(orgOfIds(database.db), '=', a.id)
        .where('id', 'in', [...a.ids, ...b.ids])
        .execute();
      expect(rows.map((r) => r.id).sort()).toEqual([...a.ids].sort());
    } finally {
      await database.destroy();
    }
  });
});

describe('orgOfIds on SQLite', () => {
  it('looks ids up by primary key where sampled statistics make an organization look small', async () => {
    const database = await createTestDatabase('sqlite');
    try {
      const { id, ids } = await orgWithSystems(
        database.db,
        Array.from({ length: 20 }, (_, i) => `System ${i}`),
      );
      const asked = [...ids, ...Array.from({ length: 480 }, () => randomUUID())];
      const plan = (where: 'plain' | 'orgOfIds') =>
        database.db.transaction().execute(async (tx) => {
          // What analysis_limit = 1000 wrote at 100,000 systems in one
          // organization: about 1,001 rows per org_id.
          await sql`analyze`.execute(tx);
          const stats = await sql<{
            idx: string;
            stat: string;
          }>`select idx, stat from sqlite_stat1 where tbl = 'ai_systems'`.execute(tx);
          for (const { idx, stat } of stats.rows) {
            const columns = stat.split(' ').length - 1;
            const sampled = idx.startsWith('sqlite_autoindex') ? ['1'] : ['1001', ...Array(columns - 1).fill('1')];
            await sql`update sqlite_stat1 set stat = ${['100000', ...sampled].join(' ')} where idx = ${idx}`.execute(tx);
          }
          await sql`analyze sqlite_schema`.execute(tx);
          const q = tx
            .selectFrom('ai_systems')
            .select(['id', 'name_key'])
            .where(where === 'plain' ? sql.ref('org_id') : orgOfIds(tx), '=', id)
            .where('id', 'in', asked)
            .compile();
          const rows = await sql.raw<{ detail: string }>(`explain query plan ${q.sql.replaceAll('?', "''")}`).execute(tx);
          return rows.rows.map((r) => r.detail).join('; ');
        });
      // The plain column is what the helper guards against: SQLite walks the organization.
      expect(await plan('plain')).toMatch(/\(org_id=\?\)/);
      expect(await plan('orgOfIds')).toMatch(/sqlite_autoindex_ai_systems_1 \(id=\?\)/);
    } finally {
      await database.destroy();
    }
  });
});
