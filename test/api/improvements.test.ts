import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addImprovement, improvementSummary } from '../../src/modules/improvements/index.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('improvement log (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  let seq = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/improvements${p}`;
  const stored = async () =>
    (await t.database.db.selectFrom('improvements').select('id').where('org_id', '=', orgId).execute()).length;
  const actor = () => ({ userId, label: 'lead@example.com' });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('logs improvements numbered per organization, filters them, and keeps their history', async () => {
    const a = await owner.post(url(), {
      title: 'Automate the model card check',
      source: { kind: 'internal-audit', id: 'audit-1', label: 'IA-001' },
      owner: { userId },
      benefit: 'Fewer missed model cards',
      dueDate: '2027-01-31',
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      number: 'IMP-001',
      status: 'proposed',
      source: { kind: 'internal-audit', id: 'audit-1', label: 'IA-001' },
      owner: { userId, name: 'Ada Lead' },
      outcome: '',
      closedAt: null,
      overdue: false,
    });
    const b = await owner.post(url(), { title: 'Shorter review cycle', dueDate: '2020-01-01', status: 'planned' });
    expect(b.body).toMatchObject({ number: 'IMP-002', source: { kind: 'suggestion', id: null }, overdue: true });

    const bySource = await owner.get(url('?sourceKind=internal-audit'));
    expect(bySource.body.items.map((i: { number: string }) => i.number)).toEqual(['IMP-001']);
    const byStatus = await owner.get(url('?status=planned'));
    expect(byStatus.body.items.map((i: { number: string }) => i.number)).toEqual(['IMP-002']);
    expect((await owner.get(url('?q=IMP-2'))).body.items.map((i: { number: string }) => i.number)).toEqual(['IMP-002']);
    // newest first by default
    expect((await owner.get(url())).body.items.map((i: { number: string }) => i.number)).toEqual(['IMP-002', 'IMP-001']);

    const done = await owner.patch(url(`/${a.body.id}`), { status: 'done', outcome: 'Check runs nightly; no misses since' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.closedAt).toEqual(expect.any(String));
    const history = (await owner.get(url(`/${a.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);

    // another organization's id is not found here
    const other = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    expect((await owner.get(`/api/v1/orgs/${other}/improvements/${a.body.id}`)).status).toBe(404);

    expect(await owner.get(url('/summary'))).toMatchObject({
      status: 200,
      body: { open: 1, done: 1, bySource: { 'internal-audit': 1, suggestion: 1 } },
    });
  });

  it('refuses done or rejected without an outcome, naming it, and writes nothing', async () => {
    const created = await owner.post(url(), { title: 'X', status: 'done' });
    expect(created.status).toBe(400);
    expect(created.body.errors).toEqual([expect.objectContaining({ field: 'body.outcome' })]);
    expect(await stored()).toBe(0);

    const ok = await owner.post(url(), { title: 'Y' });
    const auditRows = async () =>
      (await t.database.db.selectFrom('audit_log').select('id').where('entity_id', '=', ok.body.id).execute()).length;
    expect(await auditRows()).toBe(1);
    const rejected = await owner.patch(url(`/${ok.body.id}`), { status: 'rejected', outcome: '   ' });
    expect(rejected.status).toBe(400);
    expect(rejected.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.outcome']);
    expect((await owner.get(url(`/${ok.body.id}`))).body.status).toBe('proposed');
    expect(await auditRows()).toBe(1);
    // bad source kind, bad date
    const bad = await owner.post(url(), { title: 'Z', source: { kind: 'rumour', id: null }, dueDate: '2026-02-30' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['body.source.kind', 'body.dueDate']),
    );
    expect(await stored()).toBe(1);
  });

  it('lets a viewer read but not write', async () => {
    seq++;
    const email = `viewer${seq}-${dialect}@example.com`;
    await addMember(owner, t.app, orgId, { email, name: 'Vera Viewer', role: 'viewer' });
    const viewer = await signIn(t.app, email);
    expect((await viewer.get(url())).status).toBe(200);
    expect((await viewer.post(url(), { title: 'Nope' })).status).toBe(403);
    expect(await stored()).toBe(0);
  });

  it('addImprovement logs one improvement per source record, inside the caller transaction', async () => {
    const db = t.database.db;
    const source = { kind: 'management-review' as const, id: 'mr-1', label: 'Management review 2026' };
    const first = await db
      .transaction()
      .execute((tx) =>
        addImprovement(tx, actor(), orgId, { source, title: 'Budget for red-teaming', description: 'From the review' }),
      );
    expect(first.number).toBe('IMP-001');
    const again = await db
      .transaction()
      .execute((tx) => addImprovement(tx, actor(), orgId, { source, title: 'Something else', description: '' }));
    expect(again).toEqual(first);
    // without a source id every call logs a new one
    const loose = { kind: 'suggestion' as const, id: null };
    const x = await db
      .transaction()
      .execute((tx) => addImprovement(tx, actor(), orgId, { source: loose, title: 'A', description: '' }));
    const y = await db
      .transaction()
      .execute((tx) => addImprovement(tx, actor(), orgId, { source: loose, title: 'B', description: '' }));
    expect([x.number, y.number]).toEqual(['IMP-002', 'IMP-003']);
    // rolled back with the caller's transaction
    await expect(
      db.transaction().execute(async (tx) => {
        await addImprovement(tx, actor(), orgId, { source: { kind: 'incident', id: 'inc-9' }, title: 'Gone', description: '' });
        throw new Error('caller failed');
      }),
    ).rejects.toThrow('caller failed');
    expect(await stored()).toBe(3);
    // bad input names the field
    await expect(
      db.transaction().execute((tx) => addImprovement(tx, actor(), orgId, { source: loose, title: '', description: '' })),
    ).rejects.toMatchObject({ status: 400 });
    // through the API too: a second improvement from the same record is refused, naming the first
    const dup = await owner.post(url(), { title: 'Again', source });
    expect(dup.status).toBe(400);
    expect(dup.body.errors).toEqual([{ field: 'body.source.id', message: 'already has an improvement: IMP-001' }]);
    expect(await stored()).toBe(3);
    const item = (await owner.get(url(`/${first.id}`))).body;
    expect(item).toMatchObject({ source: source, status: 'proposed', description: 'From the review' });
    expect(await improvementSummary(db, orgId)).toEqual({
      open: 3,
      done: 0,
      bySource: { 'management-review': 1, suggestion: 2 },
    });
  });
});
