import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The gap assessment shows what the planning modules hold beside the
// requirements they evidence: the SoA beside 6.1.3, impact assessments
// beside 6.1.4, 8.4 and A.5, AI objectives beside 6.2 and A.6.1.2.
describe.each(testDialects())('gap facts from the planning modules (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  async function factsOf() {
    const a = await owner.post(org('/gap-assessments'), { title: 'Baseline', assessmentDate: '2026-01-15' });
    expect(a.status).toBe(201);
    const answers = (await owner.get(org(`/gap-assessments/${a.body.id}`))).body.answers as {
      requirementId: string;
      facts: string[];
    }[];
    return (req: string) => answers.find((x) => x.requirementId === req)?.facts ?? [];
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
