import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/catalogue/index.js';
import { JOURNEY_STEPS as SERVER_STEPS } from '../../src/modules/home/home.steps.js';
import { JOURNEY_STEPS as WEB_STEPS } from '../../web/src/app/journey/steps.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';
import { type QueryLog, recordQueries } from '../support/query-log.js';

const REVIEW = {
  customerDataTraining: { answer: 'no' },
  modelChangeNotification: { answer: 'yes' },
  dataLocation: { answer: 'yes' },
  incidentNotification: { answer: 'partial' },
  certificationsHeld: { answer: 'unknown' },
  contractReviewed: { answer: 'yes' },
};

/** Approves the scope draft, giving a reason for each open warning when approval asks for one. */
async function approveScope(client: Client, orgId: string) {
  const url = `/api/v1/orgs/${orgId}/scope/draft/approve`;
  const first = await client.post(url, {});
  if (first.status !== 400) return first;
  const draft = (await client.get(`/api/v1/orgs/${orgId}/scope`)).body.draft;
  const exceptions = draft.checks
    .filter((c: { severity: string }) => c.severity === 'warning')
    .map((c: { code: string; field: string }) => ({ code: c.code, field: c.field, reason: 'Accepted for the test' }));
  return client.post(url, { exceptions });
}

function shiftDays(days: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

it('reports the same 14 steps as the web app, in the same order', () => {
  expect(SERVER_STEPS.map((s) => [s.id, s.title])).toEqual(WEB_STEPS.map((s) => [s.slug, s.title]));
});

describe.each(testDialects())('home: the journey at a glance (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let viewer: Client;
  let orgId: string;
  let userId: string;
  let assessmentId: string;
  let log: QueryLog;
  const url = (path: string) => `/api/v1/orgs/${orgId}${path}`;
  const today = shiftDays(0);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId } = await setupOwner(t.app));
    // scope: v1 approved, then v2 approved
    for (const boundaryStatement of ['Support chatbot', 'Support chatbot and triage']) {
      expect((await owner.put(url('/scope/draft'), { content: { ...emptyContent(), boundaryStatement } })).status).toBe(200);
      expect((await approveScope(owner, orgId)).status).toBe(200);
    }
    // gap assessment: half the requirements answered, the first one a partial answer the owner owns
    assessmentId = (await owner.post(url('/gap-assessments'), { title: 'Baseline', assessmentDate: today })).body.id;
    const half = REQUIREMENTS.slice(0, REQUIREMENTS.length / 2);
    for (const [i, req] of half.entries()) {
      const body = i === 0 ? { status: 'partial', maturity: 2, owner: { userId } } : { status: 'implemented', maturity: 3 };
      expect((await owner.put(url(`/gap-assessments/${assessmentId}/answers/${req.id}`), body)).status).toBe(200);
    }
    const plan = (await owner.post(url(`/gap-assessments/${assessmentId}/action-plan`), {})).body.items;
    expect(plan.length).toBeGreaterThan(0);
    const patched = await owner.patch(url(`/gap-actions/${plan[0].id}`), { owner: { userId }, dueDate: shiftDays(-3) });
    expect(patched.status).toBe(200);
    // inventory: three systems with nothing but a name
    for (const name of ['Support chatbot', 'Fraud scoring', 'CV screening']) {
      expect((await owner.post(url('/ai-systems'), { name })).status).toBe(201);
    }
    // suppliers: one the owner reviewed, due again in ten days; one never reviewed
    const reviewed = (await owner.post(url('/suppliers'), { name: 'Anthropic', kinds: ['api'] })).body.id;
    const review = await owner.post(url(`/suppliers/${reviewed}/reviews`), {
      reviewDate: shiftDays(-30),
      answers: REVIEW,
      riskRating: 'Medium',
      nextReviewDate: shiftDays(10),
    });
    expect(review.status).toBe(201);
    expect((await owner.post(url('/suppliers'), { name: 'Acme Data' })).status).toBe(201);

    await addMember(owner, t.app, orgId, { email: 'viewer@example.com', role: 'viewer', name: 'Vera' });
    viewer = await signIn(t.app, 'viewer@example.com');
    log = recordQueries(t.database.db);
  });
  afterAll(() => t.close());

  it('computes each step state with its reason', async () => {
    const res = await owner.get(url('/home'));
    expect(res.status).toBe(200);
    const steps = res.body.steps;
    expect(steps).toHaveLength(14);
    expect(steps.slice(0, 3)).toEqual([
      { id: 'scope', number: 1, title: 'Define scope', state: 'done', reason: `Scope v2 approved on ${today}` },
      {
        id: 'gap-assessment',
        number: 2,
        title: 'Gap assessment',
        state: 'in-progress',
        reason: `${half()} of ${REQUIREMENTS.length} requirements answered in “Baseline”`,
      },
      {
        id: 'ai-system-inventory',
        number: 3,
        title: 'AI system inventory',
        state: 'in-progress',
        reason: '3 AI systems; 12 inventory flags to resolve; 1 supplier never reviewed',
      },
    ]);
    // the live registers held so far (scope, inventory, roles...) count; nothing else is written yet
    expect(steps[3]).toMatchObject({ id: 'documentation', state: 'in-progress' });
    expect(steps[3].reason).toMatch(/^\d+ of 18 core documents in force; .*\d+ missing/);
    expect(steps[4]).toMatchObject({ id: 'controls', state: 'not-started', reason: 'No Statement of Applicability yet' });
    // the seven starting training topics apply to every member; nobody has taken one yet
    expect(steps[5]).toMatchObject({ id: 'training', state: 'not-started' });
    expect(steps[5].reason).toMatch(/^No training on record yet; \d+ trainings required$/);
    expect(steps.slice(6, 8).map((s: { id: string; state: string; reason: string }) => [s.id, s.state, s.reason])).toEqual([
      ['internal-audit', 'not-started', 'No internal audit planned yet'],
      ['management-review', 'not-started', 'No management review yet'],
    ]);
    expect(steps[11]).toMatchObject({ id: 'corrective-actions', state: 'not-started', reason: 'No nonconformities recorded' });
    expect(steps.slice(8).map((s: { id: string; state: string }) => [s.id, s.state])).toEqual([
      ['certification-body', 'not-started'],
      ['stage-1-audit', 'not-started'],
      ['stage-2-audit', 'not-started'],
      ['corrective-actions', 'not-started'],
      ['certification-decision', 'not-started'],
      ['surveillance', 'not-started'],
    ]);
  });

  it('ranks the next best actions, each a link', async () => {
    const { nextActions } = (await owner.get(url('/home'))).body;
    expect(nextActions.map((a: { title: string; href: string }) => [a.title, a.href])).toEqual([
      [
        `Answer the gap assessment's remaining ${REQUIREMENTS.length - half()} requirements`,
        `/orgs/${orgId}/gap-assessment/${assessmentId}/answer?filter=unanswered`,
      ],
      ['Give owners to 3 AI systems', `/orgs/${orgId}/inventory?missing=owner`],
      ['Give risk ratings to 3 AI systems', `/orgs/${orgId}/inventory?missing=risk`],
      ['Review 1 supplier never reviewed', `/orgs/${orgId}/suppliers`],
      ['Catch up on 1 overdue gap action', `/orgs/${orgId}/gap-assessment/${assessmentId}/actions`],
    ]);
  });

  it("lists what is due for the signed-in person, and nothing of someone else's", async () => {
    const { due } = (await owner.get(url('/home'))).body;
    expect(due.map((d: { kind: string; detail: string }) => [d.kind, d.detail])).toEqual([
      ['gap-action', `Overdue since ${shiftDays(-3)}`],
      ['supplier-review', `Due ${shiftDays(10)}`],
      ['training', 'Required for your roles or team: TRN-001, TRN-002, TRN-003, TRN-004, TRN-005, TRN-006, TRN-007'],
      ['gap-answer', 'Answered as partly in place in “Baseline”'],
    ]);
    expect(due[1]).toMatchObject({ title: 'Review supplier Anthropic', overdue: false });
    expect(due[2]).toMatchObject({ title: 'Take 7 required trainings', href: `/orgs/${orgId}/training` });
    expect(due[3].href).toBe(
      `/orgs/${orgId}/gap-assessment/${assessmentId}/answer?req=${encodeURIComponent(REQUIREMENTS[0].id)}`,
    );
    // the viewer's own trainings, nothing of the owner's
    expect((await viewer.get(url('/home'))).body.due.map((d: { kind: string }) => d.kind)).toEqual(['training']);
  });

  it('shows recent changes with names and people to the audit roles, and only what changed to others', async () => {
    const full = (await owner.get(url('/home'))).body;
    expect(full.recentDetail).toBe('full');
    expect(full.recent).toHaveLength(10);
    expect(full.recent[0]).toMatchObject({
      text: 'Membership “Vera” added',
      // the membership is made by the invitee accepting
      actor: 'viewer@example.com',
      href: `/orgs/${orgId}/members`,
    });
    expect(full.recent[1]).toMatchObject({ text: 'Supplier “Acme Data” added', actor: 'lead@example.com' });

    const summary = (await viewer.get(url('/home'))).body;
    expect(summary.recentDetail).toBe('summary');
    expect(summary.recent[0]).toMatchObject({ text: 'Membership added', actor: null });
    expect(summary.recent[1]).toMatchObject({ text: 'Supplier added', actor: null });
    expect(summary.recent.every((r: { actor: string | null }) => r.actor === null)).toBe(true);
  });

  it('answers in a fixed number of statements, however much the organization holds', async () => {
    // The session's statement is left out of the count: the auth cache may serve it or not.
    const own = () => log.statements.filter((s) => !/from "sessions"/.test(s));
    log.reset();
    expect((await owner.get(url('/home'))).status).toBe(200);
    const before = own().length;
    for (const name of ['Pricing model', 'Forecasting', 'Translation']) await owner.post(url('/ai-systems'), { name });
    await owner.post(url('/suppliers'), { name: 'Globex' });
    log.reset();
    expect((await owner.get(url('/home'))).status).toBe(200);
    expect(own().length).toBe(before);
    // 3 for the session and membership check; the rest are the modules' own summaries
    // (scope overview, inventory summary, supplier review summary), the latest gap
    // assessment with its answers and actions, supplier reviews due, recent changes
    // (26 in all before issue 12), and since issue 12 the core document set with its
    // live records, the current SoA with its risk and evidence counts per control,
    // documents and evidence due (80), and since issue 13 the training matrix (twice:
    // the organization's summary and the person's own), monitoring, incidents and
    // concerns summaries and what is due of each (96), and since issue 14 internal audits,
    // management reviews and nonconformities, each summary and due list (109), and since
    // issue 15 the certification bodies, audits and certificate summaries for steps 9 to 14:
    // 116 when this was written, run side by side.
    expect(log.statements.length, log.statements.join('\n')).toBeLessThanOrEqual(122);
  });

  function half() {
    return REQUIREMENTS.length / 2;
  }
});
