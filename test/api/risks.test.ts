import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { DEFAULT_RISK_METHOD, rescoreRisks, riskTasksDue } from '../../src/modules/risks/index.js';
import { testDialects } from '../support/db.js';

// The AI risk register (issue 11, part 2) on both dialects: levels from the
// method, the bad input that must write nothing, who may accept, stale
// writes, heatmaps, filters and the cursor, and who may see what.

describe.each(testDialects())('risk register (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let editor: Client;
  let viewer: Client;
  let ownerId: string;
  let editorId: string;
  let orgId: string;
  let systemA: string;
  let systemB: string;
  let n = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/risks${p}`;
  const codes = (r: { body: { flags: { code: string }[] } }) => r.body.flags.map((f) => f.code);
  const fields = (r: { body: { errors?: { field: string }[] } }) => (r.body.errors ?? []).map((e) => e.field);
  const count = async (table: 'risks' | 'risk_treatment_actions' | 'risk_action_controls') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const risk = (extra: Record<string, unknown> = {}) => ({
    title: 'Screening model ranks women lower',
    aiSystemIds: [systemA],
    sourceCategory: 'fairness',
    cause: 'Historic hiring data',
    event: 'Qualified candidates are ranked low',
    consequence: 'Discrimination claim',
    inherentLikelihood: 4,
    inherentImpact: 4,
    ...extra,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId: ownerId } = await setupOwner(t.app));
  });
  // every test has an organization of its own, with two AI systems and an editor and a viewer
  beforeEach(async ({ task }) => {
    n++;
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
    const add = async (email: string, role: string) => {
      return (await addMember(owner, t.app, orgId, { email, role, name: role })).userId;
    };
    editorId = await add(`editor${n}@example.com`, 'editor');
    await add(`viewer${n}@example.com`, 'viewer');
    editor = await signIn(t.app, `editor${n}@example.com`);
    viewer = await signIn(t.app, `viewer${n}@example.com`);
    systemA = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'CV screening', inScope: true })).body.id;
    systemB = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support chat', inScope: true })).body.id;
  });
  afterAll(() => t.close());

  it('numbers risks per organization and computes levels from the method', async () => {
    const r = await owner.post(url(), risk({ residualLikelihood: 2, residualImpact: 2, owner: { userId: editorId } }));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body).toMatchObject({
      number: 'R-001',
      inherentLevel: 'high',
      inherentLevelName: 'High',
      residualLevel: 'low',
      aboveThreshold: false,
      sourceCategoryName: 'Fairness and bias',
      aiSystems: [{ id: systemA, name: 'CV screening', archived: false }],
      owner: { userId: editorId, name: 'editor' },
      status: 'open',
    });
    // a review date from the method's interval (12 months)
    expect(r.body.nextReviewDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const second = await owner.post(url(), risk({ inherentLikelihood: 5, inherentImpact: 5, aiSystemIds: [systemB, systemA] }));
    expect(second.body).toMatchObject({ number: 'R-002', inherentLevel: 'critical', residualLevel: null, aboveThreshold: true });
    expect(codes(second)).toEqual(['above-threshold-untreated']);

    // a patch rescored: the stored level follows
    const patched = await owner.patch(url(`/${r.body.id}`), { inherentLikelihood: 1, inherentImpact: 2 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ inherentLevel: 'low', number: 'R-001' });
    const history = (await owner.get(url(`/${r.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);
    expect(history[1].after).toMatchObject({ number: 'R-001', inherentLevel: 'low' });
  });

  it('rejects likelihood or impact off the scale, unknown sources and systems, naming each field, writing nothing', async () => {
    const bad = await owner.post(
      url(),
      risk({ inherentLikelihood: 6, inherentImpact: 0, residualLikelihood: 2, sourceCategory: 'astrology' }),
    );
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(
      ['body.inherentImpact', 'body.inherentLikelihood', 'body.residualImpact', 'body.sourceCategory'].sort(),
    );
    expect(bad.body.errors.find((e: { field: string }) => e.field === 'body.inherentLikelihood').message).toMatch(/1 to 5/);
    const foreign = await owner.post(url(), risk({ aiSystemIds: [systemA, '0190a0a0-0000-7000-8000-000000000000'] }));
    expect(foreign.status).toBe(400);
    expect(fields(foreign)).toEqual(['body.aiSystemIds.1']);
    const none = await owner.post(url(), risk({ aiSystemIds: [] }));
    expect(fields(none)).toEqual(['body.aiSystemIds']);
    expect(await count('risks')).toBe(0);

    const ok = await owner.post(url(), risk());
    const before = await owner.get(url(`/${ok.body.id}`));
    const patch = await owner.patch(url(`/${ok.body.id}`), { residualLikelihood: 9, residualImpact: 1 });
    expect(patch.status).toBe(400);
    expect(fields(patch)).toEqual(['body.residualLikelihood']);
    const after = await owner.get(url(`/${ok.body.id}`));
    expect(after.headers.etag).toBe(before.headers.etag);
    expect(after.body.residualLevel).toBeNull();
  });

  it('lets only the method’s roles accept above the threshold, and needs an acceptance for status accepted', async () => {
    const r = (await owner.post(url(), risk())).body; // high: above the default threshold (medium)
    const acceptance = (userId: string) => ({
      acceptedBy: { userId },
      acceptedAt: '2026-01-15',
      reason: 'Human review of every ranking',
    });

    const byEditor = await editor.patch(url(`/${r.id}`), { acceptance: acceptance(editorId), status: 'accepted' });
    expect(byEditor.status).toBe(400);
    expect(fields(byEditor)).toEqual(['body.acceptance.acceptedBy']);
    expect(byEditor.body.errors[0].message).toMatch(/only the role owner.*editor/);
    expect((await owner.get(url(`/${r.id}`))).body.acceptance).toBeNull();

    // an editor may record that the owner accepted
    const noAcceptance = await editor.patch(url(`/${r.id}`), { status: 'accepted' });
    expect(fields(noAcceptance)).toEqual(['body.status']);
    const byOwner = await editor.patch(url(`/${r.id}`), { acceptance: acceptance(ownerId), status: 'accepted' });
    expect(byOwner.status, JSON.stringify(byOwner.body)).toBe(200);
    expect(byOwner.body.acceptance).toMatchObject({ acceptedBy: { userId: ownerId }, reason: 'Human review of every ranking' });
    expect(byOwner.body.flags).toEqual([]);

    // below the threshold an editor may accept
    const low = (await owner.post(url(), risk({ inherentLikelihood: 1, inherentImpact: 2 }))).body;
    const lowAccept = await editor.patch(url(`/${low.id}`), { acceptance: acceptance(editorId) });
    expect(lowAccept.status).toBe(200);
    // raising the level afterwards re-checks who accepted
    const raised = await editor.patch(url(`/${low.id}`), { inherentLikelihood: 5, inherentImpact: 5 });
    expect(fields(raised)).toEqual(['body.acceptance.acceptedBy']);
  });

  it('manages treatment actions with controls, rejecting unknown control ids and stale writes', async () => {
    const r = (await owner.post(url(), risk())).body;
    const unknown = await owner.post(url(`/${r.id}/actions`), { title: 'Bias test', controlIds: ['A.6.2.6', 'A.99.1'] });
    expect(unknown.status).toBe(400);
    expect(fields(unknown)).toEqual(['body.controlIds.1']);
    expect(await count('risk_treatment_actions')).toBe(0);

    const a = await owner.post(url(`/${r.id}/actions`), {
      title: 'Bias test before each release',
      owner: { userId: editorId },
      dueDate: '2020-01-01',
      controlIds: ['A.6.2.6', 'A.7.4'],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      status: 'planned',
      overdue: true,
      controls: [{ id: 'A.6.2.6', kind: 'annex-a' }, { id: 'A.7.4' }],
    });
    const etag = a.headers.etag as string;
    // the action falls to its owner on the home page's due list, and to nobody else
    const due = (await editor.get(`/api/v1/orgs/${orgId}/home`)).body.due;
    expect(due).toContainEqual(
      expect.objectContaining({ kind: 'risk-action', title: 'Risk treatment: Bias test before each release', overdue: true }),
    );
    const ownersDue = (await owner.get(`/api/v1/orgs/${orgId}/home`)).body.due;
    expect(ownersDue.some((d: { kind: string }) => d.kind === 'risk-action')).toBe(false);
    const detail = await owner.get(url(`/${r.id}`));
    expect(detail.body.actions).toHaveLength(1);
    expect(detail.body.flags).toEqual([]);
    expect(await count('risk_action_controls')).toBe(2);

    const done = await owner.request('PATCH', url(`/${r.id}/actions/${a.body.id}`), { status: 'done' }, { 'if-match': etag });
    expect(done.status).toBe(200);
    expect(done.body.overdue).toBe(false);
    const stale = await owner.request('PATCH', url(`/${r.id}/actions/${a.body.id}`), { title: 'Mine' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ status: 'done', title: 'Bias test before each release' });
    const staleDelete = await owner.request('DELETE', url(`/${r.id}/actions/${a.body.id}`), undefined, { 'if-match': etag });
    expect(staleDelete.status).toBe(409);
    const gone = await owner.request('DELETE', url(`/${r.id}/actions/${a.body.id}`), undefined, {
      'if-match': done.headers.etag as string,
    });
    expect(gone.status).toBe(204);
    expect(await count('risk_action_controls')).toBe(0);
    expect((await owner.get(url(`/${r.id}`))).body.flags.map((f: { code: string }) => f.code)).toEqual([
      'above-threshold-untreated',
    ]);
  });

  it('rescores stored levels when the method in force changes', async () => {
    const r = (await owner.post(url(), risk({ residualLikelihood: 2, residualImpact: 2 }))).body;
    expect(r).toMatchObject({ inherentLevel: 'high', residualLevel: 'low', aboveThreshold: false });
    // a stricter method: every cell one level up from medium
    const strict = {
      ...DEFAULT_RISK_METHOD,
      matrix: DEFAULT_RISK_METHOD.matrix.map((row) => row.map((c) => (c === 'low' ? 'medium' : c === 'high' ? 'critical' : c))),
      acceptance: { ...DEFAULT_RISK_METHOD.acceptance, maxAcceptableLevel: 'low' },
    };
    await t.database.db.transaction().execute((tx) => rescoreRisks(tx, orgId, strict));
    const stored = await t.database.db.selectFrom('risks').selectAll().where('id', '=', r.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      inherent_level: 'critical',
      inherent_rank: 4,
      residual_level: 'medium',
      residual_rank: 2,
      current_rank: 2,
    });
    expect(stored.updated_at).toBe(r.updatedAt);
  });

  it('answers a stale If-Match on a risk with 409 and the current risk', async () => {
    const r = await owner.post(url(), risk());
    const etag = r.headers.etag as string;
    expect((await owner.request('PATCH', url(`/${r.body.id}`), { title: 'First' }, { 'if-match': etag })).status).toBe(200);
    const stale = await owner.request('PATCH', url(`/${r.body.id}`), { title: 'Second' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ title: 'First', number: 'R-001' });
  });

  it('counts heatmap cells, filters by cell, level, system, flag and owner, and pages with a cursor', async () => {
    const scores: [number, number, number | null, number | null][] = [
      [4, 4, 2, 2],
      [4, 4, 2, 2],
      [5, 5, null, null],
      [1, 1, 1, 1],
      [3, 2, null, null],
    ];
    const ids: string[] = [];
    for (const [i, [l, im, rl, ri]] of scores.entries()) {
      const r = await owner.post(
        url(),
        risk({
          title: `Risk ${i}`,
          inherentLikelihood: l,
          inherentImpact: im,
          residualLikelihood: rl,
          residualImpact: ri,
          aiSystemIds: i === 4 ? [systemB] : [systemA],
          owner: i === 0 ? { userId: editorId } : null,
          nextReviewDate: i === 3 ? '2020-01-01' : null,
        }),
      );
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const map = (await owner.get(url('/heatmap'))).body;
    expect(map.likelihood).toHaveLength(5);
    expect(map.inherent.cells).toHaveLength(25);
    const cell = (m: { cells: { likelihood: number; impact: number; count: number; level: string }[] }, l: number, i: number) =>
      m.cells.find((c) => c.likelihood === l && c.impact === i);
    expect(cell(map.inherent, 4, 4)).toMatchObject({ count: 2, level: 'high' });
    expect(cell(map.inherent, 5, 5)).toMatchObject({ count: 1, level: 'critical' });
    expect(map.inherent.total).toBe(5);
    expect(cell(map.residual, 2, 2)?.count).toBe(2);
    expect(map.residual.notAssessed).toBe(2);
    expect((await owner.get(url(`/heatmap?aiSystemId=${systemB}`))).body.inherent.total).toBe(1);

    const titles = async (q: string) => (await owner.get(url(q))).body.items.map((r: { title: string }) => r.title);
    expect(await titles('?likelihood=4&impact=4')).toEqual(['Risk 0', 'Risk 1']);
    expect(await titles('?cell=residual&likelihood=1&impact=1')).toEqual(['Risk 3']);
    expect(await titles('?level=critical')).toEqual(['Risk 2']);
    expect(await titles('?residualLevel=none&sort=-number')).toEqual(['Risk 4', 'Risk 2']);
    expect(await titles(`?aiSystemId=${systemB}`)).toEqual(['Risk 4']);
    expect(await titles('?flag=above-threshold-untreated')).toEqual(['Risk 2']);
    expect(await titles('?flag=review-overdue')).toEqual(['Risk 3']);
    expect(await titles(`?owner=${editorId}`)).toEqual(['Risk 0']);
    expect(await titles('?q=r-003')).toEqual(['Risk 2']);
    expect(await titles('?q=risk 4')).toEqual(['Risk 4']);
    expect((await owner.get(url('?sort=sideways'))).status).toBe(400);

    // sorted by inherent level, two at a time: every risk once, highest first
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { title: string }[]; nextCursor: string | null } } = await owner.get(
        url(`?sort=-inherentLevel&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
      );
      seen.push(...page.body.items.map((r) => r.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(seen[0]).toBe('Risk 2');
    expect(new Set(seen).size).toBe(5);
    expect(seen[4]).toBe('Risk 3');
  });

  it('lists the risks whose treatment actions rely on a control (controlId), current ones unless archived are asked for', async () => {
    const ids: string[] = [];
    for (const i of [0, 1, 2, 3]) ids.push((await owner.post(url(), risk({ title: `Risk ${i}` }))).body.id);
    const act = async (id: string, controlIds: string[]) =>
      expect((await owner.post(url(`/${id}/actions`), { title: 'Treat', controlIds })).status).toBe(201);
    await act(ids[0], ['A.6.2.6']);
    // two actions of one risk relying on the control: listed once
    await act(ids[1], ['A.6.2.6', 'A.2.2']);
    await act(ids[1], ['A.6.2.6']);
    await act(ids[2], ['A.2.2']);
    await act(ids[3], ['A.6.2.6']);
    expect((await owner.post(url(`/${ids[3]}/archive`), {})).status).toBe(200);
    const titles = async (q: string) => (await owner.get(url(q))).body.items.map((r: { title: string }) => r.title);
    expect(await titles('?controlId=A.6.2.6')).toEqual(['Risk 0', 'Risk 1']);
    expect(await titles('?controlId=A.6.2.6&includeArchived=true')).toEqual(['Risk 0', 'Risk 1', 'Risk 3']);
    expect(await titles('?controlId=A.2.2&sort=-number')).toEqual(['Risk 2', 'Risk 1']);
    expect(await titles('?controlId=A.2.2&q=risk 1')).toEqual(['Risk 1']);
    expect(await titles('?controlId=A.7.2')).toEqual([]);
    // paged with a cursor, every risk once
    const first = await owner.get(url('?controlId=A.6.2.6&limit=1'));
    expect(first.body.items.map((r: { title: string }) => r.title)).toEqual(['Risk 0']);
    const next = await owner.get(url(`?controlId=A.6.2.6&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`));
    expect(next.body.items.map((r: { title: string }) => r.title)).toEqual(['Risk 1']);
    expect((await owner.get(url(`?controlId=${'x'.repeat(101)}`))).status).toBe(400);
  });

  it('flags AI systems in scope with no risk, and shows only to members', async () => {
    const flags = async () => (await owner.get(url('/flags'))).body.items.map((f: { name: string }) => f.name);
    expect(await flags()).toEqual(['CV screening', 'Support chat']);
    const r = await owner.post(url(), risk());
    expect(await flags()).toEqual(['Support chat']);
    // bounded: the first `limit` by name, and how many there are
    const limited = await owner.get(url('/flags?limit=1'));
    expect(limited.body).toMatchObject({ total: 1, items: [{ name: 'Support chat' }] });
    expect((await owner.get(url('/flags?limit=0'))).status).toBe(400);

    expect((await viewer.get(url())).status).toBe(200);
    expect((await viewer.post(url(), risk())).status).toBe(403);
    expect((await viewer.patch(url(`/${r.body.id}`), { title: 'x' })).status).toBe(403);
    expect((await viewer.post(url(`/${r.body.id}/actions`), { title: 'x' })).status).toBe(403);
    expect(await count('risks')).toBe(1);

    // someone else's organization: 404, whoever asks
    const other = await setupOwnerElsewhere();
    expect((await other.get(url())).status).toBe(404);
    expect((await other.get(url(`/${r.body.id}`))).status).toBe(404);
    expect((await other.get(url('/heatmap'))).status).toBe(404);
  });

  it('gives the earliest tasks due with every tie of the last day, the same as the whole list cut there (the home page)', async () => {
    const dates = ['2026-01-05', '2026-01-03', '2026-01-03', '2026-01-07', '2026-01-03', '2026-01-09'];
    for (const [i, dueDate] of dates.entries()) {
      const r = await owner.post(url(), risk({ title: `Due ${i}`, owner: { userId: ownerId }, nextReviewDate: dueDate }));
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      if (i % 2 === 0) {
        const a = await owner.post(url(`/${r.body.id}/actions`), { title: `Act ${i}`, dueDate, owner: { userId: ownerId } });
        expect(a.status, JSON.stringify(a.body)).toBe(201);
      }
    }
    const all = await riskTasksDue(t.database.db, orgId, ownerId, '2026-02-01');
    expect(all).toHaveLength(9);
    expect(all.map((x) => x.dueDate)).toEqual([...all.map((x) => x.dueDate)].sort());
    for (const first of [1, 3, 5, 6, 9, 20]) {
      const got = await riskTasksDue(t.database.db, orgId, ownerId, '2026-02-01', first);
      const last = all[Math.min(first, all.length) - 1].dueDate;
      // within a day the order is the database's (a risk's action and review tie): the home page sorts by title
      const byId = (xs: typeof all) => [...xs].sort((a, b) => `${a.kind}${a.id}`.localeCompare(`${b.kind}${b.id}`));
      expect(byId(got)).toEqual(byId(all.filter((x) => x.dueDate <= last)));
    }
  });

  async function setupOwnerElsewhere() {
    const email = `stranger${n}@example.com`;
    const org = await owner.post('/api/v1/orgs', { name: `Elsewhere ${n}` });
    await addMember(owner, t.app, org.body.id, { email, role: 'owner', name: 'S' });
    return signIn(t.app, email);
  }
});
