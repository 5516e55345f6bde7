import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/catalogue/index.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';
import { factsBeside } from '../support/gap-facts.js';

describe.each(testDialects())('gap assessment (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let first: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/gap-assessments${p}`;
  const auditRows = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    await owner.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: { ...emptyContent(), boundaryStatement: 'FlowPilot assistant' },
    });
    await approveAccepting(owner, `/api/v1/orgs/${orgId}/scope`);
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'FlowPilot assistant' });
  });
  afterAll(() => t.close());

  it('starts on the current catalogue, pre-filled from reused ISO/IEC 27001 processes', async () => {
    const r = await owner.post(url(), {
      title: 'Baseline',
      assessmentDate: '2026-01-15',
      reusedIsmsProcesses: ['internal-audit'],
    });
    expect(r.status).toBe(201);
    first = r.body.id;
    expect(r.body.catalogueVersion).toMatch(/^\d{4}\./);
    expect(r.body.answers).toHaveLength(70);
    const audit = r.body.answers.find((a: { requirementId: string }) => a.requirementId === '9.2.2');
    expect(audit).toMatchObject({ answered: true, status: 'partial' });
    expect(audit.notes).toMatch(/AI-specific part still to do/);
    expect(r.body.byReviewArea).toHaveLength(12);
    expect(
      (await owner.post(url(), { title: 'x', assessmentDate: '2026-01-15', reusedIsmsProcesses: ['payroll'] })).body.errors[0]
        .field,
    ).toBe('body.reusedIsmsProcesses.0');
  });

  it('shows the facts OpenAIMS holds beside each question', async () => {
    // each answer names its catalogue module; the organization's facts are keyed by module
    const a = (await owner.get(url(`/${first}`))).body;
    for (const req of REQUIREMENTS)
      expect(a.answers.find((x: { requirementId: string }) => x.requirementId === req.id).module, req.id).toBe(req.module);
    const facts = await factsBeside(owner, orgId, first);
    expect(facts('4.3').join(' ')).toMatch(/Scope version 1 approved on \d{4}-\d{2}-\d{2}/);
    const invReq = REQUIREMENTS.find((r) => r.module === 'inventory');
    expect(invReq).toBeDefined();
    expect(facts(invReq?.id ?? '').join(' ')).toContain('1 AI system in the inventory');
    expect(facts(invReq?.id ?? '').join(' ')).toContain('1 not risk-rated');
    // the facts summarize a whole organization: nobody outside it reads them
    expect((await owner.get(`/api/v1/orgs/${crypto.randomUUID()}/facts`)).status).toBe(404);
  });

  it('rejects answers for unknown ids, out-of-range maturity and unjustified not-applicable, writing nothing', async () => {
    const before = await auditRows();
    const unknown = await owner.put(url(`/${first}/answers/A.11.1`), { status: 'implemented' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('params.requirementId');
    const maturity = await owner.put(url(`/${first}/answers/5.2`), { status: 'partial', maturity: 6 });
    expect(maturity.body.errors[0].field).toBe('body.maturity');
    const na = await owner.put(url(`/${first}/answers/A.10.4`), { status: 'not-applicable' });
    expect(na.body.errors[0]).toEqual({
      field: 'body.justification',
      message: 'is required when the status is "not-applicable"',
    });
    expect(await auditRows()).toBe(before);
  });

  it('answers, rolls up, generates and tracks the action plan', async () => {
    expect(
      (await owner.put(url(`/${first}/answers/4.3`), { status: 'implemented', maturity: 4, notes: 'Scope v1 approved' })).status,
    ).toBe(200);
    expect((await owner.put(url(`/${first}/answers/5.2`), { status: 'not-started' })).body.status).toBe('not-started');
    expect(
      (
        await owner.put(url(`/${first}/answers/A.10.4`), {
          status: 'not-applicable',
          justification: 'We have no customers using our AI directly',
        })
      ).status,
    ).toBe(200);
    const a = (await owner.get(url(`/${first}`))).body;
    const clause4 = a.byClause.find((g: { key: string }) => g.key === '4');
    expect(clause4.counts.implemented).toBe(1);

    const plan = (await owner.post(url(`/${first}/action-plan`), {})).body.items;
    // every applicable requirement that is not implemented becomes an action
    expect(plan).toHaveLength(70 - 2);
    expect(plan.map((p: { requirementId: string }) => p.requirementId)).not.toContain('4.3');
    expect(plan.map((p: { requirementId: string }) => p.requirementId)).not.toContain('A.10.4');
    expect(plan[0].priority).toBe(1);
    expect((await owner.post(url(`/${first}/action-plan`), {})).body.items).toHaveLength(plan.length);
    const done = await owner.patch(`/api/v1/orgs/${orgId}/gap-actions/${plan[0].id}`, { status: 'done' });
    expect(done.body.doneAt).not.toBeNull();
  });

  it('clears an answer back to not answered, with an audit row; a missing answer is 404', async () => {
    await owner.put(url(`/${first}/answers/6.1.2`), { status: 'partial', maturity: 2, notes: 'typo: meant 6.1.3' });
    const before = await auditRows();
    const cleared = await owner.delete(url(`/${first}/answers/6.1.2`));
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ requirementId: '6.1.2', answered: false, maturity: null, notes: '' });
    expect(await auditRows()).toBe(before + 1);
    const row = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ action: 'delete', entity_id: `${first}:6.1.2` });
    expect((await owner.delete(url(`/${first}/answers/6.1.2`))).status).toBe(404);
    expect(await auditRows()).toBe(before + 1);
  });

  it('compares two assessments', async () => {
    const second = (await owner.post(url(), { title: 'Three months later', assessmentDate: '2026-04-15' })).body.id;
    await owner.put(url(`/${second}/answers/4.3`), { status: 'partial' });
    await owner.put(url(`/${second}/answers/5.2`), { status: 'implemented' });
    const cmp = (await owner.get(url(`/compare?from=${first}&to=${second}`))).body;
    expect(cmp.changes).toEqual(
      expect.arrayContaining([
        { requirementId: '4.3', before: 'implemented', after: 'partial', change: 'slipped' },
        { requirementId: '5.2', before: 'not-started', after: 'implemented', change: 'improved' },
      ]),
    );
    expect((await owner.get(url())).body.items.map((x: { title: string }) => x.title)).toEqual([
      'Three months later',
      'Baseline',
    ]);
  });

  it('lets viewers read but not answer, and hides assessments from other organizations', async () => {
    await addMember(owner, t.app, orgId, { email: 'viewer@example.com', role: 'viewer', name: 'V' });
    const viewer = await signIn(t.app, 'viewer@example.com');
    expect((await viewer.get(url(`/${first}`))).status).toBe(200);
    expect((await viewer.put(url(`/${first}/answers/6.2`), { status: 'implemented' })).status).toBe(403);
    const other = (await viewer.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    expect((await viewer.get(`/api/v1/orgs/${other}/gap-assessments/${first}`)).status).toBe(404);
  });
});
