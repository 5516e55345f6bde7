import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('scope versions (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let siteId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/scope${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    const profile = await owner.put(`/api/v1/orgs/${orgId}/profile`, {
      legalName: 'Acme AI GmbH',
      country: 'DE',
      employeeCount: 60,
      sector: 'SaaS',
      aiRoles: ['provider', 'customer'],
      sites: [{ name: 'Berlin HQ', address: 'Hauptstr. 1, Berlin', country: 'DE' }],
      certifications: [{ standard: 'ISO/IEC 27001', certificateNumber: 'IS 123' }],
      targetMarkets: ['EU', 'UK'],
    });
    expect(profile.status).toBe(200);
    siteId = profile.body.sites[0].id;
  });
  afterAll(() => t.close());

  it('starts empty and refuses to approve nothing', async () => {
    expect((await owner.get(url())).body).toEqual({ approved: null, draft: null });
    expect((await owner.post(url('/draft/approve'), {})).status).toBe(409);
  });

  it('drafts, checks, approves into an immutable version 1', async () => {
    const draft = await owner.put(url('/draft'), { content: { ...emptyContent(), boundaryStatement: 'All AI.' } });
    expect(draft.body).toMatchObject({ version: 1, status: 'draft' });
    const codes = draft.body.checks.map((c: { code: string }) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['no-sites', 'no-ai-named', 'boundary-vague', 'no-exclusions']));

    const content = {
      ...emptyContent(),
      boundaryStatement:
        'The AIMS covers development and operation of the FlowPilot assistant for enterprise customers, run from Berlin.',
      aiSystems: [{ name: 'FlowPilot assistant', description: '', aiSystemId: null }],
      siteIds: [siteId],
      exclusions: [{ item: 'HR pilot', justification: 'Not in production' }],
    };
    const saved = await owner.put(url('/draft'), { content });
    expect(saved.body.version).toBe(1);
    expect(saved.body.checks.map((c: { code: string }) => c.code)).not.toContain('no-sites');
    expect(saved.body.statement).toContain('Berlin HQ');

    const approved = await approveAccepting(owner, url(), { note: 'Approved at leadership meeting' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      version: 1,
      status: 'approved',
      approvedByName: 'Ada Lead',
      approvalNote: 'Approved at leadership meeting',
    });
    expect(approved.body.approvedAt).toBeTruthy();
    expect((await owner.get(url())).body.draft).toBeNull();
  });

  it('starts version 2 on edit and leaves version 1 untouched', async () => {
    const v1 = (await owner.get(url('/versions/1'))).body;
    const next = {
      ...v1.content,
      aiSystems: [...v1.content.aiSystems, { name: 'Insights forecaster', description: '', aiSystemId: null }],
    };
    const d2 = await owner.put(url('/draft'), { content: next });
    expect(d2.body).toMatchObject({ version: 2, status: 'draft' });
    const overview = (await owner.get(url())).body;
    expect(overview.approved.version).toBe(1);
    expect(overview.approved.content.aiSystems).toHaveLength(1);

    // A later profile edit does not rewrite the approved statement.
    const profile = (await owner.get(`/api/v1/orgs/${orgId}/profile`)).body;
    const { updatedAt: _u, ...p } = profile;
    await owner.put(`/api/v1/orgs/${orgId}/profile`, { ...p, sites: [{ ...p.sites[0], name: 'Berlin Campus' }] });
    expect((await owner.get(url('/versions/1'))).body.statement).toContain('Berlin HQ');
    expect((await owner.get(url())).body.draft.statement).toContain('Berlin Campus');

    const cmp = await owner.get(url('/compare?from=1&to=2'));
    expect(cmp.body.changes).toEqual([
      {
        field: 'aiSystems',
        change: 'added',
        before: null,
        after: { name: 'Insights forecaster', description: '', aiSystemId: null },
      },
    ]);

    await approveAccepting(owner, url());
    const versions = (await owner.get(url('/versions'))).body.items.map((v: { version: number; status: string }) => [
      v.version,
      v.status,
    ]);
    expect(versions).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
  });

  it('discards a draft and logs approval in the audit trail', async () => {
    await owner.put(url('/draft'), { content: emptyContent() });
    expect((await owner.delete(url('/draft'))).status).toBe(204);
    expect((await owner.get(url())).body.draft).toBeNull();
    expect((await owner.get(url('/versions/9'))).status).toBe(404);
    const log = (await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=scope`)).body.items.map(
      (i: { action: string }) => i.action,
    );
    expect(log).toEqual(['delete', 'create', 'approve', 'supersede', 'create', 'approve', 'update', 'create']);
  });
});
