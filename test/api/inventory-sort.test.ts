import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Sorting by risk follows the organization's own scale, whatever its
// alphabet: with "Faible, Moyen, Élevé" the old lower()-in-SQL sort returned
// 3 of 10 systems ascending and looped forever descending.

const SCALE = ['Faible', 'Moyen', 'Élevé'];
const LEVELS = [null, 'Élevé', 'Faible', 'Moyen', 'Élevé', null, 'Moyen', 'Faible', 'Élevé', 'Moyen'];

describe.each(testDialects())('inventory sort by risk level (%s)', (dialect) => {
  let t: TestApp;
  let client: Client;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client, orgId } = await setupOwner(t.app));
    expect((await client.put(`/api/v1/orgs/${orgId}/settings`, { reviewIntervalDays: 180, riskScale: SCALE })).status).toBe(200);
    for (const [i, level] of LEVELS.entries()) {
      const res = await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: `System ${i}`, riskLevel: level });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => t.close());

  async function walk(sort: string) {
    const seen: { name: string; riskLevel: string | null }[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 10; page++) {
      const query: string = `sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await client.get(`/api/v1/orgs/${orgId}/ai-systems?${query}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      if (!cursor) return seen;
    }
    throw new Error(`sort=${sort} was still paging after 10 pages: ${seen.length} items`);
  }

  const rank = (level: string | null) => (level ? SCALE.indexOf(level) + 1 : 0);

  it('pages through every system in scale order, both ways', async () => {
    const up = await walk('riskLevel');
    expect(up).toHaveLength(10);
    expect(new Set(up.map((s) => s.name)).size).toBe(10);
    expect(up.map((s) => rank(s.riskLevel))).toEqual([0, 0, 1, 1, 2, 2, 2, 3, 3, 3]);
    const down = await walk('-riskLevel');
    expect(down).toHaveLength(10);
    expect(down.map((s) => rank(s.riskLevel))).toEqual([3, 3, 3, 2, 2, 2, 1, 1, 0, 0]);
  });

  it('filters by a level written in another case', async () => {
    const res = await client.get(`/api/v1/orgs/${orgId}/ai-systems?riskLevel=${encodeURIComponent('élevé')}`);
    expect(res.body.items.map((s: { riskLevel: string }) => s.riskLevel)).toEqual(['Élevé', 'Élevé', 'Élevé']);
  });
});
