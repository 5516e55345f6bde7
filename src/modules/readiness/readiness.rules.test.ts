import { describe, expect, it } from 'vitest';
import type { ReadinessFacts } from './readiness.facts.js';
import { allStage2Checks, stage1Checks, tally } from './readiness.rules.js';
import { drawPositions, drawSample } from './readiness.sample.rules.js';
import { isHighRisk } from './readiness.stage2.rules.js';

// Every check with a passing and a failing fixture: plain facts in, verdicts out.

const ORG = 'org-1';
const ok = (): ReadinessFacts => ({
  orgId: ORG,
  today: '2026-12-02',
  scope: { approved: { id: 'sv1', version: 2, aiSystems: 2 }, draftVersion: null, missingFromInventory: [] },
  documents: {
    core: [
      { key: 'ai-policy', title: 'AI policy', heldAs: 'document', inForce: true, status: 'approved', documentIds: ['d1'] },
      {
        key: 'ai-system-inventory',
        title: 'AI system inventory',
        heldAs: 'live',
        inForce: true,
        status: 'active',
        documentIds: [],
      },
    ],
    pastReview: [],
  },
  inventory: {
    inScope: [
      { id: 's1', name: 'Support assistant', riskLevel: 'medium', hasOwner: true, monitored: true },
      { id: 's2', name: 'CV screening', riskLevel: 'high', hasOwner: true, monitored: true },
    ],
    duplicateGroups: [],
  },
  riskMethod: { status: 'approved', version: 1, warnings: [] },
  audits: [
    { id: 'a1', number: 'IA-001', title: 'AIMS audit', requirementIds: ['4.1', '5.2', '6.1.2', '7.2', '8.1', '9.1', '10.2'] },
  ],
  review: { id: 'r1', number: 'MR-001', title: 'Annual review', topManagementAttended: true, decisions: 2, actions: 1 },
  reviewActions: { open: 1, overdue: 0 },
  roles: [{ id: 'ro1', name: 'AI governance lead', vacant: false, holderLeft: false }],
  risks: { total: 4, aboveThresholdUntreated: 0, inScopeWithoutRisk: [] },
  riskScale: ['low', 'medium', 'high'],
  impactAssessed: ['s2'],
  lifecycleEvidence: { items: 5, valid: 5 },
  monitoring: { metrics: 3 },
  suppliers: { total: 2, neverReviewed: 0, overdue: [] },
  training: { topics: 3, people: 4, required: 8, complete: 8, missing: 0, overdue: 0, criteria: 2 },
  nonconformities: [
    {
      id: 'n1',
      number: 'NC-001',
      title: 'Model card missing',
      status: 'closed',
      rootCause: true,
      actions: 1,
      effectivenessChecked: true,
      overdue: false,
    },
  ],
  sample: {
    seed: '2026-12-02',
    controls: [
      {
        controlId: 'A.2.2',
        title: 'AI policy',
        linked: 2,
        items: [{ id: 'e1', number: 'EV-0001', title: 'Policy', validUntil: null, stale: false }],
      },
    ],
  },
});

const check = (facts: ReadinessFacts, id: string) => {
  const found = [...stage1Checks(facts), ...allStage2Checks(facts)].find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return found;
};

describe('readiness rules', () => {
  it('passes every check on a prepared organization, with no fix', () => {
    const all = [...stage1Checks(ok()), ...allStage2Checks(ok())];
    expect(all.map((c) => [c.id, c.status])).toEqual(all.map((c) => [c.id, 'pass']));
    expect(all.every((c) => c.fix === null && c.link.startsWith(`/orgs/${ORG}/`))).toBe(true);
    expect(tally(all)).toEqual({ pass: 13, warn: 0, fail: 0, 'not-available': 0 });
  });

  it('scope: fails without an approved scope, with no AI system named, or with one missing from the inventory', () => {
    const f = ok();
    f.scope = { approved: null, draftVersion: 1, missingFromInventory: [] };
    expect(check(f, 'scope')).toMatchObject({
      status: 'fail',
      link: `/orgs/${ORG}/scope`,
      fix: 'Review and approve the scope draft.',
    });
    f.scope = { approved: { id: 'sv1', version: 1, aiSystems: 0 }, draftVersion: null, missingFromInventory: [] };
    expect(check(f, 'scope').detail).toMatch(/names no AI system/);
    f.scope = {
      approved: { id: 'sv1', version: 1, aiSystems: 2 },
      draftVersion: null,
      missingFromInventory: ['Churn predictor'],
    };
    const c = check(f, 'scope');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/Churn predictor/);
    expect(c.records).toEqual([{ type: 'scope', id: 'sv1', label: 'Scope version 1', href: `/orgs/${ORG}/scope` }]);
  });

  it('documented information: fails on a missing, unapproved or lapsed required document; warns on another lapsed one', () => {
    const f = ok();
    f.documents?.core.push({
      key: 'ai-objectives',
      title: 'AI objectives',
      heldAs: 'missing',
      inForce: false,
      status: null,
      documentIds: [],
    });
    expect(check(f, 'documented-information')).toMatchObject({ status: 'fail' });
    expect(check(f, 'documented-information').detail).toMatch(/missing: AI objectives/);
    const g = ok();
    g.documents?.pastReview.push({ id: 'd9', label: 'DOC-009 Coding guide', docType: 'other', nextReviewDate: '2026-01-01' });
    expect(check(g, 'documented-information').status).toBe('warn');
    g.documents?.pastReview.push({ id: 'd1', label: 'DOC-001 AI policy', docType: 'ai-policy', nextReviewDate: '2026-01-01' });
    const c = check(g, 'documented-information');
    expect(c.status).toBe('fail');
    expect(c.records.map((r) => r.id)).toEqual(['d1', 'd9']);
  });

  it('AI inventory: fails on nothing in scope, a missing owner or risk level, or a duplicate group, naming the systems', () => {
    const f = ok();
    f.inventory = { inScope: [], duplicateGroups: [] };
    expect(check(f, 'ai-inventory').status).toBe('fail');
    const g = ok();
    g.inventory?.inScope.push({ id: 's3', name: 'Copilot', riskLevel: null, hasOwner: false, monitored: false });
    g.inventory?.duplicateGroups.push({ ids: ['s1', 's4'], names: ['Support assistant', 'Support Assistant v2'] });
    const c = check(g, 'ai-inventory');
    expect(c.status).toBe('fail');
    expect(c.records.map((r) => [r.type, r.id, r.label])).toEqual([
      ['ai-system', 's3', 'Copilot'],
      ['ai-system', 's1', 'Support assistant'],
      ['ai-system', 's4', 'Support Assistant v2'],
    ]);
    expect(c.records[0].href).toBe(`/orgs/${ORG}/inventory/s3`);
  });

  it('risk method: fails unless approved and AI-specific; a generic template only warns', () => {
    const f = ok();
    f.riskMethod = { status: 'default', version: null, warnings: [] };
    expect(check(f, 'risk-method').status).toBe('fail');
    f.riskMethod = {
      status: 'approved',
      version: 2,
      warnings: [{ code: 'no-people-dimension', message: 'No impact dimension covers people' }],
    };
    expect(check(f, 'risk-method')).toMatchObject({ status: 'fail' });
    expect(check(f, 'risk-method').detail).toMatch(/not AI-specific/);
    f.riskMethod = {
      status: 'approved',
      version: 2,
      warnings: [{ code: 'generic-descriptors', message: 'descriptors are generic' }],
    };
    expect(check(f, 'risk-method').status).toBe('warn');
  });

  it('internal audit: fails with none reported, warns when clauses 4 to 10 are only partly covered', () => {
    const f = ok();
    f.audits = [];
    expect(check(f, 'internal-audit').status).toBe('fail');
    f.audits = [{ id: 'a1', number: 'IA-001', title: 'Partial', requirementIds: ['4.1', '9.2', 'A.6.2.6'] }];
    const c = check(f, 'internal-audit');
    expect(c.status).toBe('warn');
    expect(c.detail).toMatch(/clauses 5, 6, 7, 8, 10 not audited/);
    expect(c.records).toEqual([expect.objectContaining({ type: 'internal-audit', id: 'a1' })]);
  });

  it('management review: fails with none approved, or when top management was absent or nothing was decided', () => {
    const f = ok();
    f.review = null;
    expect(check(f, 'management-review').status).toBe('fail');
    f.review = { id: 'r1', number: 'MR-001', title: 'Review', topManagementAttended: false, decisions: 0, actions: 0 };
    const c = check(f, 'management-review');
    expect(c.status).toBe('fail');
    expect(c.detail).toMatch(/no member of top management attended and no decision is recorded/);
  });

  it('leadership: fails without an approved policy or with a vacant role; warns on overdue review actions', () => {
    const f = ok();
    f.roles = [{ id: 'ro2', name: 'AI risk owner', vacant: true, holderLeft: false }];
    expect(check(f, 'leadership')).toMatchObject({ status: 'fail' });
    expect(check(f, 'leadership').records).toEqual([expect.objectContaining({ type: 'role', id: 'ro2' })]);
    const g = ok();
    g.reviewActions = { open: 3, overdue: 2 };
    expect(check(g, 'leadership').status).toBe('warn');
    const h = ok();
    if (h.documents) h.documents.core[0] = { ...h.documents.core[0], inForce: false, status: 'draft' };
    expect(check(h, 'leadership').detail).toMatch(/AI policy is not approved/);
  });

  it('risk assessment: fails on in-scope systems without risk, untreated risks, or high-risk systems without an impact assessment', () => {
    const f = ok();
    f.impactAssessed = [];
    const c = check(f, 'risk-assessment');
    expect(c.status).toBe('fail');
    expect(c.records.map((r) => r.id)).toEqual(['s2']);
    const g = ok();
    g.risks = { total: 4, aboveThresholdUntreated: 1, inScopeWithoutRisk: [{ id: 's1', name: 'Support assistant' }] };
    expect(check(g, 'risk-assessment').detail).toMatch(/no risk assessed.*no treatment decision/);
    expect(isHighRisk('High', ['low', 'medium', 'high'])).toBe(true);
    expect(isHighRisk('medium', ['low', 'medium', 'high', 'critical'])).toBe(false);
    expect(isHighRisk('high', ['low', 'medium', 'high', 'critical'])).toBe(true);
  });

  it('lifecycle controls: fails without valid life cycle evidence, warns on an unmonitored in-scope system', () => {
    const f = ok();
    f.lifecycleEvidence = { items: 2, valid: 0 };
    expect(check(f, 'lifecycle-controls').status).toBe('fail');
    const g = ok();
    g.inventory?.inScope.push({ id: 's5', name: 'Forecasting', riskLevel: 'low', hasOwner: true, monitored: false });
    const c = check(g, 'lifecycle-controls');
    expect(c.status).toBe('warn');
    expect(c.records.map((r) => r.id)).toEqual(['s5']);
  });

  it('supplier management: fails on an overdue or never-reviewed supplier', () => {
    const f = ok();
    f.suppliers = { total: 2, neverReviewed: 1, overdue: [{ id: 'sup1', name: 'Model vendor', nextReviewDate: '2026-01-01' }] };
    const c = check(f, 'supplier-management');
    expect(c.status).toBe('fail');
    expect(c.records).toEqual([expect.objectContaining({ type: 'supplier', id: 'sup1', href: `/orgs/${ORG}/suppliers/sup1` })]);
  });

  it('training: fails with overdue trainings or none required; warns on missing ones or no competence criteria', () => {
    const f = ok();
    f.training = { topics: 3, people: 4, required: 8, complete: 6, missing: 1, overdue: 1, criteria: 2 };
    expect(check(f, 'training').status).toBe('fail');
    f.training = { topics: 3, people: 4, required: 8, complete: 8, missing: 0, overdue: 0, criteria: 0 };
    expect(check(f, 'training')).toMatchObject({ status: 'warn', link: `/orgs/${ORG}/training/competence` });
    f.training = { topics: 0, people: 4, required: 0, complete: 0, missing: 0, overdue: 0, criteria: 0 };
    expect(check(f, 'training').status).toBe('fail');
  });

  it('corrective action: fails on an overdue nonconformity or one closed without root cause or effectiveness check', () => {
    const f = ok();
    f.nonconformities?.push(
      {
        id: 'n2',
        number: 'NC-002',
        title: 'Late',
        status: 'action-planned',
        rootCause: true,
        actions: 1,
        effectivenessChecked: false,
        overdue: true,
      },
      {
        id: 'n3',
        number: 'NC-003',
        title: 'Shallow',
        status: 'closed',
        rootCause: false,
        actions: 1,
        effectivenessChecked: false,
        overdue: false,
      },
    );
    const c = check(f, 'corrective-action');
    expect(c.status).toBe('fail');
    expect(c.records.map((r) => r.id)).toEqual(['n2', 'n3']);
  });

  it('evidence sampling: warns at up to 20% of controls unlinked or stale, fails above; fails without an SoA', () => {
    const f = ok();
    f.sample = null;
    expect(check(f, 'evidence-sampling')).toMatchObject({ status: 'fail', link: `/orgs/${ORG}/soa` });
    const item = (id: string, stale = false) => ({ id, number: id, title: id, validUntil: stale ? '2026-01-01' : null, stale });
    const controls = Array.from({ length: 10 }, (_, i) => ({
      controlId: `A.${i}`,
      title: `C${i}`,
      linked: 1,
      items: [item(`e${i}`)],
    }));
    controls[0] = { ...controls[0], linked: 0, items: [] };
    controls[1] = { ...controls[1], items: [item('old', true)] };
    const g = ok();
    g.sample = { seed: 's', controls };
    const c = check(g, 'evidence-sampling');
    expect(c.status).toBe('warn');
    expect(c.records.map((r) => [r.type, r.id])).toEqual([
      ['control', 'A.0'],
      ['evidence', 'old'],
    ]);
    controls[2] = { ...controls[2], linked: 0, items: [] };
    expect(check({ ...g, sample: { seed: 's', controls } }, 'evidence-sampling').status).toBe('fail');
  });

  it('answers not-available for a check whose data source is missing', () => {
    const f = ok();
    f.training = undefined;
    f.sample = undefined;
    expect(check(f, 'training').status).toBe('not-available');
    expect(check(f, 'evidence-sampling').status).toBe('not-available');
  });

  it('draws the same sample for the same seed, up to three per control, and another for another seed', () => {
    const pool = new Map([
      ['A.1', Array.from({ length: 20 }, (_, i) => `id-${String(i).padStart(2, '0')}`)],
      ['A.2', ['x']],
      ['A.3', []],
    ]);
    const a = drawSample(pool, '2026-12-02');
    expect(drawSample(pool, '2026-12-02')).toEqual(a);
    expect(a.get('A.1')).toHaveLength(3);
    expect(new Set(a.get('A.1')).size).toBe(3);
    expect(a.get('A.2')).toEqual(['x']);
    expect(a.get('A.3')).toEqual([]);
    const seeds = ['s1', 's2', 's3', 's4'].map((s) => drawSample(pool, s).get('A.1')?.join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('draws the places the whole-pool shuffle drew: the sample reads only the drawn items, the same ones', () => {
    // drawn by the former in-place shuffle of the whole sorted pool (seed, control A.6.2.6)
    const before: Record<string, number[]> = {
      '1:2026-12-02': [0],
      '2:2026-12-02': [1, 0],
      '2:redraw-1': [0, 1],
      '3:2026-12-02': [2, 1, 0],
      '3:redraw-1': [0, 2, 1],
      '4:redraw-1': [1, 3, 2],
      '7:2026-12-02': [5, 1, 4],
      '50:2026-12-02': [42, 3, 24],
      '50:redraw-1': [13, 38, 22],
      '3107:2026-12-02': [2627, 156, 1429],
      '3107:redraw-1': [829, 2409, 1335],
    };
    for (const [key, places] of Object.entries(before)) {
      const [n, seed] = [Number(key.split(':')[0]), key.split(':')[1]];
      expect(drawPositions(n, seed, 'A.6.2.6')).toEqual(places);
      // drawSample picks the same places in the ids sorted, whatever order they came in
      const ids = Array.from({ length: n }, (_, i) => `id-${String(i).padStart(5, '0')}`).reverse();
      expect(drawSample(new Map([['A.6.2.6', ids]]), seed).get('A.6.2.6')).toEqual(
        places.map((p) => `id-${String(p).padStart(5, '0')}`),
      );
    }
    expect(drawPositions(0, 's', 'A.6.2.6')).toEqual([]);
  });

  it('lists at most fifty records and counts the rest', () => {
    const f = ok();
    f.inventory = {
      inScope: Array.from({ length: 60 }, (_, i) => ({
        id: `s${i}`,
        name: `S${i}`,
        riskLevel: null,
        hasOwner: true,
        monitored: true,
      })),
      duplicateGroups: [],
    };
    const c = check(f, 'ai-inventory');
    expect(c.records).toHaveLength(50);
    expect(c.moreRecords).toBe(10);
  });
});
