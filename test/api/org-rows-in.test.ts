import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { orgRowsIn } from '../../src/platform/db/statement-cache.js';
import { createTestDatabase, testDialects } from '../support/db.js';
import { orgWithSystems } from '../support/inventory-rows.js';
import { recordQueries } from '../support/query-log.js';

// orgRowsIn: the one-line reader of "this table's rows in the organization
// whose column is one of these", which record and list pages run per record.

describe.each(testDialects())('orgRowsIn (%s)', (dialect) => {
  it("reads only the organization's rows among the values asked for, in order, with the columns asked for", async () => {
    const database = await createTestDatabase(dialect);
    try {
      const a = await orgWithSystems(database.db, ['Charlie', 'Alpha', 'Bravo']);
      const b = await orgWithSystems(database.db, ['Alpha', 'Delta']);
      const byName = orgRowsIn('ai_systems', 'id', { select: ['id', 'name'], orderBy: ['name_key'] });
      const asked = [a.ids[0], a.ids[1], ...b.ids, randomUUID()];
      // org b's systems and an unknown id are asked for too, and left out
      expect(await byName(database.db, a.id, asked)).toEqual([
        { id: a.ids[1], name: 'Alpha' },
        { id: a.ids[0], name: 'Charlie' },
      ]);
      // the same reader serves the other organization and another number of values
      expect((await byName(database.db, b.id, asked)).map((r) => r.name)).toEqual(['Alpha', 'Delta']);
      // without `select`, whole rows
      const whole = await orgRowsIn('ai_systems', 'id')(database.db, a.id, [a.ids[2]]);
      expect(whole).toHaveLength(1);
      expect(whole[0]).toMatchObject({ id: a.ids[2], org_id: a.id, name: 'Bravo', purpose: 'Scores leads' });
    } finally {
      await database.destroy();
    }
  });

  it('runs no statement for an empty list', async () => {
    const database = await createTestDatabase(dialect);
    try {
      const a = await orgWithSystems(database.db, ['Alpha']);
      const read = orgRowsIn('ai_systems', 'id');
      const log = recordQueries(database.db);
      expect(await read(database.db, a.id, [])).toEqual([]);
      expect(log.statements).toEqual([]);
      expect(await read(database.db, a.id, a.ids)).toHaveLength(1);
      expect(log.statements).toHaveLength(1);
    } finally {
      await database.destroy();
    }
  });
});
