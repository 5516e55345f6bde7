import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, startSecondNode, signIn, type TestApp } from '../support/app.js';
import { acceptAllExceptions } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

describe.each(testDialects())('scope writes racing (%s)', (dialect) => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof startSecondNode>> | undefined;
  let clients: Client[];
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/scope${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    let appB = t.app;
    if (dialect === 'postgres') {
      second = await startSecondNode(t);
      const { app } = second;
      appB = app;
    }
    const owner = await setupOwner(t.app);
    orgId = owner.orgId;
    clients = [owner.client, await signIn(appB, 'lead@example.com')];
  });

  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  const versions = async () =>
    (await clients[0].get(url('/versions'))).body.items.map((v: { version: number; status: string }) => [v.version, v.status]);

  it('10 simultaneous first saves make one draft, 5 simultaneous approvals one approved version and four 409s', async () => {
    const saves = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        clients[i % 2].put(url('/draft'), { content: { ...emptyContent(), boundaryStatement: `Save ${i}` } }),
      ),
    );
    expect(saves.map((s) => s.status)).toEqual(Array(10).fill(200));
    expect(new Set(saves.map((s) => s.body.id)).size).toBe(1);
    expect(await versions()).toEqual([[1, 'draft']]);

    const exceptions = await acceptAllExceptions(clients[0], url());
    const approvals = await Promise.all(
      Array.from({ length: 5 }, (_, i) => clients[i % 2].post(url('/draft/approve'), { exceptions })),
    );
    expect(approvals.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
    expect(approvals.find((a) => a.status === 409)?.headers['content-type']).toContain('application/problem+json');
    expect(await versions()).toEqual([[1, 'approved']]);

    const edits = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        clients[i % 2].put(url('/draft'), { content: { ...emptyContent(), boundaryStatement: `Edit ${i}` } }),
      ),
    );
    expect(edits.map((s) => s.status)).toEqual(Array(10).fill(200));
    expect(await versions()).toEqual([
      [2, 'draft'],
      [1, 'approved'],
    ]);
    const log = (await clients[0].get(`/api/v1/orgs/${orgId}/audit-log?entityType=scope&limit=100`)).body.items;
    expect(log.filter((i: { action: string }) => i.action === 'create')).toHaveLength(2);
    expect(log.filter((i: { action: string }) => i.action === 'approve')).toHaveLength(1);
  });
});
