import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

interface Answer {
  requirementId: string;
  status: string;
  notes: string;
  answered: boolean;
  carriedOver: boolean;
  prefilled: boolean;
  maturity: number | null;
  justification: string;
  links: unknown[];
}

describe.each(testDialects())('gap re-assessment (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let q1: string;
  let q2: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/gap-assessments${p}`;
  const answer = (a: { answers: Answer[] }, id: string) => a.answers.find((x) => x.requirementId === id) as Answer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    const r = await owner.post(url(), { title: 'Q1', assessmentDate: '2026-01-15', reusedIsmsProcesses: ['internal-audit'] });
    q1 = r.body.id;
    await owner.put(url(`/${q1}/answers/4.1`), { status: 'implemented', maturity: 3, notes: 'Context reviewed' });
    await owner.put(url(`/${q1}/answers/5.2`), { status: 'partial', notes: 'Policy drafted' });
    await owner.put(url(`/${q1}/answers/A.2.2`), { status: 'not-applicable', justification: 'No AI policy scope yet' });
  });
  afterAll(() => t.close());

  it('a new assessment started from the previous one carries its answers over, to confirm', async () => {
    const r = await owner.post(url(), { title: 'Q2', assessmentDate: '2026-04-15', startFrom: q1 });
    expect(r.status).toBe(201);
    q2 = r.body.id;
    expect(r.body.startedFrom).toBe(q1);
    expect(answer(r.body, '4.1')).toMatchObject({
      status: 'implemented',
      maturity: 3,
      notes: 'Context reviewed',
      carriedOver: true,
    });
    expect(answer(r.body, '5.2')).toMatchObject({ status: 'partial', carriedOver: true });
    expect(answer(r.body, 'A.2.2')).toMatchObject({ status: 'not-applicable', carriedOver: true });
    // the ISO/IEC 27001 pre-fill is copied too, and still reads as reuse
    expect(answer(r.body, '9.2.2')).toMatchObject({ status: 'partial', prefilled: true, carriedOver: true });
    expect(answer(r.body, '6.1.1')).toMatchObject({ answered: false, carriedOver: false });
    const carried = r.body.answers.filter((a: Answer) => a.carriedOver).length;
    expect(carried).toBeGreaterThanOrEqual(4);
    expect(r.body.progress.carriedOver).toBe(carried);
    expect(r.body.answered).toBe(carried);
    // the earlier assessment is untouched
    const before = (await owner.get(url(`/${q1}`))).body;
    expect(before.startedFrom).toBeNull();
    expect(before.progress.carriedOver).toBe(0);
    expect(answer(before, '4.1').carriedOver).toBe(false);
  });

  it('saving a carried-over answer unchanged confirms it; changing it does too', async () => {
    const same = await owner.put(url(`/${q2}/answers/4.1`), { status: 'implemented', maturity: 3, notes: 'Context reviewed' });
    expect(same.status).toBe(200);
    expect(same.body.carriedOver).toBe(false);
    const changed = await owner.put(url(`/${q2}/answers/5.2`), { status: 'implemented', notes: 'Policy approved' });
    expect(changed.body).toMatchObject({ status: 'implemented', carriedOver: false });
    const a = (await owner.get(url(`/${q2}`))).body;
    expect(answer(a, '4.1').carriedOver).toBe(false);
    expect(answer(a, '5.2').carriedOver).toBe(false);
    expect(answer(a, 'A.2.2').carriedOver).toBe(true);
    const list = (await owner.get(url())).body;
    const items = Array.isArray(list) ? list : list.items;
    const row = items.find((x: { id: string }) => x.id === q2);
    expect(row.progress.carriedOver).toBe(a.progress.carriedOver);
    expect(a.progress.carriedOver).toBe(a.answers.filter((x: Answer) => x.carriedOver).length);
  });

  it('records the copy in the audit log', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('entity_type', '=', 'gap_answer')
      .where('action', '=', 'carry-over')
      .execute();
    expect(rows.map((r) => r.entity_id)).toContain(`${q2}:4.1`);
  });

  it('refuses a startFrom that is not an assessment of this organization, writing nothing', async () => {
    const n = (await owner.get(url())).body;
    const count = (Array.isArray(n) ? n : n.items).length;
    const bad = await owner.post(url(), {
      title: 'Q3',
      assessmentDate: '2026-07-15',
      startFrom: '01900000-0000-7000-8000-000000000000',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.startFrom');
    const m = (await owner.get(url())).body;
    expect((Array.isArray(m) ? m : m.items).length).toBe(count);
  });
});
