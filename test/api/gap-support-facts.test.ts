import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';

// The gap assessment shows what the support modules hold beside the
// requirements they evidence: governance roles beside 5.3 and A.3.2, the AI
// policy beside 5.2 and A.2.x, documents and evidence beside 7.5.x.
describe.each(testDialects())('gap facts from roles, documents and evidence (%s)', (dialect) => {
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

  it('says which roles nobody holds, that no AI policy exists, and what the core set lacks', async () => {
    const facts = await factsOf();
    expect(facts('5.3')[0]).toBe('6 governance roles recorded, 0 held.');
    expect(facts('5.3')[1]).toMatch(/^Vacant, or held by someone who left: .*AI governance owner/i);
    expect(facts('A.3.2')).toEqual(facts('5.3'));
    expect(facts('5.2')).toEqual(['No AI policy in the document register yet.']);
    expect(facts('7.5.1')).toContain('0 Annex A controls of 38 with valid evidence.');
    expect(facts('7.5.1').find((f) => f.startsWith('Missing:'))).toContain('AI policy');
  });

  it('follows a held role and an approved AI policy', async () => {
    const roles = (await owner.get(org('/roles?limit=50'))).body.items as { id: string; key: string | null }[];
    const governance = roles.find((r) => r.key === 'ai-governance-owner');
    expect((await owner.patch(org(`/roles/${governance?.id}`), { holder: { userId } })).status).toBe(200);
    const policy = await owner.post(org('/documents/from-template'), { templateId: 'ai-policy' });
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    const id = policy.body.id ?? policy.body.document?.id;
    expect((await owner.post(org(`/documents/${id}/content/draft/approve`), {})).status).toBe(200);

    const facts = await factsOf();
    expect(facts('5.3')[0]).toBe('6 governance roles recorded, 1 held.');
    expect(facts('5.2')[0]).toMatch(/^AI policy version 1 approved on \d{4}-\d{2}-\d{2}/);
    expect(facts('7.5.1')[1]).toMatch(/^1 controlled document: 1 approved, 0 in review, 0 draft, 0 retired/);
  });
});
