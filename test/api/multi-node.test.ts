import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../src/platform/audit-log/audit-log.js';
import { Client, createTestApp, setupOwner, startSecondNode, type TestApp } from '../support/app.js';

// Two app processes on one PostgreSQL: nothing may live in one node's memory.
describe.skipIf(!process.env.PG_TEST_URL)('several app nodes on one PostgreSQL', () => {
  let a: TestApp;
  let node: Awaited<ReturnType<typeof startSecondNode>>;
  let b: FastifyInstance;
  beforeAll(async () => {
    a = await createTestApp('postgres');
    node = await startSecondNode(a);
    b = node.app;
  });
  afterAll(async () => {
    await node.close();
    await a.close();
  });

  it('serves a session started on node A from node B, and chains both nodes’ writes', async () => {
    const { client: onA, orgId } = await setupOwner(a.app);
    const onB = new Client(b, onA.cookie, onA.csrf);
    expect((await onB.get(`/api/v1/orgs/${orgId}/scope`)).status).toBe(200);

    const writes = Array.from({ length: 10 }, (_, i) => (i % 2 ? onA : onB).post('/api/v1/orgs', { name: `Client org ${i}` }));
    expect((await Promise.all(writes)).map((r) => r.status)).toEqual(Array(10).fill(201));

    const result = await verifyAuditLog(a.database.db);
    expect(result.ok).toBe(true);
    // setup: user + org + membership + sign-in, then 10 x (org + membership),
    // each organization with its six governance roles and seven starting training topics
    expect(result.rows).toBe(4 + 20 + 11 * (6 + 7));

    expect((await onB.delete('/api/v1/session')).status).toBe(204);
    expect((await onA.get('/api/v1/session')).status).toBe(401);
  });
});
