import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RISK_METHOD, effectiveRiskMethod, type RiskMethodContent } from '../../src/modules/risks/index.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const method = (): RiskMethodContent => structuredClone(DEFAULT_RISK_METHOD);

describe.each(testDialects())('risk method (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/risk-method${p}`;
  const rows = () => t.database.db.selectFrom('risk_method_versions').selectAll().where('org_id', '=', orgId).execute();
  const audits = () =>
    t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgId)
      .where('entity_type', '=', 'risk-method')
      .orderBy('seq')
      .execute();

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

  it('offers the default AI-specific method while the organization has none, and scores with it', async () => {
    const r = await owner.get(url());
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ approved: null, draft: null });
    expect(r.body.suggested.content).toEqual(DEFAULT_RISK_METHOD);
    expect(r.body.suggested.checks).toEqual([]);
    // HEAD answers as GET does (the suggestion is added to both)
    expect((await owner.request('HEAD' as 'GET', url())).status).toBe(200);
    expect(await effectiveRiskMethod(t.database.db, orgId)).toEqual({
      content: DEFAULT_RISK_METHOD,
      version: null,
      status: 'default',
    });
    expect((await owner.get(url('/effective'))).body).toEqual({ content: DEFAULT_RISK_METHOD, version: null, status: 'default' });
    expect(await rows()).toEqual([]);
  });

  it('saves a draft, which replaces the suggestion and is what risks are scored with until approval', async () => {
    const m = method();
    m.matrix[4][0] = 'high';
    m.acceptance.acceptAboveBy = ['owner', 'admin'];
    const saved = await owner.put(url('/draft'), { content: m });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: 1, status: 'draft', checks: [] });
    expect(saved.body.content.matrix[4][0]).toBe('high');
    const overview = (await owner.get(url())).body;
    expect(overview.suggested).toBeNull();
    expect(overview.draft.content.acceptance.acceptAboveBy).toEqual(['owner', 'admin']);
    const effective = await effectiveRiskMethod(t.database.db, orgId);
    expect(effective).toMatchObject({ version: 1, status: 'draft' });
    expect(effective.content.matrix[4][0]).toBe('high');
    expect((await audits()).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a bad matrix or an unknown level with 400 naming each field, writing nothing', async () => {
    const short = method();
    short.matrix = short.matrix.slice(0, 4);
    short.matrix[1] = short.matrix[1].slice(0, 3);
    const r1 = await owner.put(url('/draft'), { content: short });
    expect(r1.status).toBe(400);
    expect(r1.headers['content-type']).toMatch(/problem\+json/);
    expect(r1.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.content.matrix',
      'body.content.matrix.1',
    ]);

    const unknown = method();
    unknown.matrix[2][3] = 'extreme';
    unknown.acceptance.maxAcceptableLevel = 'tolerable';
    const r2 = await owner.put(url('/draft'), { content: unknown });
    expect(r2.status).toBe(400);
    expect(r2.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'body.content.matrix.2.3', message: expect.stringMatching(/"extreme" is not one of the levels/) },
        { field: 'body.content.acceptance.maxAcceptableLevel', message: expect.stringMatching(/"tolerable"/) },
      ]),
    );
    expect(await rows()).toEqual([]);
    expect(await audits()).toEqual([]);

    // a draft that exists stays as it was
    expect((await owner.put(url('/draft'), { content: method() })).status).toBe(200);
    const before = (await owner.get(url())).body.draft;
    expect((await owner.put(url('/draft'), { content: unknown })).status).toBe(400);
    expect((await owner.get(url())).body.draft).toEqual(before);
  });

  it('needs a reason for each generic-criteria warning to approve, then scores with the approved version', async () => {
    const m = method();
    m.likelihood[0].descriptor = 'Rare';
    m.impact[3].descriptor = '';
    m.riskSources = m.riskSources.map((s) => ({ ...s, inUse: false }));
    const saved = await owner.put(url('/draft'), { content: m });
    expect(saved.status).toBe(200);
    expect(saved.body.checks.map((c: { code: string }) => c.code)).toEqual(['no-ai-risk-source', 'generic-descriptors']);
    expect(saved.body.checks.every((c: { severity: string }) => c.severity === 'warning')).toBe(true);

    const refused = await owner.post(url('/draft/approve'), {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toHaveLength(2);
    for (const e of refused.body.errors) expect(e.field).toBe('body.exceptions');
    const partly = await owner.post(url('/draft/approve'), {
      exceptions: [{ code: 'no-ai-risk-source', reason: 'Sources come next month' }],
    });
    expect(partly.status).toBe(400);
    expect(partly.body.errors).toEqual([{ field: 'body.exceptions', message: expect.stringMatching(/generic-descriptors/) }]);
    expect((await rows()).map((r) => r.status)).toEqual(['draft']);

    const approved = await owner.post(url('/draft/approve'), {
      note: 'AI governance board',
      exceptions: [
        { code: 'no-ai-risk-source', reason: 'Sources are being agreed with the data team' },
        { code: 'generic-descriptors', field: 'descriptors', reason: 'Pilot only' },
      ],
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      version: 1,
      status: 'approved',
      approvedByName: 'Ada Lead',
      approvalNote: 'AI governance board',
    });
    expect(approved.body.acceptedExceptions.map((e: { code: string; reason: string }) => [e.code, e.reason])).toEqual([
      ['no-ai-risk-source', 'Sources are being agreed with the data team'],
      ['generic-descriptors', 'Pilot only'],
    ]);
    const effective = await effectiveRiskMethod(t.database.db, orgId);
    expect(effective).toMatchObject({ version: 1, status: 'approved' });
    expect((await owner.get(url('/effective'))).body).toEqual(effective);
    expect(effective.content.likelihood[0].descriptor).toBe('Rare');

    // The next draft (v2) fixes the criteria; the approved v1 stays in force until it is approved.
    const v2 = await owner.put(url('/draft'), { content: method() });
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', checks: [] });
    expect(await effectiveRiskMethod(t.database.db, orgId)).toMatchObject({ version: 1, status: 'approved' });
    const ok = await owner.post(url('/draft/approve'), {});
    expect(ok.status).toBe(200);
    expect(ok.body.acceptedExceptions).toEqual([]);
    expect(await effectiveRiskMethod(t.database.db, orgId)).toEqual({
      content: DEFAULT_RISK_METHOD,
      version: 2,
      status: 'approved',
    });

    // v1 as the document an auditor reads: its scales, matrix and the reasons accepted at approval
    const doc = await owner.get(url('/versions/1/document?format=html'));
    expect(doc.status).toBe(200);
    expect(doc.headers['content-type']).toMatch(/text\/html/);
    expect(doc.body).toContain('AI risk assessment method');
    expect(doc.body).toContain('Sources are being agreed with the data team');
    expect(doc.body).toContain('No AI risk source is in use.');
    expect(doc.body).toContain(DEFAULT_RISK_METHOD.impact[4].dimensions.society);
    const xlsx = await owner.get(url('/versions/2/document?format=xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-disposition']).toMatch(/ai-risk-method-v2\.xlsx/);
    expect((await owner.get(url('/versions/9/document?format=html'))).status).toBe(404);

    const versions = (await owner.get(url('/versions'))).body.items;
    expect(versions.map((v: { version: number; status: string }) => [v.version, v.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    const diff = await owner.get(url('/compare?from=1&to=2'));
    expect(diff.status).toBe(200);
    // likelihood 1 and impact 4 described again, and each of the 14 sources back in use
    const fields = diff.body.changes.map((c: { field: string }) => c.field);
    expect(fields).toHaveLength(16);
    expect([...new Set(fields)]).toEqual(['likelihood', 'impact', 'riskSources']);
    expect((await audits()).map((a) => a.action)).toEqual(['create', 'approve', 'create', 'supersede', 'approve']);
  });

  it('shows matrix edits cell by cell in a comparison', async () => {
    await owner.put(url('/draft'), { content: method() });
    await owner.post(url('/draft/approve'), {});
    const m = method();
    m.matrix[0][4] = 'high';
    m.levels[3].name = 'Intolerable';
    await owner.put(url('/draft'), { content: m });
    const diff = (await owner.get(url('/compare?from=1&to=2'))).body.changes;
    expect(diff).toEqual([
      {
        field: 'levels',
        change: 'changed',
        before: { id: 'critical', name: 'Critical' },
        after: { id: 'critical', name: 'Intolerable' },
      },
      { field: 'matrix.0.4', change: 'changed', before: 'medium', after: 'high' },
    ]);
  });

  it('tells what a new method would change for the risks already assessed, without blocking approval', async () => {
    const system = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'CV screening', inScope: true });
    expect(system.status).toBe(201);
    const risk = await owner.post(`/api/v1/orgs/${orgId}/risks`, {
      title: 'Screening model ranks women lower',
      aiSystemIds: [system.body.id],
      sourceCategory: 'fairness',
      cause: 'Historic hiring data',
      event: 'Qualified candidates are ranked low',
      consequence: 'Discrimination claim',
      inherentLikelihood: 4,
      inherentImpact: 4,
    });
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
    expect(risk.body.inherentLevel).toBe('high');

    const level = async () => (await owner.get(`/api/v1/orgs/${orgId}/risks/${risk.body.id}`)).body.inherentLevel;

    // While nothing is approved the draft is in force: saving it rescores the register, discarding it restores the default.
    const trial = method();
    trial.matrix[3][3] = 'medium';
    expect((await owner.put(url('/draft'), { content: trial })).status).toBe(200);
    expect(await level()).toBe('medium');
    expect((await owner.delete(url('/draft'))).status).toBe(204);
    expect(await level()).toBe('high');
    expect((await owner.put(url('/draft'), { content: method() })).status).toBe(200);
    expect((await owner.post(url('/draft/approve'), {})).status).toBe(200);

    // A draft beside an approved version says what approving it would change, and changes nothing yet.
    const m = method();
    m.matrix[3][3] = 'critical';
    m.riskSources = m.riskSources.map((s) => (s.id === 'fairness' ? { ...s, inUse: false } : s));
    const saved = await owner.put(url('/draft'), { content: m });
    expect(saved.status).toBe(200);
    const infos = saved.body.checks.filter((c: { severity: string }) => c.severity === 'info');
    expect(infos.map((c: { code: string }) => c.code)).toEqual(['risks-level-changes', 'risks-source-not-in-use']);
    expect(infos[0].message).toMatch(/^1 risk score .*likelihood 4 and impact 4: High, here Critical/);
    expect(infos[1].message).toMatch(/^1 risk name.*\(Fairness and bias\)/);
    expect(await level()).toBe('high');
    // information only: no reason is needed to approve; approval rescores the register
    const approved = await owner.post(url('/draft/approve'), {});
    expect(approved.status).toBe(200);
    expect(approved.body.acceptedExceptions).toEqual([]);
    expect(await level()).toBe('critical');
    const after = (await owner.get(url())).body.approved.checks.map((c: { code: string }) => c.code);
    expect(after).toEqual(['risks-source-not-in-use']);
  });

  it('lets a viewer read but not save, approve or discard', async () => {
    const email = `viewer-${orgId}@example.com`;
    await addMember(owner, t.app, orgId, { email, role: 'viewer', name: 'Vi' });
    const viewer = await signIn(t.app, email);
    expect((await owner.put(url('/draft'), { content: method() })).status).toBe(200);
    const before = await rows();

    expect((await viewer.get(url())).status).toBe(200);
    const m = method();
    m.reviewIntervalMonths = 3;
    expect((await viewer.put(url('/draft'), { content: m })).status).toBe(403);
    expect((await viewer.post(url('/draft/approve'), {})).status).toBe(403);
    expect((await viewer.delete(url('/draft'))).status).toBe(403);
    expect(await rows()).toEqual(before);
  });
});
