import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../../../test/support/app.js';
import { approveScope } from '../../../test/support/approve-scope.js';
import { testDialects } from '../../../test/support/db.js';
import { emptyContent } from '../../../test/support/fixtures.js';
import { DOCUMENT_TEMPLATES, fillTemplate } from './documents.templates.js';
import { templateFacts } from './documents.template-facts.js';

// templateFacts reads each fact from the module that owns it; this follows an
// organization from its first day (nothing recorded) to an approved scope and
// a held role, and checks the AI policy filled from those facts.
describe.each(testDialects())('templateFacts (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const facts = () => templateFacts(t.database.db, orgId, new Date('2026-12-01T10:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
    orgId = (await owner.post('/api/v1/orgs', { name: 'Acme AI' })).body.id;
  });
  afterAll(() => t.close());

  it('reads the facts as they stand, and the AI policy shows what is still missing', async () => {
    const first = await facts();
    expect(first).toMatchObject({
      org: { name: 'Acme AI', country: null, employees: null },
      scope: { status: 'none', statement: null, aiSystems: [] },
      riskMethod: { levels: ['Low', 'Medium', 'High', 'Critical'], acceptableLevel: 'Medium', reviewIntervalMonths: 12 },
      today: '2026-12-01',
    });
    expect(first.roles.map((r) => r.key).sort()).toEqual([
      'ai-governance-owner',
      'ai-risk-reviewer',
      'ai-use-approver',
      'incident-escalation',
      'legal-privacy-review',
      'technical-controls',
    ]);
    expect(first.roles.every((r) => r.holder === null)).toBe(true);

    const profile = await owner.put(org('/profile'), {
      legalName: 'Acme AI GmbH',
      country: 'DE',
      employeeCount: 60,
      sector: null,
      aiRoles: [],
      sites: [],
      certifications: [],
      targetMarkets: [],
    });
    expect(profile.status).toBe(200);
    const draft = { ...emptyContent(), boundaryStatement: 'The Acme platform and its AI features.' };
    draft.aiSystems = [{ name: 'Support bot', description: '', aiSystemId: null }] as never;
    expect((await owner.put(org('/scope/draft'), { content: draft })).status).toBe(200);
    const roles = (await owner.get(org('/roles?limit=50'))).body.items as { id: string; key: string | null }[];
    const approver = roles.find((r) => r.key === 'ai-use-approver');
    expect((await owner.patch(org(`/roles/${approver?.id}`), { holder: { userId } })).status).toBe(200);

    const drafted = await facts();
    expect(drafted.org).toEqual({ name: 'Acme AI GmbH', country: 'DE', employees: 60 });
    expect(drafted.scope).toEqual({
      status: 'draft',
      statement: 'The Acme platform and its AI features.',
      aiSystems: ['Support bot'],
    });
    expect(drafted.roles.find((r) => r.key === 'ai-use-approver')?.holder).toEqual({ name: 'Ada Lead' });

    await approveScope(owner, orgId);
    const approved = await facts();
    expect(approved.scope.status).toBe('approved');

    const policy = fillTemplate(DOCUMENT_TEMPLATES[0].body, approved);
    expect(policy.body).toContain('# AI policy of Acme AI GmbH');
    expect(policy.body).toContain('> The Acme platform and its AI features.');
    expect(policy.body).toContain('Ask Ada Lead (AI use approver) for approval.');
    expect(policy.body).toContain('[role vacant: AI governance owner]');
    expect(policy.missing).toContain('role.ai-governance-owner');
    expect(policy.missing).not.toContain('role.ai-use-approver');
    expect(policy.missing).not.toContain('scope.statement');
  });
});
