import { describe, expect, it } from 'vitest';
import { compileInputs, type ReviewFacts } from './management-reviews.inputs.js';

const facts = (extra: Partial<ReviewFacts> = {}): ReviewFacts => ({
  today: '2026-06-01',
  previous: { number: 'MR-001', meetingDate: '2026-01-15', inventoryTotal: 4 },
  previousActions: {
    open: [
      { reviewNumber: 'MR-001', text: 'Write the bias test plan', owner: 'Ada Lead', dueDate: '2026-03-01' },
      { reviewNumber: 'MR-001', text: 'Hire a data steward', owner: null, dueDate: null },
    ],
    doneSinceLast: 3,
  },
  scope: { version: 2, approvedAt: '2026-02-20T10:00:00.000Z' },
  risks: {
    total: 7,
    byStatus: { identified: 2, treated: 5 },
    aboveThresholdUntreated: 1,
    reviewOverdue: 0,
    inScopeWithoutRisk: 2,
    method: { status: 'approved', version: 1 },
  },
  audits: [
    {
      number: 'IA-001',
      title: 'Model release audit',
      reportedAt: '2026-04-02T10:00:00.000Z',
      conforming: 10,
      nonconformities: 1,
      observations: 2,
      opportunities: 1,
      conclusions: 'Effective with exceptions',
    },
    {
      number: 'IA-002',
      title: 'Supplier audit',
      reportedAt: '2026-05-02T10:00:00.000Z',
      conforming: 5,
      nonconformities: 0,
      observations: 0,
      opportunities: 2,
      conclusions: '',
    },
  ],
  nonconformities: {
    open: 3,
    byGrade: [
      { label: 'Major', count: 1 },
      { label: 'Minor', count: 2 },
    ],
    planOverdue: 1,
    evidenceOverdue: 0,
    awaitingEffectiveness: 1,
    closedLast12Months: 4,
    recurring: 1,
    correctiveActionsOpen: 5,
    correctiveActionsOverdue: 2,
  },
  monitoring: { metrics: 5, systemsMonitored: 2, openBreaches: 1, reviewsOverdue: 0, noData: 1 },
  objectives: { total: 4, open: 2, achieved: 1, missed: 1, overdue: 1, atRisk: 0 },
  inventory: { total: 6, inScope: 5, duplicateGroups: 0, namedInScopeMissing: 1 },
  suppliers: { total: 3, neverReviewed: 1, overdue: 0 },
  incidents: { open: 2, notEscalated: 0, closedLast90Days: 1, bySeverity: { low: 0, medium: 1, high: 1, critical: 0 } },
  training: { topics: 3, people: 10, required: 20, complete: 15, missing: 4, overdue: 1 },
  resourceNeeds: '  A second reviewer for model releases ',
  improvements: { open: 2, done: 1, bySource: [{ label: 'Incident', count: 3 }] },
  ...extra,
});

const byKey = (sections: ReturnType<typeof compileInputs>, key: string) => {
  const s = sections.find((x) => x.key === key);
  if (!s) throw new Error(`no section ${key}`);
  return s;
};

describe('compileInputs', () => {
  it('gives every input a heading in words, in a fixed order', () => {
    const sections = compileInputs(facts());
    expect(sections.map((s) => s.key)).toEqual([
      'previous-actions',
      'issues',
      'risks',
      'audits',
      'nonconformities',
      'monitoring',
      'objectives',
      'ai-systems',
      'suppliers',
      'incidents',
      'training',
      'resources',
      'improvements',
    ]);
    for (const s of sections) {
      expect(s.heading).toMatch(/^[A-Z][A-Za-z ]+$/);
      expect(s.facts.length).toBeGreaterThan(0);
    }
  });

  it('lists open actions of earlier reviews, overdue ones marked, with counts', () => {
    const s = byKey(compileInputs(facts()), 'previous-actions');
    expect(s.facts[0]).toBe('2 actions from earlier reviews are still open, 1 of them overdue.');
    expect(s.facts).toContain('MR-001: Write the bias test plan (owner: Ada Lead; due: 2026-03-01, overdue).');
    expect(s.facts).toContain('MR-001: Hire a data steward (owner: nobody named; due: no date).');
    expect(s.numbers).toEqual([
      { label: 'Open actions', value: 2 },
      { label: 'Overdue actions', value: 1 },
      { label: 'Done since the last review', value: 3 },
    ]);
  });

  it('compares the scope approval and the AI system count with the last review', () => {
    const sections = compileInputs(facts());
    expect(byKey(sections, 'issues').facts.join(' ')).toContain('approved again after the last review (2026-01-15)');
    const unchanged = compileInputs(facts({ scope: { version: 1, approvedAt: '2025-12-01T00:00:00.000Z' } }));
    expect(byKey(unchanged, 'issues').facts.join(' ')).toContain('has not changed since the last review');
    const systems = byKey(sections, 'ai-systems');
    expect(systems.facts.join(' ')).toContain('2 more than at the last review (2026-01-15: 4)');
    expect(systems.numbers).toContainEqual({ label: 'Change since the last review', value: 2 });
  });

  it('says when a module gave nothing, and lists the audits reported since the last review', () => {
    const sections = compileInputs(facts());
    expect(byKey(compileInputs(facts({ nonconformities: null })), 'nonconformities').facts).toEqual([
      'This information was not available when the inputs were compiled.',
    ]);
    const audits = byKey(sections, 'audits');
    expect(audits.facts).toEqual([
      '2 internal audits were reported since the last approved review (MR-001, held 2026-01-15).',
      'IA-001 Model release audit (reported 2026-04-02): 1 nonconformity, 2 observations, 1 opportunity for improvement, 10 items conforming. Conclusions: Effective with exceptions',
      'IA-002 Supplier audit (reported 2026-05-02): 0 nonconformities, 0 observations, 2 opportunities for improvement, 5 items conforming.',
    ]);
    expect(audits.numbers).toEqual([
      { label: 'Audits reported', value: 2 },
      { label: 'Nonconformities found', value: 1 },
      { label: 'Observations', value: 2 },
      { label: 'Opportunities for improvement', value: 3 },
      { label: 'Items conforming', value: 15 },
    ]);
    expect(byKey(compileInputs(facts({ audits: [], previous: null })), 'audits').facts).toEqual([
      'No internal audit was reported yet.',
    ]);
  });

  it('states facts in words with the numbers behind them', () => {
    const sections = compileInputs(facts());
    expect(byKey(sections, 'risks').facts[0]).toBe('The risk register holds 7 current risks (2 identified, 5 treated).');
    expect(byKey(sections, 'training').facts[1]).toBe('15 of 20 required trainings are complete (75%); 4 missing and 1 overdue.');
    expect(byKey(sections, 'incidents').facts[0]).toBe('2 incidents are not closed (1 medium, 1 high severity).');
    expect(byKey(sections, 'resources').facts).toEqual(['A second reviewer for model releases']);
    const ncs = byKey(sections, 'nonconformities');
    expect(ncs.facts[0]).toBe('3 nonconformities are not closed (1 major, 2 minor); 1 of them recurring.');
    expect(ncs.numbers).toContainEqual({ label: 'Corrective actions overdue', value: 2 });
    expect(byKey(sections, 'improvements').facts).toEqual([
      'The improvement log holds 2 open improvements and 1 done.',
      'Where they came from: 3 from incident.',
    ]);
  });

  it('handles a first review with nothing to compare with and nothing recorded', () => {
    const sections = compileInputs(
      facts({ previous: null, previousActions: { open: [], doneSinceLast: 0 }, scope: null, resourceNeeds: '' }),
    );
    expect(byKey(sections, 'previous-actions').facts).toEqual(['No action from an earlier review is still open.']);
    expect(byKey(sections, 'issues').facts[0]).toMatch(/No scope .* approved yet/);
    expect(byKey(sections, 'issues').numbers).toEqual([]);
    expect(byKey(sections, 'ai-systems').numbers.map((n) => n.label)).toEqual(['AI systems', 'In scope']);
    expect(byKey(sections, 'resources').facts).toEqual(['The preparer recorded no resource needs.']);
  });
});
