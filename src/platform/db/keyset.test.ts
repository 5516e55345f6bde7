import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDialects } from '../../../test/support/db.js';
import { EMPTY_AI_SYSTEM } from '../../modules/inventory/inventory.schemas.js';
import { insertAiSystems } from '../../modules/inventory/inventory.write.js';
import type { Executor } from './db.js';
import { applyKeyset, type KeysetSort, keysetPage } from './keyset.js';
import type { DB } from './tables.js';

async function orgWithSystems(db: Executor, names: string[]) {
  const id = randomUUID();
  const now = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('organizations')
    .values({ id, slug: id, name: id, created_at: now, updated_at: now, archived_at: null })
    .execute();
  const rows = names.map((name) => ({ ...EMPTY_AI_SYSTEM, name, purpose: 'Scores leads' }));
  await db.transaction().execute((tx) => insertAiSystems(tx, id, rows));
  return id;
}

const byName = (direction: 'asc' | 'desc'): KeysetSort => ({ expression: sql.ref('ai_systems.name_key'), direction });
const page = (db: Kysely<DB>, orgId: string, sort: KeysetSort, cursor: string | undefined, limit: number) =>
  applyKeyset(
    db.selectFrom('ai_systems').select(['id', 'name_key']).where('org_id', '=', orgId),
    'ai_systems',
    sort,
    cursor,
    limit,
  );

describe.each(testDialects())('keyset pages (%s)', (dialect) => {
  it('visit every row once, in order, both ways, where sort values repeat', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const db = database.db;
      // Seven names, each several times: pages end inside a run of equal values.
      const names = Array.from({ length: 45 }, (_, i) =>
        `Model ${'ABCDEFG'[i % 7]} ${i}`.replace(/ \d+$/, i % 3 ? '' : ` v${i}`),
      );
      const orgId = await orgWithSystems(db, names);
      await orgWithSystems(db, ['Model A', 'Model B']); // another organization's rows stay out
      for (const direction of ['asc', 'desc'] as const) {
        const all = await db
          .selectFrom('ai_systems')
          .select(['id', 'name_key'])
          .where('org_id', '=', orgId)
          .orderBy('name_key', direction)
          .orderBy('id', direction)
          .execute();
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const rows = await page(db, orgId, byName(direction), cursor, 4).execute();
          const p = keysetPage(rows, 4, (r) => r.name_key);
          seen.push(...p.items.map((r) => r.id));
          cursor = p.nextCursor ?? undefined;
        } while (cursor);
        expect(seen).toEqual(all.map((r) => r.id));
      }
    } finally {
      await database.destroy();
    }
  });
});

// SQLite's plan reads the same with or without the range term (its cost shows
// only in time: page 950 of 1,000 over 100,000 systems took 16 ms, now
// about 0.5; `npm run bench` and the issue 17 notes carry the figures).
describe.runIf(testDialects().includes('postgres'))('keyset pages on PostgreSQL', () => {
  it('start the index range at the cursor rather than at the first row', async () => {
    const database = await createTestDatabase('postgres');
    try {
      const db = database.db;
      const orgId = await orgWithSystems(db, ['Alpha', 'Beta', 'Gamma']);
      const first = keysetPage(await page(db, orgId, byName('asc'), undefined, 1).execute(), 1, (r) => r.name_key);
      const q = page(db, orgId, byName('asc'), first.nextCursor ?? undefined, 1).compile();
      const plan = await db.transaction().execute(async (tx) => {
        // Three rows: make PostgreSQL show the index plan it takes on a large table.
        await sql`set local enable_seqscan = off`.execute(tx);
        await sql`set local enable_sort = off`.execute(tx);
        const rows = await tx.executeQuery<{ 'QUERY PLAN': string }>({ ...q, sql: `explain ${q.sql}` });
        return rows.rows.map((r) => r['QUERY PLAN']).join('\n');
      });
      expect(plan).toMatch(/Index Cond: \(\(org_id = .+\) AND \(name_key >= /);
    } finally {
      await database.destroy();
    }
  });
});
