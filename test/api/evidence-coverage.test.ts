import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { evidenceCoverage } from '../../src/modules/evidence/index.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Coverage reads day buckets kept by each write; the state of a bucket is
// decided against today at read time, so it must move with today alone.

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const today = new Date().toISOString().slice(0, 10);

describe.each(testDialects())('evidence coverage (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/evidence${p}`;
  const link = (title: string, extra: Record<string, unknown>) =>
    owner.post(url(), { title, kind: 'link', url: 'https://intranet.example.com/x', ...extra });
  const control = async (id: string, on = today) =>
    (await evidenceCoverage(t.database.db, orgId, on)).controls.find((c) => c.controlId === id);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('moves an item from valid to expiring 30 days before its end and to expired the day after, with no write', async () => {
    const end = addDays(today, 90);
    expect((await link('Ends', { controlIds: ['A.6.2.6'], requirementIds: ['9.1'], validUntil: end })).status).toBe(201);
    expect((await link('Open', { controlIds: ['A.6.2.6'], validUntil: null })).status).toBe(201);
    const states = async (on: string) => {
      const c = await control('A.6.2.6', on);
      return { valid: c?.valid, expiring: c?.expiring, expired: c?.expired, total: c?.total };
    };
    expect(await states(addDays(end, -31))).toEqual({ valid: 2, expiring: 0, expired: 0, total: 2 });
    expect(await states(addDays(end, -30))).toEqual({ valid: 1, expiring: 1, expired: 0, total: 2 });
    expect(await states(end)).toEqual({ valid: 1, expiring: 1, expired: 0, total: 2 });
    expect(await states(addDays(end, 1))).toEqual({ valid: 1, expiring: 0, expired: 1, total: 2 });
    // clauses, areas and totals read the same buckets
    const later = await evidenceCoverage(t.database.db, orgId, addDays(end, 1));
    expect(later.requirements.find((r) => r.requirementId === '9.1')).toMatchObject({ expired: 1, valid: 0 });
    expect(later.totals).toMatchObject({ items: 2, valid: 1, expiring: 0, expired: 1 });
    expect(later.areas.reduce((n, a) => n + a.items, 0)).toBe(2);
  });

  it('takes an archived item off the counts and its latest date, and puts both back on restore', async () => {
    await link('Older', { controlIds: ['A.2.2'], validUntil: addDays(today, -2), collectedOn: addDays(today, -20) });
    const newer = await link('Newer', { controlIds: ['A.2.2'], validUntil: addDays(today, 10), collectedOn: addDays(today, -3) });
    expect(newer.status).toBe(201);
    expect(await control('A.2.2')).toMatchObject({ total: 2, expired: 1, expiring: 1, latestCollectedOn: addDays(today, -3) });

    expect((await owner.post(url(`/${newer.body.id}/archive`))).status).toBe(200);
    expect(await control('A.2.2')).toMatchObject({ total: 1, expired: 1, expiring: 0, latestCollectedOn: addDays(today, -20) });
    expect((await owner.get(url('/coverage'))).body.totals).toMatchObject({ items: 1, expired: 1, controlsCovered: 0 });

    expect((await owner.post(url(`/${newer.body.id}/restore`))).status).toBe(200);
    expect(await control('A.2.2')).toMatchObject({ total: 2, expired: 1, expiring: 1, latestCollectedOn: addDays(today, -3) });
    expect((await owner.get(url('/coverage'))).body.totals).toMatchObject({ items: 2, expiring: 1, controlsCovered: 1 });
  });

  it('keeps the buckets exact through edits that move the end day and the links', async () => {
    const item = await link('Moves', { controlIds: ['A.3.2'], validUntil: addDays(today, 5) });
    expect((await owner.patch(url(`/${item.body.id}`), { validUntil: addDays(today, 200) })).status).toBe(200);
    expect(await control('A.3.2')).toMatchObject({ total: 1, valid: 1, expiring: 0 });
    expect((await owner.patch(url(`/${item.body.id}`), { controlIds: ['A.3.3'] })).status).toBe(200);
    expect(await control('A.3.2')).toMatchObject({ total: 0, valid: 0 });
    expect(await control('A.3.3')).toMatchObject({ total: 1, valid: 1 });
    // no empty bucket is left behind for the target the item left
    const rows = await t.database.db
      .selectFrom('evidence_counts')
      .select(['target_id', 'valid_day', 'n'])
      .where('org_id', '=', orgId)
      .where('target_kind', '=', 'control')
      .execute();
    expect(rows.map((r) => ({ ...r, n: Number(r.n) }))).toEqual([{ target_id: 'A.3.3', valid_day: addDays(today, 200), n: 1 }]);
  });
});
