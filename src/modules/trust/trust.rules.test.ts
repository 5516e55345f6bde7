import { describe, expect, it } from 'vitest';
import { draftAnswers } from './trust.answers.js';
import { forecast, orgType, STAGE_GAP_WEEKS, TYPE_LIMITS } from './trust.rules.js';

const small = { employees: 10, sites: 1, aiSystemsInScope: 1, suppliers: 1 };

describe('organization type', () => {
  it('is small up to the small limits and mid-size one past each', () => {
    const edge = {
      employees: TYPE_LIMITS.smallEmployeesBelow - 1,
      sites: 1,
      aiSystemsInScope: TYPE_LIMITS.smallMaxAiSystems,
      suppliers: TYPE_LIMITS.smallMaxSuppliers,
    };
    expect(orgType(edge).type).toBe('small');
    expect(orgType({ ...edge, employees: TYPE_LIMITS.smallEmployeesBelow }).type).toBe('mid-size');
    expect(orgType({ ...edge, aiSystemsInScope: TYPE_LIMITS.smallMaxAiSystems + 1 }).type).toBe('mid-size');
    const bySuppliers = orgType({ ...edge, suppliers: TYPE_LIMITS.smallMaxSuppliers + 1 });
    expect(bySuppliers.type).toBe('mid-size');
    expect(bySuppliers.reasons.join(' ')).toMatch(/3 suppliers/);
  });

  it('is large from 250 people, a second site or 15 AI systems in scope, and says which', () => {
    expect(orgType({ ...small, employees: TYPE_LIMITS.largeEmployeesFrom - 1 }).type).toBe('mid-size');
    expect(orgType({ ...small, employees: TYPE_LIMITS.largeEmployeesFrom }).type).toBe('large');
    const sites = orgType({ ...small, sites: 2 });
    expect(sites.type).toBe('large');
    expect(sites.reasons).toEqual(['the profile lists 2 sites']);
    expect(orgType({ ...small, aiSystemsInScope: 14 }).type).toBe('mid-size');
    expect(orgType({ ...small, aiSystemsInScope: 15 }).type).toBe('large');
  });

  it('does not assume small when the employee count is unknown', () => {
    const t = orgType({ ...small, employees: null });
    expect(t.type).toBe('mid-size');
    expect(t.reasons[0]).toMatch(/does not give the number of employees/);
  });

  it('the example 60-person SaaS company is mid-size', () => {
    expect(orgType({ employees: 60, sites: 1, aiSystemsInScope: 2, suppliers: 2 }).type).toBe('mid-size');
  });
});

describe('forecast', () => {
  const today = '2026-03-02';

  it('never dates an audit before today, and keeps Stage 2 at least four weeks after Stage 1', () => {
    const f = forecast(today, {});
    expect(f.stage1.date > today).toBe(true);
    expect(f.stage1.source).toBe('forecast');
    const gap = (Date.parse(f.stage2.date) - Date.parse(f.stage1.date)) / 86_400_000;
    expect(gap).toBeGreaterThanOrEqual(STAGE_GAP_WEEKS * 7);
  });

  it('fewer open items give earlier dates', () => {
    const many = forecast(today, { gapActionsLarge: 10, documentsNotApproved: 8, noInternalAudit: 1, trainingsMissing: 200 });
    const fewer = forecast(today, { gapActionsLarge: 2, documentsNotApproved: 1, noInternalAudit: 1, trainingsMissing: 10 });
    expect(fewer.stage1.date < many.stage1.date).toBe(true);
    expect(fewer.stage2.date < many.stage2.date).toBe(true);
    // 10 x 5 + 8 x 2 + 10 = 76 person-days: 16 weeks at five a week
    expect(many.weeksBeforeStage1).toBe(16);
    expect(many.drivers.find((d) => d.key === 'documentsNotApproved')).toMatchObject({ count: 8, daysEach: 2, days: 16 });
  });

  it('a planned audit wins over the forecast and moves Stage 2 with it', () => {
    const f = forecast(
      today,
      { gapActionsLarge: 20 },
      { stage1: { number: 'CA-001', startDate: '2026-04-01', status: 'planned' } },
    );
    expect(f.stage1).toEqual({ date: '2026-04-01', source: 'planned', audit: 'CA-001' });
    expect(f.stage2).toMatchObject({ date: '2026-04-29', source: 'forecast' });
    const both = forecast(
      today,
      {},
      {
        stage1: { number: 'CA-001', startDate: '2026-04-01', status: 'planned' },
        stage2: { number: 'CA-002', startDate: '2026-06-01', status: 'planned' },
      },
    );
    expect(both.stage2).toEqual({ date: '2026-06-01', source: 'planned', audit: 'CA-002' });
  });

  it('a Stage 1 held in the past counts Stage 2 from today', () => {
    const f = forecast(today, {}, { stage1: { number: 'CA-001', startDate: '2026-01-10', status: 'completed' } });
    expect(f.stage2.date).toBe('2026-03-30');
  });
});

describe('draft answers', () => {
  const facts = {
    aiSystems: [{ name: 'Ticket triage', purpose: 'Routes support tickets.' }],
    aiSystemsTotal: 2,
    roles: [{ key: 'ai-governance-owner', name: 'AI governance owner', holder: 'Ada Lovelace', vacant: false }],
    riskMethod: { status: 'approved' as const, version: 2 },
    risks: { total: 3, treated: 2, aboveThresholdUntreated: 1, reviewOverdue: 0, inScopeWithoutRisk: 0 },
    suppliers: { total: 2, neverReviewed: 1, overdue: 0, aiSuppliers: ['OpenModel Inc'] },
    monitoring: { metrics: 0, systemsMonitored: 0, openBreaches: 0, reviewsOverdue: 0, noData: 0 },
    incidents: { open: 0, closedLast90Days: 1, notEscalated: 0, escalationOwner: null },
    certificate: null,
  };
  it('writes each answer from the facts, and says plainly when not certified', () => {
    const a = draftAnswers(facts, 'org-1');
    expect(a).toHaveLength(7);
    expect(a[0].draft).toContain('Ticket triage (Routes support tickets)');
    expect(a[1].draft).toContain('Ada Lovelace holds the AI governance owner role');
    expect(a[2].draft).toContain('approved risk method (version 2)');
    expect(a[3].draft).toContain('OpenModel Inc');
    expect(a[4].draft).toMatch(/not defined monitoring metrics/);
    expect(a[6].draft).toMatch(/not certified/);
    expect(a[0].links[0].href).toBe('/orgs/org-1/inventory');
  });
  it('links a published certificate to its verification page with the issuing body', () => {
    const a = draftAnswers(
      {
        ...facts,
        certificate: { certificateNumber: 'AIMS 42/1', issuingBody: 'Cert Body', status: 'valid', expiryDate: '2029-01-01' },
      },
      'o',
    );
    expect(a[6].draft).toContain('Cert Body');
    expect(a[6].links[0].href).toBe('/verify/AIMS%2042%2F1');
  });
});
