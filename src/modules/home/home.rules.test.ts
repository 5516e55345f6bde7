import { describe, expect, it } from 'vitest';
import { describeChange } from './home.changes.rules.js';
import { dueForPerson } from './home.due.rules.js';
import type { CertificationFacts } from './home.certification.js';
import { nextActions } from './home.actions.js';
import { type HomeFacts, journeySteps } from './home.rules.js';

const ORG = 'org-1';
const none = { owner: 0, risk: 0, monitoring: 0, supplier: 0, review: 0 };

function facts(patch: Partial<HomeFacts> = {}): HomeFacts {
  return {
    orgId: ORG,
    today: '2026-11-10',
    scope: { approved: null, draft: null },
    gap: null,
    inventory: { total: 0, missing: { ...none }, duplicateGroups: 0 },
    suppliers: { total: 0, neverReviewed: 0, overdue: 0 },
    ...patch,
  };
}

const gapInProgress = (answered: number): NonNullable<HomeFacts['gap']> => ({
  assessmentId: 'a1',
  title: 'Baseline',
  status: 'in-progress',
  answered,
  total: 70,
  score: 20,
  actions: [],
});

/** The certification summaries of an organization that has not begun steps 9 to 14, with a patch. */
function certification(patch: Partial<CertificationFacts> = {}): CertificationFacts {
  return {
    bodies: { candidates: 0, chosen: null, warnings: 0 },
    audits: {
      latest: { 'stage-1': null, 'stage-2': null, surveillance: null, recertification: null, special: null },
      openFindings: { major: 0, minor: 0 },
      openRequests: 0,
    },
    certificate: { certificate: null, decision: null, nextDue: null },
    ...patch,
  };
}

const audit = (type: 'stage-1' | 'stage-2' | 'surveillance', status: 'planned' | 'completed', outcome: string | null) => ({
  id: `${type}-id`,
  number: type === 'stage-1' ? 'CA-001' : type === 'stage-2' ? 'CA-002' : 'CA-003',
  type,
  status,
  startDate: '2026-09-01',
  endDate: '2026-09-02',
  outcome,
});

describe('journeySteps', () => {
  it('says every step has not started, and the unbuilt ones so, for a new organization', () => {
    const steps = journeySteps(facts());
    expect(steps).toHaveLength(14);
    expect(steps.slice(0, 3).map((s) => [s.state, s.reason])).toEqual([
      ['not-started', 'No scope drafted yet'],
      ['not-started', 'No gap assessment yet'],
      ['not-started', 'No AI systems in the inventory yet'],
    ]);
    expect(steps.slice(3, 5).map((s) => [s.state, s.reason])).toEqual([
      ['not-started', 'None of the core AIMS documents is held yet'],
      ['not-started', 'No Statement of Applicability yet'],
    ]);
    expect(steps[5]).toMatchObject({ id: 'training', state: 'not-started', reason: 'No training topics yet' });
    expect(steps.slice(6, 8).map((s) => [s.state, s.reason])).toEqual([
      ['not-started', 'No internal audit planned yet'],
      ['not-started', 'No management review yet'],
    ]);
    expect(steps[11]).toMatchObject({ id: 'corrective-actions', state: 'not-started', reason: 'No nonconformities recorded' });
    expect(steps.slice(8, 11).map((s) => s.reason)).toEqual([
      'No certification body compared yet',
      'No Stage 1 audit planned yet',
      'No Stage 2 audit planned yet',
    ]);
    expect(steps.slice(12).map((s) => s.reason)).toEqual(['No certification decision yet', 'Starts with a valid certificate']);
    expect(steps.every((s) => s.state === 'not-started')).toBe(true);
    expect(steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('judges steps 9 to 14 on the certification bodies, audits and certificate', () => {
    const judge = (c: CertificationFacts) =>
      journeySteps(facts({ certification: c }))
        .slice(8)
        .map((s) => [s.state, s.reason]);
    const comparing = certification({ bodies: { candidates: 2, chosen: null, warnings: 1 } });
    expect(judge(comparing)[0]).toEqual(['in-progress', '2 candidate bodies compared, none chosen; 1 warning to look at']);
    const chosen = {
      id: 'b1',
      name: 'Acme Cert',
      accreditedForIso42001: true,
      accreditationBody: 'UKAS',
      iafMlaSignatory: true,
      verificationRoute: null,
    };
    const stage1Failed = certification({
      bodies: { candidates: 2, chosen, warnings: 0 },
      audits: {
        ...certification().audits,
        latest: { ...certification().audits.latest, 'stage-1': audit('stage-1', 'completed', 'not-ready') },
      },
    });
    expect(judge(stage1Failed).slice(0, 2)).toEqual([
      ['done', 'Acme Cert chosen (accredited for ISO/IEC 42001)'],
      ['in-progress', 'CA-001 held 2026-09-01 to 2026-09-02: not ready'],
    ]);
    const stage2 = certification({
      bodies: { candidates: 1, chosen, warnings: 0 },
      audits: {
        latest: {
          ...certification().audits.latest,
          'stage-1': audit('stage-1', 'completed', 'ready-for-stage-2'),
          'stage-2': audit('stage-2', 'completed', 'recommended-after-corrections'),
        },
        openFindings: { major: 0, minor: 1 },
        openRequests: 0,
      },
      certificate: { certificate: null, decision: null, nextDue: null },
    });
    expect(judge(stage2).slice(1, 3)).toEqual([
      ['done', 'CA-001 held 2026-09-01 to 2026-09-02'],
      ['done', 'CA-002 held 2026-09-01 to 2026-09-02; 1 finding with an open nonconformity'],
    ]);
    const certified = certification({
      ...stage2,
      certificate: {
        certificate: {
          id: 'c1',
          certificateNumber: 'AIMS-001',
          status: 'valid',
          issueDate: '2026-10-01',
          expiryDate: '2029-09-30',
          issuingBody: 'Acme Cert',
          published: true,
          scopeChangedSinceCertification: true,
        },
        decision: { id: 'd1', outcome: 'granted', decidedOn: '2026-10-01' },
        nextDue: { kind: 'surveillance', number: 1, dueBy: '2026-11-01' },
      },
    });
    expect(judge(certified).slice(4)).toEqual([
      ['done', 'Certificate AIMS-001 valid, issued 2026-10-01, expires 2029-09-30'],
      ['in-progress', 'Surveillance 1 overdue since 2026-11-01; scope changed since certification: tell the certification body'],
    ]);
    // what changed and what is late is flagged, the scope change first
    const actions = nextActions(facts({ certification: certified }), 20).map((a) => [a.title, a.href]);
    expect(actions.filter(([, href]) => /certificates|surveillance/.test(href))).toEqual([
      ['Tell the certification body the scope changed', '/orgs/org-1/certificates/c1'],
      ['Surveillance audit overdue', '/orgs/org-1/surveillance'],
    ]);
    const granted = certification({
      ...stage2,
      certificate: { ...certification().certificate, decision: { id: 'd1', outcome: 'granted', decidedOn: '2026-10-01' } },
    });
    expect(judge(granted)[4]).toEqual(['in-progress', 'Decision granted on 2026-10-01; certificate not recorded yet']);
  });

  it('judges the internal audit, the management review and the corrective actions on their registers', () => {
    const steps = journeySteps(
      facts({
        audits: { planned: 1, inProgress: 0, reported: 1, lastReportedAt: '2026-10-01T10:00:00Z' },
        reviews: { lastApprovedAt: null, nextPlanned: '2026-12-15', openActions: 0, overdueActions: 0, topManagementSet: true },
        nonconformities: {
          open: 2,
          planOverdue: 1,
          evidenceOverdue: 0,
          awaitingEffectiveness: 1,
          closedLast12Months: 3,
          correctiveActionsOverdue: 0,
        },
      }),
    );
    expect([steps[6], steps[7], steps[11]].map((s) => [s.state, s.reason])).toEqual([
      ['done', 'Last audit reported on 2026-10-01; 1 audit planned'],
      ['in-progress', 'Review planned for 2026-12-15'],
      [
        'in-progress',
        '2 nonconformities open; 1 without a corrective action past the plan date; 1 waiting for the effectiveness check',
      ],
    ]);
    const closed = journeySteps(
      facts({
        nonconformities: {
          open: 0,
          planOverdue: 0,
          evidenceOverdue: 0,
          awaitingEffectiveness: 0,
          closedLast12Months: 3,
          correctiveActionsOverdue: 0,
        },
      }),
    );
    expect(closed[11]).toMatchObject({ state: 'done', reason: '3 nonconformities closed in the last 12 months, none open' });
  });

  it('judges training done when every member has every required training and no refresher is overdue', () => {
    const t = { topics: 7, people: 4, required: 28, complete: 0, missing: 28, overdue: 0, peopleFullyTrained: 0 };
    expect(journeySteps(facts({ training: t }))[5]).toMatchObject({
      state: 'not-started',
      reason: 'No training on record yet; 28 trainings required',
    });
    expect(
      journeySteps(facts({ training: { ...t, complete: 25, missing: 2, overdue: 1, peopleFullyTrained: 2 } }))[5],
    ).toMatchObject({
      state: 'in-progress',
      reason: '2 of 4 members fully trained; 2 required trainings not taken; 1 refresher overdue',
    });
    expect(journeySteps(facts({ training: { ...t, complete: 28, missing: 0, peopleFullyTrained: 4 } }))[5]).toMatchObject({
      state: 'done',
      reason: '4 of 4 members fully trained',
    });
  });

  it('gives the reason in words for each built step', () => {
    const steps = journeySteps(
      facts({
        scope: { approved: { version: 2, approvedAt: '2026-11-03T10:00:00.000Z' }, draft: null },
        gap: gapInProgress(27),
        inventory: { total: 5, missing: { ...none, owner: 3, risk: 4 }, duplicateGroups: 0 },
      }),
    );
    expect(steps[0]).toMatchObject({ state: 'done', reason: 'Scope v2 approved on 2026-11-03' });
    expect(steps[1]).toMatchObject({ state: 'in-progress', reason: '27 of 70 requirements answered in “Baseline”' });
    expect(steps[2]).toMatchObject({ state: 'in-progress', reason: '5 AI systems; 7 inventory flags to resolve' });
  });

  it('calls the inventory done only with no flags and every supplier review up to date', () => {
    const clean = { total: 2, missing: { ...none }, duplicateGroups: 0 };
    expect(journeySteps(facts({ inventory: clean, suppliers: { total: 1, neverReviewed: 0, overdue: 0 } }))[2]).toMatchObject({
      state: 'done',
      reason: '2 AI systems; no inventory flags; supplier reviews up to date',
    });
    expect(journeySteps(facts({ inventory: clean, suppliers: { total: 1, neverReviewed: 0, overdue: 1 } }))[2]).toMatchObject({
      state: 'in-progress',
      reason: '2 AI systems; no inventory flags; 1 supplier review overdue',
    });
  });

  it('calls the gap assessment done when it is completed, and a draft scope in progress', () => {
    const steps = journeySteps(
      facts({
        scope: { approved: null, draft: { version: 1, warnings: 2 } },
        gap: { ...gapInProgress(70), status: 'completed', score: 64 },
      }),
    );
    expect(steps[0]).toMatchObject({ state: 'in-progress', reason: 'Scope draft v1 not approved yet (2 checks to look at)' });
    expect(steps[1]).toMatchObject({
      state: 'done',
      reason: '“Baseline” completed: 70 of 70 requirements answered, overall score 64%',
    });
  });
});

describe('nextActions', () => {
  it('starts a new organization with the scope, the gap assessment and the inventory, in that order', () => {
    expect(nextActions(facts()).map((a) => [a.title, a.href])).toEqual([
      ['Draft the AIMS scope', '/orgs/org-1/scope'],
      ['Start a gap assessment', '/orgs/org-1/gap-assessment'],
      ['List your AI systems in the inventory', '/orgs/org-1/inventory'],
    ]);
  });

  it('puts approving the scope before answering the assessment, then owners, risk and suppliers', () => {
    const actions = nextActions(
      facts({
        scope: { approved: null, draft: { version: 1, warnings: 0 } },
        gap: gapInProgress(35),
        inventory: { total: 4, missing: { ...none, owner: 2, risk: 1, monitoring: 4 }, duplicateGroups: 1 },
        suppliers: { total: 3, neverReviewed: 1, overdue: 2 },
      }),
    );
    expect(actions.map((a) => a.title)).toEqual([
      'Approve the scope draft',
      "Answer the gap assessment's remaining 35 requirements",
      'Give owners to 2 AI systems',
      'Give risk ratings to 1 AI system',
      'Review 2 overdue suppliers',
    ]);
    expect(actions[1].href).toBe('/orgs/org-1/gap-assessment/a1/answer?filter=unanswered');
    expect(actions[2].href).toBe('/orgs/org-1/inventory?missing=owner');
    expect(actions[4].href).toBe('/orgs/org-1/suppliers?overdue=true');
    expect(nextActions(facts(), 2)).toHaveLength(2);
  });

  it('judges the documentation by the core set in force, and the controls by implementation and valid evidence', () => {
    const steps = journeySteps(
      facts({
        documents: { coreTotal: 18, held: 12, inForce: 9, reviewOverdue: 1, inReview: 2 },
        controls: { soaStarted: true, applicable: 31, implemented: 20, evidenced: 12 },
      }),
    );
    expect(steps[3]).toMatchObject({
      state: 'in-progress',
      reason: '9 of 18 core documents in force; 3 held but not in force yet; 6 missing; 2 documents in review; 1 review overdue',
    });
    expect(steps[4]).toMatchObject({
      state: 'in-progress',
      reason: '20 of 31 applicable controls implemented; 12 with valid evidence',
    });
    const complete = journeySteps(
      facts({
        documents: { coreTotal: 18, held: 18, inForce: 18, reviewOverdue: 0, inReview: 0 },
        controls: { soaStarted: true, applicable: 31, implemented: 31, evidenced: 31 },
      }),
    );
    expect(complete.slice(3, 5).map((s) => s.state)).toEqual(['done', 'done']);
    // an overdue review keeps the documentation open even with every document in force
    const overdue = journeySteps(facts({ documents: { coreTotal: 18, held: 18, inForce: 18, reviewOverdue: 1, inReview: 0 } }));
    expect(overdue[3].state).toBe('in-progress');
  });

  it('counts overdue gap actions, and points at steps 4 to 6 once steps 1 to 3 need nothing', () => {
    const done = facts({
      scope: { approved: { version: 1, approvedAt: '2026-01-01T00:00:00Z' }, draft: null },
      gap: {
        ...gapInProgress(70),
        status: 'completed',
        actions: [
          { status: 'open', dueDate: '2026-11-01' },
          { status: 'done', dueDate: '2026-10-01' },
          { status: 'open', dueDate: '2026-12-01' },
        ],
      },
      inventory: { total: 1, missing: { ...none }, duplicateGroups: 0 },
    });
    expect(nextActions(done).map((a) => a.title)).toEqual(['Catch up on 1 overdue gap action']);
    const clean = { ...done, gap: done.gap && { ...done.gap, actions: [] }, certification: certification() };
    expect(nextActions(clean).map((a) => [a.title, a.href])).toEqual([
      ['Compare certification bodies', '/orgs/org-1/certification-bodies'],
    ]);
    const toDo = nextActions({
      ...clean,
      documents: { coreTotal: 18, held: 10, inForce: 8, reviewOverdue: 0, inReview: 0 },
      controls: { soaStarted: true, applicable: 30, implemented: 25, evidenced: 5 },
    });
    expect(toDo.map((a) => [a.title, a.href])).toEqual([
      ['Write or upload 8 missing core documents', '/orgs/org-1/documents'],
      ['Bring 2 core documents into force', '/orgs/org-1/documents'],
      ['Implement 5 applicable controls', '/orgs/org-1/soa'],
      ['Collect evidence for 25 applicable controls', '/orgs/org-1/evidence/coverage'],
    ]);
    // what is wrong now (an incident nobody was told of, concerns, breaches) comes before what is missing
    const operating = nextActions(
      {
        ...clean,
        training: { topics: 7, people: 4, required: 28, complete: 20, missing: 6, overdue: 2, peopleFullyTrained: 1 },
        operation: {
          metrics: 0,
          systemsMonitored: 0,
          openBreaches: 2,
          reviewsOverdue: 1,
          openIncidents: 3,
          incidentsNotEscalated: 1,
          concernsToTriage: 1,
        },
      },
      10,
    );
    expect(operating.map((a) => [a.title, a.href])).toEqual([
      ['Escalate 1 open AI incident', '/orgs/org-1/incidents?flag=not-escalated'],
      ['Triage 1 concern raised about AI systems', '/orgs/org-1/concerns'],
      ['Act on 2 open threshold breaches', '/orgs/org-1/monitoring?state=breached'],
      ['Set up monitoring metrics for your AI systems', '/orgs/org-1/monitoring'],
      ['Review 1 monitoring metric past its review date', '/orgs/org-1/monitoring?state=review-overdue'],
      ['Record 6 missing trainings', '/orgs/org-1/training'],
      ['Renew 2 trainings past the refresher date', '/orgs/org-1/training'],
    ]);
  });
});

describe('dueForPerson', () => {
  const me = { userId: 'u1' };
  const other = { userId: 'u2' };
  it('gathers untaken trainings into one item, and dates breaches, incidents and concerns since they began', () => {
    const due = dueForPerson({
      orgId: ORG,
      userId: 'u1',
      today: '2026-11-10',
      until: '2026-12-10',
      gap: null,
      supplierReviews: [],
      training: [
        { topicId: 't1', number: 'TRN-001', title: 'Scope', state: 'missing', expiresOn: null },
        { topicId: 't2', number: 'TRN-002', title: 'Policy', state: 'missing', expiresOn: null },
        { topicId: 't3', number: 'TRN-003', title: 'Risks', state: 'overdue', expiresOn: '2026-11-01' },
      ],
      monitoring: [{ kind: 'monitoring-breach', id: 'b1', metricId: 'm1', title: 'Accuracy', since: '2026-11-08T10:00:00Z' }],
      incidents: [
        { id: 'i1', number: 'INC-001', title: 'Wrong advice', severity: 'high', status: 'open', since: '2026-11-09T08:00:00Z' },
      ],
      concerns: [{ id: 'c1', number: 'CON-001', raisedAt: '2026-11-07T08:00:00Z', aiSystemName: 'Support bot' }],
    });
    expect(due.map((d) => [d.kind, d.title, d.detail, d.overdue])).toEqual([
      ['training', 'Renew training TRN-003 Risks', 'Expired on 2026-11-01', true],
      ['concern-triage', 'Triage concern CON-001 about Support bot', 'Raised on 2026-11-07', false],
      ['monitoring-breach', 'Threshold breached: Accuracy', 'Beyond its threshold since 2026-11-08', false],
      ['incident', 'Incident INC-001 Wrong advice', 'High severity, open; escalated to you on 2026-11-09', false],
      ['training', 'Take 2 required trainings', 'Required for your roles or team: TRN-001, TRN-002', false],
    ]);
    expect(due.map((d) => d.href)).toEqual([
      '/orgs/org-1/training',
      '/orgs/org-1/concerns/c1',
      '/orgs/org-1/monitoring/metrics/m1',
      '/orgs/org-1/incidents/i1',
      '/orgs/org-1/training',
    ]);
  });

  it('lists my open actions and reviews by date, overdue first, then my answers still a gap', () => {
    const due = dueForPerson({
      orgId: ORG,
      userId: 'u1',
      today: '2026-11-10',
      until: '2026-12-10',
      gap: {
        assessmentId: 'a1',
        title: 'Baseline',
        status: 'in-progress',
        actions: [
          { id: 'x1', title: 'Write the AI policy', owner: me, dueDate: '2026-11-20', status: 'open', requirementId: '5.2' },
          { id: 'x2', title: 'Risk method', owner: me, dueDate: '2026-11-01', status: 'in-progress', requirementId: '6.1.2' },
          { id: 'x3', title: 'Not mine', owner: other, dueDate: '2026-11-01', status: 'open', requirementId: '7.2' },
          { id: 'x4', title: 'Done', owner: me, dueDate: '2026-11-01', status: 'done', requirementId: '7.3' },
          { id: 'x5', title: 'Far off', owner: me, dueDate: '2027-03-01', status: 'open', requirementId: '7.4' },
        ],
        answers: [
          { requirementId: '4.3', requirementTitle: 'Scope', status: 'partial', owner: me },
          { requirementId: '4.4', requirementTitle: 'AIMS', status: 'implemented', owner: me },
          { requirementId: '4.1', requirementTitle: 'Context', status: 'not-started', owner: other },
        ],
      },
      supplierReviews: [
        { id: 's1', name: 'Anthropic', nextReviewDate: '2026-11-15', lastReviewerUserId: 'u1' },
        { id: 's2', name: 'Other', nextReviewDate: '2026-11-01', lastReviewerUserId: 'u2' },
      ],
    });
    expect(due.map((d) => [d.title, d.detail])).toEqual([
      ['Gap action: Risk method', 'Overdue since 2026-11-01'],
      ['Review supplier Anthropic', 'Due 2026-11-15'],
      ['Gap action: Write the AI policy', 'Due 2026-11-20'],
      ['Your answer to 4.3 Scope', 'Answered as partly in place in “Baseline”'],
    ]);
    expect(due[3].href).toBe('/orgs/org-1/gap-assessment/a1/answer?req=4.3');
  });

  it('asks the assessor or system owner to reassess an impact: now after a material change, else by its review date', () => {
    const base = { orgId: ORG, userId: 'u1', today: '2026-11-10', until: '2026-12-10', gap: null, supplierReviews: [] };
    const due = dueForPerson({
      ...base,
      reassessments: [
        {
          id: 'i1',
          systemName: 'Credit scoring',
          reasons: ['Life-cycle stage changed from development to deployment'],
          nextReviewDate: '2027-06-01',
          draftId: null,
          userIds: ['u1'],
        },
        { id: 'i2', systemName: 'Chatbot', reasons: [], nextReviewDate: '2026-12-01', draftId: 'd2', userIds: ['u1', 'u2'] },
        { id: 'i3', systemName: 'Not mine', reasons: ['Purpose changed'], nextReviewDate: null, draftId: null, userIds: ['u2'] },
        {
          id: 'i4',
          systemName: 'Forecaster',
          reasons: ['Review was due on 2026-11-01'],
          nextReviewDate: '2026-11-01',
          draftId: null,
          userIds: ['u1'],
        },
      ],
    });
    expect(due.map((d) => [d.title, d.detail, d.overdue])).toEqual([
      ['Reassess the impact of Forecaster', 'Review was due on 2026-11-01', true],
      ['Reassess the impact of Credit scoring', 'Life-cycle stage changed from development to deployment', false],
      ['Finish the reassessment of Chatbot', 'Due 2026-12-01', false],
    ]);
    expect(due.map((d) => d.href)).toEqual([
      '/orgs/org-1/impact-assessments/i4',
      '/orgs/org-1/impact-assessments/i1',
      '/orgs/org-1/impact-assessments/d2/edit',
    ]);
  });
});

describe('describeChange', () => {
  const row = {
    id: 'e1',
    at: '2026-11-03T10:00:00.000Z',
    actor: 'lead@example.com',
    entityType: 'ai_system',
    entityId: 'sys1',
    action: 'update',
    before: { name: 'Chatbot' },
    after: { name: 'Support chatbot' },
  };
  it('names the record and the person for a role that reads the audit log', () => {
    expect(describeChange(ORG, row, true)).toEqual({
      id: 'e1',
      at: row.at,
      text: 'AI system “Support chatbot” changed',
      actor: 'lead@example.com',
      href: '/orgs/org-1/inventory/sys1',
    });
  });
  it('says only what kind of record changed and when for other roles', () => {
    expect(describeChange(ORG, row, false)).toEqual({
      id: 'e1',
      at: row.at,
      text: 'AI system changed',
      actor: null,
      href: '/orgs/org-1/inventory/sys1',
    });
    expect(
      describeChange(ORG, { ...row, entityType: 'scope', action: 'approve', after: { version: 2, content: {} } }, false).text,
    ).toBe('Scope v2 approved');
    expect(describeChange(ORG, { ...row, entityType: 'gap_answer', entityId: 'a1:4.3', action: 'create' }, false)).toMatchObject({
      text: 'Gap answer 4.3 added',
      href: '/orgs/org-1/gap-assessment/a1/answer?req=4.3',
    });
  });
});
