import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDueJobs } from '../../src/platform/jobs/index.js';
import { createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe.each(testDialects())('evidence expiry reminders (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('tells the owner once that an item expires within 30 days, and once that one has expired', async () => {
    const { client, orgId, userId } = await setupOwner(t.app);
    const post = (title: string, validUntil: string, collectedOn = day(-60)) =>
      client.post(`/api/v1/orgs/${orgId}/evidence`, {
        title,
        kind: 'link',
        url: 'https://intranet.example.com/e',
        controlIds: ['A.6.2.6'],
        owner: { userId },
        collectedOn,
        validUntil,
      });
    expect((await post('Pen test report', day(12))).status).toBe(201);
    expect((await post('Old DPIA', day(-2))).status).toBe(201);
    expect((await post('Fresh audit', day(200))).status).toBe(201);

    const mine = () =>
      t.database.db
        .selectFrom('notifications')
        .select(['title', 'link'])
        .where('org_id', '=', orgId)
        .where('user_id', '=', userId)
        .orderBy('title')
        .execute();
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'test' });
    const first = await mine();
    const evidence = first.filter((n) => n.link.includes('/evidence/'));
    expect(evidence.map((n) => n.title)).toEqual([
      `Evidence EV-0001 'Pen test report' expires on ${day(12)}`,
      `Evidence EV-0002 'Old DPIA' expired on ${day(-2)}`,
    ]);
    // the next day's run delivers nothing again
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'test', now: new Date(Date.now() + 86_400_000) });
    expect((await mine()).filter((n) => n.link.includes('/evidence/'))).toHaveLength(2);
  });
});
