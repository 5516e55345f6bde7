import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';

// The gap assessment shows what the operation modules hold beside the
// requirements they evidence: training beside 7.2 and 7.3, monitoring beside
// 9.1 and A.6.2.6, incidents and concerns beside A.3.3 and A.8.x.
describe.each(testDialects())('gap facts from training, monitoring, incidents and concerns (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  async function factsOf() {
    const a = await owner.post(org('/gap-assessments'), { title: `Baseline ${Math.random()}`, assessmentDate: '2026-01-15' });
    expect(a.status).toBe(201);
    return factsBeside(owner, orgId, a.body.id);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    orgId = (await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) })).body.id;
  });
  afterAll(() => t.close());

  it('says nobody is trained, nothing is monitored and no incident is open in a new organization', async () => {
    const facts = await factsOf();
    expect(facts('7.2')).toEqual([
      '7 training topics; 0 of 1 member have every training their roles and team require.',
      'Of 7 required trainings: 0 complete, 7 never taken, 0 past the refresher date.',
    ]);
    expect(facts('9.1')[0]).toBe('No monitoring metrics recorded for any AI system yet.');
    // evaluation and improvement (issue 14)
    expect(facts('9.2.1')).toEqual(['No internal audit planned or held yet.']);
    expect(facts('9.3.1')).toEqual([
      'No management review approved yet.',
      '0 review actions open, 0 overdue.',
      'Top management is not named yet (who approves the reviews).',
    ]);
    expect(facts('10.2')).toEqual([
      '0 nonconformities open (0 past the plan date, 0 past the evidence date, 0 waiting for the effectiveness check); 0 closed in the last 12 months.',
      '0 corrective actions open, 0 overdue; 0 recurring nonconformities.',
      'Improvement log: 0 open, 0 done.',
    ]);
    expect(facts('A.8.4')).toEqual([
      '0 AI incidents not closed (0 critical, 0 high, 0 medium, 0 low); 0 closed in the last 90 days.',
      'Every open incident is escalated to a named person.',
      'Concerns: 0 waiting for triage, 0 triaged in the last 90 days.',
    ]);
  });

  it('follows a training taken, a breached metric, an unescalated incident and a concern', async () => {
    const topics = (await owner.get(org('/trainings?limit=50'))).body.items as { id: string }[];
    const today = new Date().toISOString().slice(0, 10);
    const rec = await owner.post(org('/training-records'), { person: { userId }, topicId: topics[0].id, completedOn: today });
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    const system = (await owner.post(org('/ai-systems'), { name: 'Support bot' })).body.id as string;
    const metric = await owner.post(org('/monitoring-metrics'), {
      aiSystemId: system,
      name: 'Answer accuracy',
      kind: 'accuracy',
      direction: 'higher-is-better',
      threshold: 0.8,
      reviewEveryDays: 30,
    });
    expect(metric.status, JSON.stringify(metric.body)).toBe(201);
    const pushed = await owner.post(org(`/ai-systems/${system}/observations`), { metricId: metric.body.id, value: 0.7 });
    expect(pushed.status, JSON.stringify(pushed.body)).toBe(201);
    const incident = await owner.post(org('/incidents'), {
      title: 'Wrong refund advice',
      description: 'The bot promised refunds the policy does not give.',
      detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      detectedHow: 'user-report',
      severity: 'high',
    });
    expect(incident.status, JSON.stringify(incident.body)).toBe(201);
    expect((await owner.post(org('/concerns'), { description: 'It sounds too sure of itself.', anonymous: true })).status).toBe(
      201,
    );

    const facts = await factsOf();
    expect(facts('7.2')[1]).toBe('Of 7 required trainings: 1 complete, 6 never taken, 0 past the refresher date.');
    expect(facts('7.3')).toEqual(facts('7.2'));
    expect(facts('9.1').slice(0, 2)).toEqual([
      '1 monitoring metric on 1 AI system; 0 with no observation yet.',
      '1 threshold breach open; 0 metrics past the review date.',
    ]);
    expect(facts('A.6.2.6')).toEqual(facts('9.1'));
    expect(facts('A.8.4')).toEqual([
      '1 AI incident not closed (0 critical, 1 high, 0 medium, 0 low); 0 closed in the last 90 days.',
      '1 open incident escalated to nobody.',
      'Concerns: 1 waiting for triage, 0 triaged in the last 90 days.',
    ]);
  });
});
