import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { impactAssessmentFacts } from '../../src/modules/impact-assessments/index.js';
import { resolveLinks } from '../../src/platform/refs/index.js';

// A high impact on the default 5x5 method: 4 x 4 = 16 is "high", above the
// acceptance threshold ("medium").
const highImpact = {
  category: 'fairness',
  description: 'Applicants from some postcodes are refused more often',
  likelihood: 4,
  severity: 4,
  mitigations: 'Monthly bias test; human review of refusals',
  residualLikelihood: 4,
  residualSeverity: 4,
};
const lowImpact = {
  category: 'other',
  label: 'Energy use',
  description: 'Training runs use a lot of power',
  likelihood: 2,
  severity: 2,
  residualLikelihood: 1,
  residualSeverity: 2,
};

describe.each(testDialects())('impact assessments (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let userId: string;
  let firstOrg: string;
  let orgId: string;
  let systemId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/impact-assessments${p}`;
  const auditCount = async () => (await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=200`)).body.items.length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId, orgId: firstOrg } = await setupOwner(t.app));
    await addMember(owner, t.app, firstOrg, { email: 'viewer@example.com', role: 'viewer', name: 'Vera' });
    viewer = await signIn(t.app, 'viewer@example.com');
  });
  beforeEach(async () => {
    // each test has its own AI system in the one organization the viewer belongs to
    orgId = firstOrg;
    const sys = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      name: `Credit scoring ${Math.random().toString(36).slice(2, 8)}`,
      purpose: 'Scores loan applications for a first decision',
      intendedUse: 'Used by loan officers as decision support',
      foreseeableMisuse: 'Officers rubber-stamp the score',
      lifecycleStage: 'development',
      businessOwner: { userId },
      dataCategories: ['Income', 'Postcode'],
    });
    expect(sys.status).toBe(201);
    systemId = sys.body.id;
  });
  afterAll(() => t.close());

  const complete = {
    affectedIndividuals: ['Loan applicants'],
    affectedGroups: ['Applicants from rural postcodes'],
    impacts: [highImpact, lowImpact],
    nextReviewDate: '2099-01-01',
  };

  it('creates an assessment prefilled from the inventory, rated on the method', async () => {
    const created = await owner.post(url(), { aiSystemId: systemId, ...complete, assessor: { userId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      aiSystemId: systemId,
      status: 'draft',
      intendedPurpose: 'Scores loan applications for a first decision',
      contextOfUse: 'Used by loan officers as decision support',
      foreseeableMisuse: 'Officers rubber-stamp the score',
      assessor: { userId, name: 'Ada Lead' },
      basis: { lifecycleStage: 'development', dataCategories: ['Income', 'Postcode'] },
      highestResidual: { id: 'high', aboveThreshold: true },
      reassessment: { needed: false, reasons: [] },
    });
    expect(created.body.impacts[0]).toMatchObject({ level: { id: 'high' }, residualLevel: { id: 'high' }, riskId: null });
    expect(created.body.impacts[1]).toMatchObject({ label: 'Energy use', residualLevel: { id: 'low', aboveThreshold: false } });
    expect(created.body.impacts[0].id).toEqual(expect.any(String));

    const list = (await owner.get(url(`?aiSystemId=${systemId}`))).body.items;
    expect(list.map((a: { id: string }) => a.id)).toEqual([created.body.id]);

    // a second draft for the same system is refused: continue the first
    const again = await owner.post(url(), { aiSystemId: systemId });
    expect(again.status).toBe(409);
    expect(again.body.errors[0].field).toBe('body.aiSystemId');
  });

  it('refuses ratings off the scale and unknown systems by field, writing nothing', async () => {
    const before = await auditCount();
    const bad = await owner.post(url(), {
      aiSystemId: systemId,
      impacts: [
        { ...highImpact, likelihood: 6 },
        { ...highImpact, severity: 0, residualSeverity: 9 },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.impacts.0.likelihood',
      'body.impacts.1.severity',
      'body.impacts.1.residualSeverity',
    ]);
    expect(bad.body.errors[0].message).toMatch(/1 to 5/);

    const unknown = await owner.post(url(), { aiSystemId: '0190aaaa-0000-7000-8000-000000000000', ...complete });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.aiSystemId']);

    const other = await owner.post(url(), { aiSystemId: systemId, impacts: [{ category: 'other', description: 'x' }] });
    expect(other.status).toBe(400);
    expect(other.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.impacts.0.label']);

    expect((await owner.get(url(`?aiSystemId=${systemId}`))).body.items).toEqual([]);
    expect(await auditCount()).toBe(before);

    // the same check on a draft's edit
    const draft = (await owner.post(url(), { aiSystemId: systemId })).body;
    const patch = await owner.patch(url(`/${draft.id}`), { impacts: [{ ...highImpact, residualLikelihood: 7 }] });
    expect(patch.status).toBe(400);
    expect(patch.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.impacts.0.residualLikelihood']);
    expect((await owner.get(url(`/${draft.id}`))).body.impacts).toEqual([]);
  });

  it('approves once, raising one linked risk for the high residual impact, never a duplicate', async () => {
    const draft = (await owner.post(url(), { aiSystemId: systemId, affectedIndividuals: ['Loan applicants'] })).body;
    const incomplete = await owner.post(url(`/${draft.id}/approve`));
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field)).toEqual(['impacts', 'assessor', 'nextReviewDate']);
    expect((await owner.get(url(`/${draft.id}`))).body.status).toBe('draft');

    await owner.patch(url(`/${draft.id}`), { ...complete, assessor: { userId } });
    const approved = await owner.post(url(`/${draft.id}/approve`));
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approval: { userId, name: 'Ada Lead' } });
    const riskId = approved.body.impacts[0].riskId;
    expect(riskId).toEqual(expect.any(String));
    expect(approved.body.impacts[1].riskId).toBeNull();

    const risks = (await owner.get(`/api/v1/orgs/${orgId}/risks?aiSystemId=${systemId}`)).body.items;
    expect(risks.map((r: { id: string }) => r.id)).toEqual([riskId]);
    expect(risks[0]).toMatchObject({
      sourceCategory: 'fairness',
      inherentLevel: 'high',
      residualLevel: 'high',
      aboveThreshold: true,
    });
    // the risk says in words where it came from; the assessment holds its id
    expect(risks[0].cause).toMatch(/^Raised when the impact assessment of .+ was approved/);

    // approving again changes nothing; an approved assessment is frozen
    expect((await owner.post(url(`/${draft.id}/approve`))).status).toBe(409);
    expect((await owner.patch(url(`/${draft.id}`), { contextOfUse: 'x' })).status).toBe(409);

    // a reassessment carrying the same impact over keeps its risk
    const re = await owner.post(url(), {
      aiSystemId: systemId,
      ...complete,
      impacts: approved.body.impacts.map(({ level: _l, residualLevel: _r, riskId: _k, ...i }: Record<string, unknown>) => i),
      assessor: { userId },
    });
    expect(re.status).toBe(201);
    expect(re.body.supersedesId).toBe(draft.id);
    const reApproved = await owner.post(url(`/${re.body.id}/approve`));
    expect(reApproved.status).toBe(200);
    expect(reApproved.body.impacts[0].riskId).toBe(riskId);
    expect(reApproved.body.versions.map((v: { status: string }) => v.status)).toEqual(['approved', 'superseded']);
    expect((await owner.get(`/api/v1/orgs/${orgId}/risks?aiSystemId=${systemId}`)).body.items).toHaveLength(1);
    expect((await owner.get(url(`/${draft.id}`))).body.status).toBe('superseded');
    // other records link to assessments by the kind 'impact-assessment'; a superseded one reads as no longer current
    const link = await resolveLinks(t.database.db, orgId, [
      { type: 'impact-assessment', id: draft.id },
      { type: 'impact-assessment', id: re.body.id },
    ]);
    expect(link({ type: 'impact-assessment', id: re.body.id })).toEqual({
      label: `Impact assessment of ${re.body.name} (approved)`,
      archived: false,
      linkable: true,
    });
    expect(link({ type: 'impact-assessment', id: draft.id })?.archived).toBe(true);
    expect((await owner.get(url(`?aiSystemId=${systemId}`))).body.items.map((a: { id: string }) => a.id)).toEqual([re.body.id]);
  });

  it('asks for a reassessment when the system moves life-cycle stage, and puts it in the due list', async () => {
    const draft = (await owner.post(url(), { aiSystemId: systemId, ...complete, assessor: { userId } })).body;
    expect((await owner.post(url(`/${draft.id}/approve`))).status).toBe(200);
    expect((await owner.get(url(`/${draft.id}`))).body.reassessment).toEqual({ needed: false, reasons: [] });

    const moved = await owner.patch(`/api/v1/orgs/${orgId}/ai-systems/${systemId}`, {
      lifecycleStage: 'deployment',
      dataCategories: ['Income', 'Postcode', 'Age'],
    });
    expect(moved.status).toBe(200);
    const after = (await owner.get(url(`/${draft.id}`))).body;
    expect(after.reassessment).toEqual({
      needed: true,
      reasons: ['Life-cycle stage changed from development to deployment', 'Data categories changed (added Age)'],
    });
    const listed = (await owner.get(url(`?aiSystemId=${systemId}`))).body.items[0];
    expect(listed.reassessment.needed).toBe(true);

    const home = (await owner.get(`/api/v1/orgs/${orgId}/home`)).body;
    const task = home.due.find(
      (d: { kind: string; href: string }) => d.kind === 'impact-assessment' && d.href.includes(draft.id),
    );
    expect(task).toMatchObject({ title: expect.stringContaining('Reassess') });
    expect(task.detail).toContain('Life-cycle stage changed');
  });

  it('sums up for the gap assessment: systems in scope assessed, reassessments due, risks raised', async () => {
    const own = (await owner.post('/api/v1/orgs', { name: 'Facts Ltd' })).body.id;
    expect(await impactAssessmentFacts(t.database.db, own)).toEqual(['No AI system impact assessment recorded yet.']);
    const sys = (k: string) => owner.post(`/api/v1/orgs/${own}/ai-systems`, { name: k, inScope: true, lifecycleStage: 'design' });
    const [a, b] = [(await sys('Chatbot')).body.id, (await sys('Forecaster')).body.id];
    const iaUrl = `/api/v1/orgs/${own}/impact-assessments`;
    const first = (
      await owner.post(iaUrl, { aiSystemId: a, ...complete, intendedPurpose: 'Answers questions', assessor: { userId } })
    ).body;
    expect((await owner.post(`${iaUrl}/${first.id}/approve`)).status).toBe(200);
    expect((await owner.post(iaUrl, { aiSystemId: b })).status).toBe(201);
    await owner.patch(`/api/v1/orgs/${own}/ai-systems/${a}`, { lifecycleStage: 'deployment' });
    expect(await impactAssessmentFacts(t.database.db, own)).toEqual([
      '1 of 2 AI systems in scope have an approved impact assessment; 1 assessment in draft.',
      '1 approved assessment needs reassessment (the AI system changed or the review date passed).',
      '1 approved assessment found a residual impact above the acceptance threshold and raised it as a risk.',
    ]);
  });

  it('lets one of two racing creates or approvals win, the other a conflict with nothing doubled', async () => {
    const creates = await Promise.all(
      [0, 1].map(() => owner.post(url(), { aiSystemId: systemId, ...complete, assessor: { userId } })),
    );
    expect(creates.map((r) => r.status).sort()).toEqual([201, 409]);
    const id = creates.find((r) => r.status === 201)?.body.id;
    const approvals = await Promise.all([0, 1].map(() => owner.post(url(`/${id}/approve`))));
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((await owner.get(`/api/v1/orgs/${orgId}/risks?aiSystemId=${systemId}`)).body.items).toHaveLength(1);
    expect((await owner.get(url(`?aiSystemId=${systemId}`))).body.items).toHaveLength(1);
  });

  it('lets a viewer read but not write or approve', async () => {
    const draft = (await owner.post(url(), { aiSystemId: systemId, ...complete, assessor: { userId } })).body;
    expect((await viewer.get(url(`/${draft.id}`))).status).toBe(200);
    expect((await viewer.get(url('/scales'))).body.likelihood).toHaveLength(5);
    const before = await auditCount();
    expect((await viewer.post(url(), { aiSystemId: systemId })).status).toBe(403);
    expect((await viewer.patch(url(`/${draft.id}`), { contextOfUse: 'viewer' })).status).toBe(403);
    expect((await viewer.post(url(`/${draft.id}/approve`))).status).toBe(403);
    expect(await auditCount()).toBe(before);
    expect((await owner.get(url(`/${draft.id}`))).body.status).toBe('draft');
  });
});
