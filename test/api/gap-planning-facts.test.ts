import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';

// The gap assessment shows what the planning modules hold beside the
// requirements they evidence: the risk method and register beside 6.1.x, 8.2
// and 8.3, the SoA beside 6.1.3, impact assessments
// beside 6.1.4, 8.4 and A.5, AI objectives beside 6.2 and A.6.1.2.
describe.each(testDialects())('gap facts from the planning modules (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  async function factsOf() {
    const a = await owner.post(org('/gap-assessments'), { title: 'Baseline', assessmentDate: '2026-01-15' });
    expect(a.status).toBe(201);
    return factsBeside(owner, orgId, a.body.id);
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    orgId = (await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) })).body.id;
  });
  afterAll(() => t.close());

  it('says what is not there yet', async () => {
    const facts = await factsOf();
    expect(facts('6.1.3')).toEqual(['No Statement of Applicability saved yet: all 38 Annex A controls still to be decided.']);
    expect(facts('6.1.4')).toEqual(['No AI system impact assessment recorded yet.']);
    expect(facts('A.5.2')).toEqual(facts('6.1.4'));
    expect(facts('6.2')).toEqual(['No AI objectives recorded yet.']);
    expect(facts('6.1.2')).toEqual([
      "No AI risk method of the organization's own yet: risks are scored with OpenAIMS's default AI-specific method.",
      'No AI risks recorded yet.',
    ]);
    expect(facts('8.2')).toEqual(facts('6.1.2'));
  });

  it('counts risks by status and by the register flags, and names systems in scope without a risk', async () => {
    const a = (await owner.post(org('/ai-systems'), { name: 'Screening model', inScope: true })).body.id;
    await owner.post(org('/ai-systems'), { name: 'Chatbot', inScope: true });
    const risk = (extra: object) =>
      owner.post(org('/risks'), {
        title: 'Screening model ranks women lower',
        aiSystemIds: [a],
        sourceCategory: 'fairness',
        cause: 'Historic hiring data',
        event: 'Qualified candidates are ranked low',
        consequence: 'Discrimination claim',
        inherentLikelihood: 4,
        inherentImpact: 4,
        ...extra,
      });
    // high and untreated, its review passed; and a low one with a residual level
    expect((await risk({ nextReviewDate: '2020-01-01' })).status).toBe(201);
    expect((await risk({ inherentLikelihood: 1, inherentImpact: 2, residualLikelihood: 1, residualImpact: 1 })).status).toBe(201);
    const facts = await factsOf();
    expect(facts('6.1.2')).toEqual([
      "No AI risk method of the organization's own yet: risks are scored with OpenAIMS's default AI-specific method.",
      '2 current risks: 2 open, 0 in treatment, 0 accepted, 0 closed; 1 with a residual level assessed.',
      '1 above the acceptance threshold with neither treatment nor acceptance; 1 with an overdue review.',
      '1 AI system in scope with no risk assessed.',
    ]);
    expect(facts('8.3')).toEqual(facts('6.1.2'));
    expect(facts('6.1.1')).toEqual(facts('6.1.2'));
  });

  it('counts SoA rows, impact assessments and objectives as they are recorded', async () => {
    expect((await owner.patch(org('/soa/rows/A.2.3'), { applicable: false, justification: 'No other policies' })).status).toBe(
      200,
    );
    expect(
      (await owner.patch(org('/soa/rows/A.6.2.6'), { implementationStatus: 'implemented', implementation: 'Checklist' })).status,
    ).toBe(200);
    const system = (await owner.post(org('/ai-systems'), { name: 'Loan scoring', inScope: true })).body.id;
    expect((await owner.post(org('/impact-assessments'), { aiSystemId: system })).status).toBe(201);
    expect((await owner.post(org('/objectives'), { title: 'Train staff', measure: 'Share trained', target: 'All' })).status).toBe(
      201,
    );

    const facts = await factsOf();
    expect(facts('6.1.3')).toEqual([
      'Statement of Applicability version 1 is a draft, never approved.',
      '37 of 38 Annex A controls applicable, 1 excluded; 0 own controls.',
      'Applicable controls: 1 implemented, 0 partially, 0 planned, 36 not implemented.',
    ]);
    expect(facts('6.1.4')[0]).toBe('0 of 1 AI system in scope have an approved impact assessment; 1 assessment in draft.');
    expect(facts('8.4')).toEqual(facts('6.1.4'));
    expect(facts('6.2')[0]).toBe('1 AI objective: 1 open (0 overdue, 0 at risk), 0 achieved, 0 missed.');
    expect(facts('A.6.1.2')).toEqual(facts('6.2'));
  });
});
