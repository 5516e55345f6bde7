import { describe, expect, it } from 'vitest';
import {
  type AnswerRef,
  compareAssessments,
  compareIds,
  isCarriedOver,
  type LinkRef,
  type LinkTarget,
  linkErrors,
  linkView,
  overallScore,
  planActions,
  progress,
  type RequirementRef,
  rollUpByArea,
  rollUpByGroup,
  statusError,
} from './gap.rules.js';

const reqs: RequirementRef[] = [
  { id: '4.3', title: 'Scope', kind: 'clause', group: '4', groupTitle: 'Context', reviewAreas: ['inventory'] },
  { id: '4.1', title: 'Context', kind: 'clause', group: '4', groupTitle: 'Context', reviewAreas: ['policy'] },
  { id: '5.2', title: 'AI policy', kind: 'clause', group: '5', groupTitle: 'Leadership', reviewAreas: ['policy'] },
  { id: 'A.10.3', title: 'Suppliers', kind: 'annex-a', group: 'A.10', groupTitle: 'Third parties', reviewAreas: ['suppliers'] },
  { id: 'A.4.2', title: 'Resources', kind: 'annex-a', group: 'A.4', groupTitle: 'Resources', reviewAreas: ['inventory'] },
];
const ans = (list: [string, AnswerRef['status'], number?][]) =>
  new Map(list.map(([id, status, maturity]) => [id, { requirementId: id, status, maturity: maturity ?? null }]));

describe('gap scoring and roll-up', () => {
  it('scores implemented 100, partial 50, not started or unanswered 0, and leaves out not applicable', () => {
    const a = ans([
      ['4.3', 'implemented'],
      ['4.1', 'partial'],
      ['5.2', 'not-started'],
      ['A.10.3', 'not-applicable'],
    ]);
    // (100 + 50 + 0 + 0 unanswered A.4.2) / 4
    expect(overallScore(reqs, a).score).toBe(38);
    expect(rollUpByGroup(reqs, a).map((g) => [g.key, g.score])).toEqual([
      ['4', 75],
      ['5', 0],
      ['A.10', null],
      ['A.4', 0],
    ]);
    const areas = rollUpByArea(
      reqs,
      [
        { id: 'inventory', title: 'AI system inventory' },
        { id: 'policy', title: 'AI policy' },
      ],
      a,
    );
    expect(areas.map((x) => [x.key, x.score, x.counts.unanswered])).toEqual([
      ['inventory', 50, 1],
      ['policy', 25, 0],
    ]);
  });
});

describe('action plan', () => {
  it('turns each gap into an action, Stage 1 clauses first, due by priority', () => {
    const a = ans([
      ['4.3', 'not-started'],
      ['4.1', 'partial', 4],
      ['5.2', 'implemented'],
      ['A.10.3', 'partial', 1],
    ]);
    const plan = planActions(reqs, a, '2026-01-15');
    expect(plan.map((p) => [p.requirementId, p.priority, p.effort, p.dueDate])).toEqual([
      ['4.3', 1, 'L', '2026-02-14'],
      ['4.1', 3, 'S', '2026-04-15'],
      ['A.4.2', 3, 'M', '2026-04-15'],
      ['A.10.3', 3, 'M', '2026-04-15'],
    ]);
    expect(plan[0].title).toBe('Put in place 4.3 Scope');
    expect(plan[1].title).toBe('Complete 4.1 Context');
  });
});

describe('comparing assessments', () => {
  it('reports what improved and what slipped', () => {
    const before = ans([
      ['4.3', 'partial'],
      ['4.1', 'implemented'],
    ]);
    const after = ans([
      ['4.3', 'implemented'],
      ['4.1', 'partial'],
      ['5.2', 'not-started'],
      ['A.10.3', 'not-applicable'],
    ]);
    expect(compareAssessments(reqs, before, after)).toEqual([
      { requirementId: '4.3', before: 'partial', after: 'implemented', change: 'improved' },
      { requirementId: '4.1', before: 'implemented', after: 'partial', change: 'slipped' },
    ]);
  });

  it('orders ids numerically', () => {
    expect(['A.2.2', '10.1', '4.10', '4.2', '9.2.1'].sort(compareIds)).toEqual(['4.2', '4.10', '9.2.1', '10.1', 'A.2.2']);
  });
});

describe('answer links', () => {
  const records = new Map<string, LinkTarget>([
    ['ai-system:s1', { label: 'Chatbot', archived: false, linkable: true }],
    ['supplier:p1', { label: 'Acme', archived: true, linkable: true }],
    ['scope:v1', { label: 'Scope version 1', archived: true, linkable: true }],
    ['scope:d2', { label: 'Scope version 2', archived: false, linkable: false }],
  ]);
  const find = (l: LinkRef) => records.get(`${l.type}:${l.id}`);

  it('accepts own records, archived ones included', () => {
    expect(
      linkErrors(
        [
          { type: 'ai-system', id: 's1' },
          { type: 'supplier', id: 'p1' },
          { type: 'scope', id: 'v1' },
        ],
        find,
      ),
    ).toEqual([]);
  });

  it('names each unknown id, a scope draft and a repeated record by index', () => {
    expect(
      linkErrors(
        [
          { type: 'ai-system', id: 's1' },
          { type: 'supplier', id: 's1' },
          { type: 'scope', id: 'd2' },
          { type: 'ai-system', id: 's1' },
          { type: 'ai-system', id: 'other-org' },
        ],
        find,
      ),
    ).toEqual([
      { index: 1, message: 'is not a supplier of this organization' },
      { index: 2, message: 'is not an approved scope version of this organization' },
      { index: 3, message: 'repeats the record of links.0' },
      { index: 4, message: 'is not an AI system of this organization' },
    ]);
  });

  it('shows a link with its label, and one whose record is gone as archived', () => {
    expect(linkView({ type: 'supplier', id: 'p1' }, find({ type: 'supplier', id: 'p1' }))).toEqual({
      type: 'supplier',
      id: 'p1',
      label: 'Acme',
      archived: true,
    });
    expect(linkView({ type: 'ai-system', id: 'gone' }, undefined)).toEqual({
      type: 'ai-system',
      id: 'gone',
      label: 'AI system not found',
      archived: true,
    });
  });
});

describe('clauses always apply; reuse apart from new work; AI foundations first', () => {
  it('refuses "not-applicable" on a clause only', () => {
    expect(statusError('clause', 'not-applicable')).toMatch(/only Annex A controls can be excluded/);
    expect(statusError('annex-a', 'not-applicable')).toBeNull();
    expect(statusError('clause', 'partial')).toBeNull();
  });

  it('counts answers still as pre-filled as reuse, and partial or implemented others as AI-specific work', () => {
    const a = new Map<string, AnswerRef>([
      ['4.3', { requirementId: '4.3', status: 'implemented', maturity: null }],
      ['4.1', { requirementId: '4.1', status: 'partial', maturity: null, prefilled: true }],
      ['5.2', { requirementId: '5.2', status: 'not-started', maturity: null }],
      ['A.10.3', { requirementId: 'A.10.3', status: 'partial', maturity: null }],
      ['A.4.2', { requirementId: 'A.4.2', status: 'not-applicable', maturity: null }],
    ]);
    expect(progress(reqs, a)).toEqual({
      reusedFromIsms: 1,
      aiSpecificInPlace: 2,
      aiSpecificImplemented: 1,
      notApplicable: 1,
      carriedOver: 0,
      total: 5,
    });
  });

  it('counts carried-over answers apart, still by what they say, until a person saves them', () => {
    const a = new Map<string, AnswerRef>([
      ['4.3', { requirementId: '4.3', status: 'implemented', maturity: null, carriedOver: true }],
      ['4.1', { requirementId: '4.1', status: 'partial', maturity: null, prefilled: true, carriedOver: true }],
      ['5.2', { requirementId: '5.2', status: 'partial', maturity: null }],
    ]);
    expect(progress(reqs, a)).toMatchObject({ reusedFromIsms: 1, aiSpecificInPlace: 2, carriedOver: 2 });
    const copied = '2026-04-01T10:00:00.000Z';
    expect(isCarriedOver({ carried_over_at: copied, updated_at: copied })).toBe(true);
    expect(isCarriedOver({ carried_over_at: copied, updated_at: '2026-04-02T09:00:00.000Z' })).toBe(false);
    expect(isCarriedOver({ carried_over_at: null, updated_at: copied })).toBe(false);
  });

  it('puts the AI policy, risk criteria and method and the impact assessment first, even when started', () => {
    const all: RequirementRef[] = [
      ...reqs,
      { id: '6.1.1', title: 'Risk criteria', kind: 'clause', group: '6', groupTitle: 'Planning', reviewAreas: [] },
      { id: '6.1.2', title: 'AI risk method', kind: 'clause', group: '6', groupTitle: 'Planning', reviewAreas: [] },
      { id: '6.1.4', title: 'Impact method', kind: 'clause', group: '6', groupTitle: 'Planning', reviewAreas: [] },
      { id: '8.4', title: 'Impact assessments', kind: 'clause', group: '8', groupTitle: 'Operation', reviewAreas: [] },
    ];
    const plan = planActions(all, ans([['6.1.1', 'partial', 1]]), '2026-01-15');
    expect(plan.slice(0, 5).map((p) => [p.requirementId, p.priority])).toEqual([
      ['5.2', 1],
      ['6.1.1', 1],
      ['6.1.2', 1],
      ['6.1.4', 1],
      ['8.4', 1],
    ]);
    // then the Stage 1 failure points
    expect(plan[5]).toMatchObject({ requirementId: '4.3', priority: 1 });
    // implemented, it drops out of the plan
    expect(planActions(all, ans([['5.2', 'implemented']]), '2026-01-15')[0].requirementId).toBe('6.1.1');
  });
});
