import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { approveScope } from '../support/approve-scope.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('AI system inventory (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let ownerId: string;
  let supplierId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/ai-systems${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId: ownerId } = await setupOwner(t.app));
  });
  // every test has an organization of its own, with one supplier: none reads another's systems
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
    const supplier = await owner.post(`/api/v1/orgs/${orgId}/suppliers`, { name: 'OpenAI', kinds: ['api', 'model'] });
    expect(supplier.status).toBe(201);
    supplierId = supplier.body.id;
  });
  afterAll(() => t.close());

  /** A system with every field filled in: high risk, in scope, external id SYS-1. */
  async function flowPilot() {
    const res = await owner.post(url(), {
      name: 'FlowPilot assistant',
      externalId: 'SYS-1',
      kind: 'product-feature',
      businessOwner: { userId: ownerId },
      technicalOwner: { name: 'ML platform team' },
      purpose: 'Suggests workflow steps to customers',
      userImpact: ['customer-facing', 'decision-support'],
      dataCategories: ['workflow metadata'],
      dataSource: 'Customer tenants',
      dataSensitivity: 'confidential',
      suppliers: [{ supplierId, dependency: 'api' }],
      riskLevel: 'HIGH',
      monitoringMethod: 'Weekly sample review',
      aiRole: 'provider',
      lifecycleStage: 'operation-and-monitoring',
      inScope: true,
      intendedUse: 'Drafting steps a human approves',
      foreseeableMisuse: 'Auto-approving without review',
      humanOversight: 'Every suggestion needs a click',
      deploymentDate: '2025-03-01',
      lastReviewDate: '2026-10-01',
      tags: ['product'],
    });
    expect(res.status).toBe(201);
    return res;
  }

  async function create(body: Record<string, unknown>): Promise<string> {
    const res = await owner.post(url(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id;
  }

  /** Seven systems tagged batch in development: 0, 2, 4, 6 medium risk, the others low. */
  async function batch(): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(
        await create({
          name: `Batch system ${i}`,
          riskLevel: i % 2 ? 'low' : 'medium',
          lifecycleStage: 'development',
          tags: ['batch'],
        }),
      );
    return ids;
  }

  it('registers a system with every inventory field and flags what is missing', async () => {
    const full = await flowPilot();
    expect(full.body).toMatchObject({
      riskLevel: 'high',
      businessOwner: { userId: ownerId, name: 'Ada Lead' },
      suppliers: [{ supplierId, name: 'OpenAI', dependency: 'api' }],
      flags: [],
    });

    const bare = await owner.post(url(), { name: 'ChatGPT Enterprise', kind: 'third-party-saas' });
    expect(bare.body.flags.map((f: { code: string }) => f.code)).toEqual([
      'no-business-owner',
      'no-technical-owner',
      'not-risk-rated',
      'no-monitoring-method',
      'third-party-without-supplier',
      'never-reviewed',
    ]);
  });

  it('rejects bad references by field and writes nothing', async () => {
    await flowPilot();
    const before = (await owner.get(url())).body.items.length;
    expect(before).toBe(1);
    const r = await owner.post(url(), {
      name: 'Bad',
      riskLevel: 'catastrophic',
      businessOwner: { userId: '01900000-0000-7000-8000-000000000000' },
      suppliers: [{ supplierId: '01900000-0000-7000-8000-000000000001', dependency: 'api' }],
      deploymentDate: '2026-13-01',
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.deploymentDate']);
    const r2 = await owner.post(url(), {
      name: 'Bad',
      riskLevel: 'catastrophic',
      businessOwner: { userId: '01900000-0000-7000-8000-000000000000' },
      suppliers: [{ supplierId: '01900000-0000-7000-8000-000000000001', dependency: 'api' }],
    });
    expect(r2.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.riskLevel',
      'body.businessOwner.userId',
      'body.suppliers.0.supplierId',
    ]);
    expect(r2.status).toBe(400);
    expect((await owner.post(url(), { name: 'Dup id', externalId: 'SYS-1' })).status).toBe(409);
    expect((await owner.get(url())).body.items.length).toBe(before);
  });

  it('detects the duplicate, merges it and keeps both histories', async () => {
    await flowPilot();
    await create({ name: 'ChatGPT Enterprise', kind: 'third-party-saas' });
    const other = await owner.post(url(), { name: 'chatgpt-enterprise', purpose: 'Drafting sales emails', tags: ['sales'] });
    const summary = (await owner.get(url('/summary'))).body;
    expect(summary).toMatchObject({ total: 3, inScope: 1, duplicateGroups: 1, missing: { risk: 2, owner: 2, supplier: 1 } });
    const groups = (await owner.get(url('/duplicates'))).body.items;
    expect(groups).toHaveLength(1);
    expect(groups[0].names.sort()).toEqual(['ChatGPT Enterprise', 'chatgpt-enterprise']);
    const keptId = groups[0].ids.find((id: string) => id !== other.body.id);
    await owner.patch(url(`/${other.body.id}`), { riskLevel: 'low' });

    const merged = await owner.post(url(`/${keptId}/merge`), { duplicateId: other.body.id });
    expect(merged.status).toBe(200);
    expect(merged.body).toMatchObject({
      name: 'ChatGPT Enterprise',
      purpose: 'Drafting sales emails',
      riskLevel: 'low',
      tags: ['sales'],
    });
    const dup = (await owner.get(url(`/${other.body.id}`))).body;
    expect(dup.mergedIntoId).toBe(keptId);
    expect(dup.archivedAt).not.toBeNull();
    expect((await owner.get(url('/duplicates'))).body.items).toEqual([]);

    const history = (await owner.get(url(`/${keptId}/history`))).body.items;
    expect(history.map((h: { entityId: string; action: string }) => [h.entityId === keptId ? 'kept' : 'dup', h.action])).toEqual([
      ['kept', 'create'],
      ['dup', 'create'],
      ['dup', 'update'],
      ['dup', 'merged-into'],
      ['kept', 'merge'],
    ]);
    expect((await owner.post(url(`/${keptId}/merge`), { duplicateId: other.body.id })).status).toBe(409);
  });

  it('lists with filters, search, sort and cursor pages', async () => {
    await flowPilot();
    await create({ name: 'ChatGPT Enterprise', kind: 'third-party-saas', riskLevel: 'low' });
    const retired = await create({ name: 'Retired bot', riskLevel: 'low', monitoringMethod: 'none' });
    expect((await owner.post(url(`/${retired}/archive`))).status).toBe(200);
    await batch();
    const names = async (q: string) => (await owner.get(url(q))).body.items.map((s: { name: string }) => s.name);
    expect(await names('?riskLevel=high')).toEqual(['FlowPilot assistant']);
    expect(await names('?q=flowpilot')).toEqual(['FlowPilot assistant']);
    expect(await names('?q=SYS-1')).toEqual(['FlowPilot assistant']);
    expect(await names(`?supplierId=${supplierId}`)).toEqual(['FlowPilot assistant']);
    expect(await names(`?owner=${ownerId}`)).toEqual(['FlowPilot assistant']);
    expect(await names('?owner=ml%20platform%20team')).toEqual(['FlowPilot assistant']);
    expect(await names('?inScope=true')).toEqual(['FlowPilot assistant']);
    expect((await names('?missing=risk')).length).toBe(0);
    expect((await names('?missing=monitoring')).length).toBe(8);
    expect((await names('?tag=batch')).length).toBe(7);
    expect((await names('?includeArchived=true')).length).toBe(10);
    expect((await names('?sort=-riskLevel&limit=2'))[0]).toBe('FlowPilot assistant');

    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await owner.get(
        url(`?lifecycleStage=development&limit=3${cursor ? `&cursor=${cursor}` : ''}`),
      );
      seen.push(...page.body.items.map((s) => s.name));
      cursor = page.body.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Batch system ${i}`));
    expect((await owner.get(url('?missing=everything'))).status).toBe(400);
  });

  it('bulk-edits owner, risk and scope in one transaction', async () => {
    const ids = await batch();
    const bad = await owner.post(url('/bulk-edit'), { ids, set: { riskLevel: 'extreme' } });
    expect(bad.status).toBe(400);
    expect((await owner.get(url('?tag=batch&riskLevel=medium'))).body.items.length).toBe(4);
    const ok = await owner.post(url('/bulk-edit'), {
      ids,
      set: { riskLevel: 'high', inScope: false, businessOwner: { name: 'Ops' } },
    });
    expect(ok.body).toEqual({ updated: 7 });
    expect((await owner.get(url('?tag=batch&riskLevel=high&inScope=false&owner=ops'))).body.items.length).toBe(7);
  });

  it('archives instead of deleting, and keeps viewers and other orgs out', async () => {
    const id = (await flowPilot()).body.id;
    await addMember(owner, t.app, orgId, { email: 'viewer@example.com', role: 'viewer', name: 'V' });
    const viewer = await signIn(t.app, 'viewer@example.com');
    const seen = await viewer.get(url(`/${id}`));
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ id, name: 'FlowPilot assistant', riskLevel: 'high' });
    expect((await viewer.patch(url(`/${id}`), { riskLevel: 'low' })).status).toBe(403);
    const otherOrg = (await viewer.post('/api/v1/orgs', { name: 'Viewer Co' })).body.id;
    expect((await viewer.get(`/api/v1/orgs/${otherOrg}/ai-systems/${id}`)).status).toBe(404);
    expect((await viewer.patch(`/api/v1/orgs/${otherOrg}/ai-systems/${id}`, { riskLevel: 'low' })).status).toBe(404);

    expect((await owner.post(url(`/${id}/archive`))).body.archivedAt).not.toBeNull();
    expect((await owner.get(url('?q=flowpilot'))).body.items).toEqual([]);
    expect((await owner.patch(url(`/${id}`), { riskLevel: 'low' })).status).toBe(409);
    expect((await owner.post(url(`/${id}/restore`))).body.archivedAt).toBeNull();
    // neither the viewer's nor the archived record's refused edits changed anything
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ riskLevel: 'high', archivedAt: null });
    expect((await owner.get(url('?q=flowpilot'))).body.items.map((s: { id: string }) => s.id)).toEqual([id]);
  });
});

describe.each(testDialects())('inventory and the approved scope (%s)', (dialect) => {
  let t: TestApp;
  afterAll(() => t.close());
  it('links scope entries to inventory records and flags mismatches', async () => {
    t = await createTestApp(dialect);
    const { client, orgId } = await setupOwner(t.app);
    const sys = (await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot', inScope: true })).body;
    const other = (await client.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Forecaster', inScope: true })).body;
    const { emptyContent } = await import('../support/fixtures.js');
    const bad = await client.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: {
        ...emptyContent(),
        aiSystems: [{ name: 'Ghost', description: '', aiSystemId: '01900000-0000-7000-8000-000000000000' }],
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.content.aiSystems.0.aiSystemId');
    await client.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      content: { ...emptyContent(), aiSystems: [{ name: 'Customer support assistant', description: '', aiSystemId: sys.id }] },
    });
    await approveScope(client, orgId);
    const codes = async (id: string) =>
      (await client.get(`/api/v1/orgs/${orgId}/ai-systems/${id}`)).body.flags.map((f: { code: string }) => f.code);
    expect(await codes(sys.id)).not.toContain('not-in-approved-scope');
    expect(await codes(other.id)).toContain('not-in-approved-scope');
  });
});
