import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type DueItem,
  listReminderJobs,
  registerReminderJob,
  runDueJobs,
  unregisterReminderJob,
} from '../../src/platform/jobs/index.js';
import { notify } from '../../src/platform/notify/index.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Only this file's jobs run here: the modules' own (registered when the app is
// imported) have their tests, and would add their deliveries to the counts.
beforeAll(() => {
  for (const job of listReminderJobs()) unregisterReminderJob(job.name);
});

// The notification routes, and what runDueJobs delivers, on each dialect.

describe.each(testDialects())('notifications (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let member: Client;
  let outsider: Client;
  let orgId: string;
  let otherOrgId: string;
  let ownerId: string;
  let memberId: string;
  let outsiderId: string;
  let items: DueItem[] = [];
  let day = Date.parse('2027-05-03T07:00:00.000Z');
  const next = () => {
    day += 24 * 3600_000;
    return new Date(day);
  };
  const userId = async (email: string) =>
    (await t.database.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId, userId: ownerId } = await setupOwner(t.app));
    for (const [email, role] of [
      ['mia@example.com', 'viewer'],
      ['otto@example.com', 'viewer'],
    ]) {
      await addMember(owner, t.app, orgId, { email, role, name: email });
    }
    member = await signIn(t.app, 'mia@example.com');
    memberId = await userId('mia@example.com');
    outsider = await signIn(t.app, 'otto@example.com');
    outsiderId = await userId('otto@example.com');
    // Otto leaves org A and runs an organization of his own.
    expect((await owner.delete(`/api/v1/orgs/${orgId}/members/${outsiderId}`)).status).toBe(204);
    otherOrgId = (await outsider.post('/api/v1/orgs', { name: 'Otto Org' })).body.id;
    registerReminderJob({ name: 'test-reminder', cron: '0 7 * * *', due: async () => items });
  });
  afterAll(async () => {
    unregisterReminderJob('test-reminder');
    await t.close();
  });
  afterEach(() => {
    items = [];
  });

  const item = (key: string, userIds: string[], org = orgId): DueItem => ({
    key,
    orgId: org,
    userIds,
    title: `Evidence ${key} expires soon`,
    body: 'Renew it or mark it replaced.',
    link: `/orgs/${org}/evidence/${key}`,
  });

  it('delivers a due item to each member named, once, and lists it for them only', async () => {
    // Otto is no longer a member of org A: he is skipped, not told about org A's record.
    items = [item('dpia', [ownerId, memberId, outsiderId])];
    const first = await runDueJobs(t.database.db, { mailer: null, nodeId: 'n1', now: next() });
    expect(first).toMatchObject({ ran: ['test-reminder'], delivered: 1, notifications: 2 });
    // The next day the job still reports it: nothing new is created.
    const again = await runDueJobs(t.database.db, { mailer: null, nodeId: 'n1', now: next() });
    expect(again).toMatchObject({ ran: ['test-reminder'], delivered: 0, notifications: 0 });
    // Not due again within the same day.
    const early = await runDueJobs(t.database.db, { mailer: null, nodeId: 'n1', now: new Date(day + 3600_000) });
    expect(early.ran).toEqual([]);

    const mine = await member.get(`/api/v1/orgs/${orgId}/notifications`);
    expect(mine.status).toBe(200);
    expect(mine.body.unread).toBe(1);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ kind: 'test-reminder', title: 'Evidence dpia expires soon', readAt: null }),
    ]);
    expect((await outsider.get(`/api/v1/orgs/${otherOrgId}/notifications`)).body.items).toEqual([]);
    expect((await outsider.get(`/api/v1/orgs/${orgId}/notifications`)).status).toBe(404);
  });

  it('lets a member mark only their own notifications read', async () => {
    items = [item('policy', [ownerId, memberId])];
    await runDueJobs(t.database.db, { mailer: null, nodeId: 'n1', now: next() });
    const ownersItems = (await owner.get(`/api/v1/orgs/${orgId}/notifications?unread=true`)).body.items;
    const ownersId = ownersItems.find((n: { title: string }) => n.title.includes('policy')).id;

    // Mia may not read or mark the owner's notification; in Otto's org it does not exist.
    expect((await member.post(`/api/v1/orgs/${orgId}/notifications/${ownersId}/read`)).status).toBe(404);
    expect((await outsider.post(`/api/v1/orgs/${otherOrgId}/notifications/${ownersId}/read`)).status).toBe(404);
    expect((await owner.get(`/api/v1/orgs/${orgId}/notifications?unread=true`)).body.unread).toBe(2);

    expect((await owner.post(`/api/v1/orgs/${orgId}/notifications/${ownersId}/read`)).status).toBe(204);
    const after = (await owner.get(`/api/v1/orgs/${orgId}/notifications`)).body;
    expect(after.unread).toBe(1);
    expect(after.items.find((n: { id: string }) => n.id === ownersId).readAt).toEqual(expect.any(String));
    expect((await owner.get(`/api/v1/orgs/${orgId}/notifications?unread=true`)).body.items).toHaveLength(1);

    // Mark all read: the owner's only; Mia still has both of hers unread.
    expect((await owner.post(`/api/v1/orgs/${orgId}/notifications/read-all`)).body).toEqual({ marked: 1 });
    expect((await owner.get(`/api/v1/orgs/${orgId}/notifications`)).body.unread).toBe(0);
    expect((await member.get(`/api/v1/orgs/${orgId}/notifications`)).body.unread).toBe(2);
  });

  it('keeps delivering when one item or one job fails', async () => {
    const gone = '01900000-0000-7000-8000-0000000000aa';
    items = [item('orphan', [ownerId], gone), item('kept', [memberId])];
    registerReminderJob({
      name: 'broken-job',
      cron: '0 7 * * *',
      due: async () => {
        throw new Error('the due query failed');
      },
    });
    try {
      const r = await runDueJobs(t.database.db, { mailer: null, nodeId: 'n1', now: next() });
      expect(r.ran).toEqual(['test-reminder']);
      expect(r).toMatchObject({ delivered: 1, notifications: 1 });
      expect(r.errors).toEqual([expect.stringMatching(/^test-reminder orphan: /), 'broken-job: the due query failed']);
      const titles = (await member.get(`/api/v1/orgs/${orgId}/notifications`)).body.items.map((n: { title: string }) => n.title);
      expect(titles).toContain('Evidence kept expires soon');
    } finally {
      unregisterReminderJob('broken-job');
    }
  });

  it('answers 400 naming a bad limit, and 404 for an unknown notification', async () => {
    const bad = await owner.get(`/api/v1/orgs/${orgId}/notifications?limit=0`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('querystring.limit');
    const unknown = '01900000-0000-7000-8000-000000000000';
    expect((await owner.post(`/api/v1/orgs/${orgId}/notifications/${unknown}/read`)).status).toBe(404);
  });

  it('notify() inside a transaction tells current members only, and nothing when it rolls back', async () => {
    const input = {
      orgId,
      userIds: [memberId, outsiderId],
      kind: 'risk-assigned',
      title: 'A risk was assigned to you',
      body: '',
      link: '/',
    };
    expect(await t.database.db.transaction().execute((tx) => notify(tx, input))).toBe(1);
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await notify(tx, { ...input, title: 'Rolled back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const titles = (await member.get(`/api/v1/orgs/${orgId}/notifications`)).body.items.map((n: { title: string }) => n.title);
    expect(titles).toContain('A risk was assigned to you');
    expect(titles).not.toContain('Rolled back');
  });
});
