import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

const objective = {
  title: 'Impact-assess every in-scope AI system',
  description: 'Each AI system in scope has an approved impact assessment.',
  measure: 'Share of in-scope AI systems with an approved impact assessment',
  target: 'At least 90% by the end of the year',
  targetValue: 90,
  targetUnit: '%',
  targetDirection: 'at-least',
  baselineValue: 20,
  resources: 'Two days a month of the AI lead',
  evaluation: 'The AI lead reports the share at each management review',
};

describe.each(testDialects())('AI objectives (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/objectives${p}`;
  const count = async (table: 'objectives' | 'objective_progress') =>
    (await t.database.db.selectFrom(table).select('id').where('org_id', '=', orgId).execute()).length;

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

  it('sets an objective on AI systems, records progress over time and judges it against the time gone', async () => {
    const system = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot' })).body.id;
    const created = await owner.post(url(), {
      ...objective,
      owner: { userId },
      dueDate: day(100),
      aiSystemIds: [system],
    });
    expect(created.status).toBe(201);
    expect(created.headers.etag).toBeTruthy();
    expect(created.body).toMatchObject({
      title: objective.title,
      owner: { userId, name: 'Ada Lead' },
      aiSystems: [{ id: system, name: 'Support bot', archived: false }],
      status: 'open',
      state: 'not-measured',
      progress: { entries: 0, latestValue: null },
    });
    const id = created.body.id;

    // a measured value and a note; the entry dated earlier lists first
    const later = await owner.post(url(`/${id}/progress`), { date: day(0), value: 40, note: 'Four of ten done' });
    expect(later.status).toBe(201);
    expect(later.body).toMatchObject({ objectiveId: id, value: 40, recordedBy: { userId, name: 'Ada Lead' } });
    const earlier = await owner.post(url(`/${id}/progress`), {
      date: day(-10),
      note: 'Template agreed',
      recordedBy: { name: 'Risk team' },
    });
    expect(earlier.status).toBe(201);
    const entries = (await owner.get(url(`/${id}/progress`))).body.items;
    expect(entries.map((e: { note: string }) => e.note)).toEqual(['Template agreed', 'Four of ten done']);
    expect(entries[0].recordedBy).toEqual({ userId: null, name: 'Risk team' });

    // 25% of the way from 20 to 90, with a little of the time gone: on track
    const got = await owner.get(url(`/${id}`));
    expect(got.body.progress).toMatchObject({ entries: 2, latestValue: 40, latestDate: day(0), targetMet: false });
    expect(got.body.progress.fraction).toBeCloseTo(20 / 70);
    expect(got.body.state).toBe('on-track');

    // a correction: delete the entry recorded in error, the audit log keeps it
    expect((await owner.delete(url(`/${id}/progress/${later.body.id}`))).status).toBe(204);
    expect((await owner.delete(url(`/${id}/progress/${later.body.id}`))).status).toBe(404);
    expect((await owner.get(url(`/${id}`))).body.progress.entries).toBe(1);
    const log = (await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=objective_progress`)).body.items;
    expect(log.map((e: { action: string }) => e.action).sort()).toEqual(['create', 'create', 'delete']);

    // the target met: still open, flagged until someone evaluates and closes it
    await owner.post(url(`/${id}/progress`), { date: day(0), value: 92 });
    const met = (await owner.get(url(`/${id}`))).body;
    expect(met).toMatchObject({ state: 'on-track', progress: { targetMet: true, fraction: 1 } });
    expect(met.flags.map((f: { code: string }) => f.code)).toEqual(['target-met']);
    const closed = await owner.patch(url(`/${id}`), { status: 'achieved' });
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ status: 'achieved', state: 'achieved', flags: [] });
    const history = (await owner.get(url(`/${id}/history`))).body.items.map((h: { action: string }) => h.action);
    expect(history).toEqual(['create', 'update']);
  });

  it('lists with state, filters overdue and by status, and sorts by due date with undated last', async () => {
    const mk = async (title: string, extra: object) => {
      const r = await owner.post(url(), { title, measure: 'Count', target: 'Done', ...extra });
      expect(r.status).toBe(201);
      return r.body;
    };
    const late = await mk('Late one', { dueDate: '2020-01-31', owner: { userId } });
    await mk('Undated', {});
    await mk('Soon', { dueDate: day(20) });
    await mk('Done long ago', { dueDate: '2020-01-01', status: 'achieved' });
    expect(late.state).toBe('overdue');
    expect(late.flags.map((f: { code: string }) => f.code)).toContain('overdue');

    const titles = async (q: string) => (await owner.get(url(q))).body.items.map((o: { title: string }) => o.title);
    expect(await titles('')).toEqual(['Done long ago', 'Late one', 'Soon', 'Undated']);
    expect(await titles('?sort=-dueDate')).toEqual(['Undated', 'Soon', 'Late one', 'Done long ago']);
    expect(await titles('?overdue=true')).toEqual(['Late one']);
    expect(await titles('?status=achieved')).toEqual(['Done long ago']);
    expect(await titles(`?ownerUserId=${userId}`)).toEqual(['Late one']);
    expect(await titles('?q=SOON')).toEqual(['Soon']);
    // keyset pages along the coalesced due date
    const page1 = (await owner.get(url('?limit=2'))).body;
    const page2 = (await owner.get(url(`?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`))).body;
    expect([...page1.items, ...page2.items].map((o: { title: string }) => o.title)).toEqual([
      'Done long ago',
      'Late one',
      'Soon',
      'Undated',
    ]);
    expect((await owner.get(url('?sort=owner'))).status).toBe(400);

    // the owner's home page lists the overdue one as due
    const due = (await owner.get(`/api/v1/orgs/${orgId}/home`)).body.due;
    expect(due).toContainEqual(expect.objectContaining({ kind: 'objective', title: 'AI objective: Late one', overdue: true }));
    expect(due.map((d: { title: string }) => d.title)).not.toContain('AI objective: Soon');
  });

  it('refuses bad input by field and writes nothing', async () => {
    const foreignOrg = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    const foreignSystem = (await owner.post(`/api/v1/orgs/${foreignOrg}/ai-systems`, { name: 'Theirs' })).body.id;
    const stranger = {
      body: await addMember(owner, t.app, foreignOrg, { email: 'stranger@example.com', name: 'Stranger', role: 'viewer' }),
    };
    const fields = async (body: object) => {
      const r = await owner.post(url(), body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await fields({ title: '', measure: 'x' })).toEqual(expect.arrayContaining(['body.title', 'body.target']));
    expect(await fields({ ...objective, targetDirection: null })).toEqual(['body.targetDirection']);
    expect(await fields({ ...objective, targetValue: null })).toEqual(['body.targetValue']);
    expect(await fields({ ...objective, dueDate: '2026-02-30' })).toEqual(['body.dueDate']);
    expect(await fields({ ...objective, status: 'done' })).toEqual(['body.status']);
    expect(await fields({ ...objective, aiSystemIds: [foreignSystem] })).toEqual(['body.aiSystemIds.0']);
    expect(await fields({ ...objective, owner: { userId: stranger.body.userId } })).toEqual(['body.owner.userId']);
    expect(await count('objectives')).toBe(0);

    const id = (await owner.post(url(), objective)).body.id;
    const progress = async (body: object) => {
      const r = await owner.post(url(`/${id}/progress`), body);
      expect(r.status, JSON.stringify(r.body)).toBe(400);
      return r.body.errors.map((e: { field: string }) => e.field);
    };
    expect(await progress({ date: day(2), value: 3 })).toEqual(['body.date']);
    expect(await progress({ date: day(0) })).toEqual(['body.value']);
    expect(await progress({ date: day(0), value: 'ten' })).toEqual(['body.value']);
    expect(await progress({ date: day(0), value: 1, recordedBy: { userId: stranger.body.userId } })).toEqual([
      'body.recordedBy.userId',
    ]);
    expect(await count('objective_progress')).toBe(0);
    const patch = await owner.patch(url(`/${id}`), { targetValue: null });
    expect(patch.status).toBe(400);
    expect(patch.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.targetValue']);
    expect((await owner.get(url(`/${id}`))).body.targetValue).toBe(90);
  });

  it('answers a stale If-Match with 409 and the current objective; archived ones take no progress', async () => {
    const created = await owner.post(url(), objective);
    const { id } = created.body;
    const etag = created.headers.etag as string;
    expect((await owner.request('PATCH', url(`/${id}`), { title: 'First edit' }, { 'if-match': etag })).status).toBe(200);
    const stale = await owner.request('PATCH', url(`/${id}`), { title: 'From an old copy' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe('First edit');
    // recording progress does not make an open edit stale
    const fresh = (await owner.get(url(`/${id}`))).headers.etag as string;
    await owner.post(url(`/${id}/progress`), { date: day(0), value: 30 });
    expect((await owner.request('PATCH', url(`/${id}`), { resources: 'More' }, { 'if-match': fresh })).status).toBe(200);

    expect((await owner.post(url(`/${id}/archive`))).status).toBe(200);
    const refused = await owner.post(url(`/${id}/progress`), { date: day(0), value: 50 });
    expect(refused.status).toBe(409);
    expect((await owner.get(url(`/${id}/progress`))).body.items).toHaveLength(1);
  });

  it('lets a viewer read but not write, and hides objectives from other organizations', async () => {
    const id = (await owner.post(url(), objective)).body.id;
    const entry = (await owner.post(url(`/${id}/progress`), { date: day(0), value: 25 })).body.id;
    const member = { body: { email: `viewer-${dialect}-${Date.now()}@example.com` } };
    await addMember(owner, t.app, orgId, { email: member.body.email, name: 'Vera Viewer', role: 'viewer' });
    const viewer = await signIn(t.app, member.body.email);
    expect((await viewer.get(url(`/${id}`))).status).toBe(200);
    expect((await viewer.get(url(`/${id}/progress`))).status).toBe(200);
    expect((await viewer.post(url(), objective)).status).toBe(403);
    expect((await viewer.patch(url(`/${id}`), { title: 'x' })).status).toBe(403);
    expect((await viewer.post(url(`/${id}/progress`), { date: day(0), value: 1 })).status).toBe(403);
    expect((await viewer.delete(url(`/${id}/progress/${entry}`))).status).toBe(403);

    // the same id under another organization the owner belongs to: not found
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const there = `/api/v1/orgs/${other}/objectives/${id}`;
    expect((await owner.get(there)).status).toBe(404);
    expect((await owner.get(`${there}/progress`)).status).toBe(404);
    expect((await owner.post(`${there}/progress`, { date: day(0), value: 1 })).status).toBe(404);
    expect((await owner.delete(`${there}/progress/${entry}`)).status).toBe(404);
    // and an organization the viewer is not a member of
    expect((await viewer.get(`/api/v1/orgs/${other}/objectives`)).status).toBe(404);
    expect(await count('objective_progress')).toBe(1);
  });

  it('shows the objectives facts beside 6.2 and A.6.1.2 in a gap assessment', async () => {
    await owner.post(url(), { ...objective, dueDate: '2020-06-30' });
    await owner.post(url(), { title: 'Train staff', measure: 'Share trained', target: 'All', status: 'achieved' });
    const assessment = await owner.post(`/api/v1/orgs/${orgId}/gap-assessments`, {
      title: 'Baseline',
      assessmentDate: '2026-01-15',
    });
    expect(assessment.status).toBe(201);
    const factsOf = await factsBeside(owner, orgId, assessment.body.id);
    expect(factsOf('6.2')).toContain('2 AI objectives: 1 open (1 overdue, 0 at risk), 1 achieved, 0 missed.');
    expect(factsOf('6.2').join(' ')).toContain('1 of 2 with a numeric target');
    expect(factsOf('A.6.1.2')).toEqual(factsOf('6.2'));
    expect(factsOf('A.9.3')).toEqual(factsOf('6.2'));
  });
});
