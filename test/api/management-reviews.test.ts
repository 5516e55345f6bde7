import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember as inviteAndAccept, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('management reviews (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/management-reviews${p}`;
  const audits = async (entityId: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('org_id', '=', orgId)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((r) => r.action);
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { userId, client: await signIn(t.app, email) };
  };
  const plan = async (extra: Record<string, unknown> = {}) => {
    const r = await owner.post(url(), { title: 'Annual management review', meetingDate: '2026-03-10', ...extra });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; number: string; [k: string]: unknown };
  };
  const section = (review: { inputs: { sections: { key: string }[] } }, key: string) =>
    review.inputs.sections.find((s) => s.key === key) as {
      key: string;
      facts: string[];
      numbers: { label: string; value: number }[];
    };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId: ownerId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('sets top management to members only, naming the index of one who is not, and writes nothing then', async () => {
    const ceo = await addMember('Grace Chief');
    expect((await owner.get(url('/settings'))).body).toEqual({ topManagementUserIds: [], members: [] });
    const stranger = '0190a0a0-0000-7000-8000-000000000000';
    const bad = await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId, stranger] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.topManagementUserIds.1' })]);
    expect((await owner.get(url('/settings'))).body.topManagementUserIds).toEqual([]);
    const ok = await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId] });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ topManagementUserIds: [ceo.userId], members: [{ userId: ceo.userId, name: 'Grace Chief' }] });
    // admins only; every member may read who is top management
    expect((await ceo.client.get(url('/settings'))).status).toBe(403);
    expect((await ceo.client.get(url('/top-management'))).body).toEqual({
      members: [{ userId: ceo.userId, name: 'Grace Chief' }],
      youAreTopManagement: true,
    });
    expect((await owner.get(url('/top-management'))).body.youAreTopManagement).toBe(false);
  });

  it('flags a review no top manager attends, and clears the flag when one does', async () => {
    const ceo = await addMember('Grace Chief');
    await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId] });
    const review = await plan({ attendees: [{ userId: ownerId }, { name: 'External Advisor' }], chair: { userId: ownerId } });
    expect(review.number).toBe('MR-001');
    expect(review.status).toBe('planned');
    expect(review.flags).toEqual([expect.objectContaining({ code: 'no-top-management' })]);
    expect(review.attendees).toEqual([
      { userId: ownerId, name: 'Ada Lead', topManagement: false },
      { userId: null, name: 'External Advisor', topManagement: false },
    ]);
    const fixed = await owner.patch(url(`/${review.id}`), { attendees: [{ userId: ownerId }, { userId: ceo.userId }] });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(200);
    expect(fixed.body.flags).toEqual([]);
    expect(fixed.body.attendees[1]).toMatchObject({ name: 'Grace Chief', topManagement: true });
    // a stranger as attendee is refused, naming the field
    const bad = await owner.patch(url(`/${review.id}`), { attendees: [{ userId: '0190a0a0-0000-7000-8000-000000000000' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.attendees.0.userId');
    expect((await owner.post(url(), { title: 'x', meetingDate: '2026-02-30' })).status).toBe(400);
  });

  it('freezes the inputs when prepared: a risk added afterwards shows only once re-prepared', async () => {
    const review = await plan();
    const system = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'CV screener' })).body.id;
    const prepared = await owner.post(url(`/${review.id}/prepare`), { resourceNeeds: 'One more data scientist' });
    expect(prepared.status, JSON.stringify(prepared.body)).toBe(200);
    expect(prepared.body.status).toBe('prepared');
    const keys = prepared.body.inputs.sections.map((s: { key: string }) => s.key);
    for (const k of ['previous-actions', 'issues', 'risks', 'audits', 'nonconformities', 'monitoring', 'objectives'])
      expect(keys).toContain(k);
    for (const k of ['ai-systems', 'suppliers', 'incidents', 'training', 'resources', 'improvements']) expect(keys).toContain(k);
    expect(section(prepared.body, 'risks').numbers).toContainEqual({ label: 'Current risks', value: 0 });
    expect(section(prepared.body, 'ai-systems').numbers).toContainEqual({ label: 'AI systems', value: 1 });
    expect(section(prepared.body, 'resources').facts).toEqual(['One more data scientist']);
    // every input came from its module: none says it was not available
    for (const s of prepared.body.inputs.sections as { heading: string; facts: string[] }[])
      expect(s.facts.join(' '), s.heading).not.toContain('not available');
    expect(section(prepared.body, 'audits').facts).toEqual(['No internal audit was reported yet.']);

    const risk = await owner.post(`/api/v1/orgs/${orgId}/risks`, {
      title: 'Screening model ranks women lower',
      aiSystemIds: [system],
      sourceCategory: 'fairness',
      cause: 'Historic hiring data',
      event: 'Qualified candidates are ranked low',
      consequence: 'Discrimination claim',
      inherentLikelihood: 4,
      inherentImpact: 4,
    });
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
    const read = await owner.get(url(`/${review.id}`));
    expect(section(read.body, 'risks').numbers).toContainEqual({ label: 'Current risks', value: 0 });
    expect(read.body.inputs.preparedAt).toBe(prepared.body.inputs.preparedAt);

    const again = await owner.post(url(`/${review.id}/prepare`));
    expect(again.status).toBe(200);
    expect(section(again.body, 'risks').numbers).toContainEqual({ label: 'Current risks', value: 1 });
    expect(section(again.body, 'resources').facts).toEqual(['One more data scientist']);
    expect(await audits(review.id)).toEqual(['create', 'prepare-inputs', 're-prepare-inputs']);
  });

  it('lets only top management approve: 403 for others with nothing written, 400 naming what is missing', async () => {
    const ceo = await addMember('Grace Chief');
    const editor = await addMember('Eddie Editor');
    const review = await plan({ attendees: [{ userId: ceo.userId }] });

    // nobody set yet
    const none = await owner.post(url(`/${review.id}/approve`));
    expect(none.status).toBe(403);
    expect(none.body.detail).toMatch(/^Only top management can approve a management review: /);
    await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId] });
    const before = await owner.get(url(`/${review.id}`));
    const denied = await editor.client.post(url(`/${review.id}/approve`));
    expect(denied.status).toBe(403);
    expect(denied.body.detail).toContain('Only top management can approve a management review');
    expect(denied.body.detail).toContain('Grace Chief');
    const after = await owner.get(url(`/${review.id}`));
    expect(after.body).toEqual(before.body);
    expect(await audits(review.id)).toEqual(['create']);

    // top management, but planned, no minutes, no inputs
    const missing = await ceo.client.post(url(`/${review.id}/approve`));
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'review.status',
      'review.minutes',
      'review.inputs',
    ]);
    // held and prepared, minutes still empty
    await owner.post(url(`/${review.id}/prepare`));
    await owner.patch(url(`/${review.id}`), { status: 'held' });
    const noMinutes = await ceo.client.post(url(`/${review.id}/approve`));
    expect(noMinutes.status).toBe(400);
    expect(noMinutes.body.errors.map((e: { field: string }) => e.field)).toEqual(['review.minutes']);
    expect((await owner.get(url(`/${review.id}`))).body.status).toBe('held');
    // status 'approved' is not a field anyone sets
    expect((await owner.patch(url(`/${review.id}`), { status: 'approved' })).status).toBe(400);
  });

  it('approves with an improvement logged, then is read-only (409) while its actions are tracked to done', async () => {
    const ceo = await addMember('Grace Chief');
    await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId] });
    const review = await plan({ attendees: [{ userId: ceo.userId }], chair: { userId: ceo.userId } });
    await owner.post(url(`/${review.id}/prepare`));
    const held = await owner.patch(url(`/${review.id}`), {
      status: 'held',
      minutes: '# Review\n\nWe looked at the risks.',
      decisions: [
        { text: 'Automate bias testing before each release', kind: 'improvement' },
        { text: 'Hire a data steward', kind: 'resource' },
      ],
    });
    expect(held.status, JSON.stringify(held.body)).toBe(200);
    const decisionId = held.body.decisions[0].id;
    const action = await owner.post(url(`/${review.id}/actions`), {
      text: 'Write the bias test plan',
      owner: { userId: ownerId },
      dueDate: '2026-01-01',
    });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    expect(action.body).toMatchObject({ status: 'open', overdue: true, owner: { name: 'Ada Lead' } });

    const approved = await ceo.client.post(url(`/${review.id}/approve`));
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.approval).toMatchObject({ by: { userId: ceo.userId, name: 'Grace Chief' } });
    // the improvement decision is in the improvement log, once
    const imps = await owner.get(`/api/v1/orgs/${orgId}/improvements`);
    expect(imps.status).toBe(200);
    expect(imps.body.items).toEqual([
      expect.objectContaining({
        title: 'Automate bias testing before each release',
        source: expect.objectContaining({ kind: 'management-review', id: decisionId }),
      }),
    ]);

    // read-only now
    expect((await owner.patch(url(`/${review.id}`), { minutes: 'changed' })).status).toBe(409);
    expect((await owner.post(url(`/${review.id}/prepare`))).status).toBe(409);
    expect((await ceo.client.post(url(`/${review.id}/approve`))).status).toBe(409);
    expect((await owner.post(url(`/${review.id}/actions`), { text: 'late' })).status).toBe(409);
    expect((await owner.patch(url(`/${review.id}/actions/${action.body.id}`), { text: 'other' })).status).toBe(409);
    expect((await owner.post(url(`/${review.id}/archive`))).status).toBe(409);
    expect((await owner.get(url(`/${review.id}`))).body.archivedAt).toBeNull();

    // the open action shows in the next review's inputs, and in the summaries
    const { managementReviewSummary, reviewActionsDue } = await import('../../src/modules/management-reviews/index.js');
    const today = new Date().toISOString().slice(0, 10);
    expect(await reviewActionsDue(t.database.db, orgId, ownerId, today)).toEqual([
      { id: action.body.id, reviewId: review.id, number: 'MR-001', text: 'Write the bias test plan', dueDate: '2026-01-01' },
    ]);
    expect(await managementReviewSummary(t.database.db, orgId, today)).toMatchObject({
      lastApprovedAt: approved.body.approval.at,
      openActions: 1,
      overdueActions: 1,
      topManagementSet: true,
    });
    const next = await plan({ title: 'Next review', meetingDate: '2026-09-10' });
    const nextPrepared = await owner.post(url(`/${next.id}/prepare`));
    const prev = section(nextPrepared.body, 'previous-actions');
    expect(prev.numbers).toContainEqual({ label: 'Open actions', value: 1 });
    expect(prev.facts.join(' ')).toContain('MR-001: Write the bias test plan');
    expect(nextPrepared.body.inputs.since).toBe('2026-03-10');

    // marked done (the only change an approved review's action takes)
    const done = await owner.patch(url(`/${review.id}/actions/${action.body.id}`), { status: 'done' });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneOn: today, overdue: false });
    expect((await managementReviewSummary(t.database.db, orgId, today)).openActions).toBe(0);
    expect(await reviewActionsDue(t.database.db, orgId, ownerId, today)).toEqual([]);
    const reprepared = await owner.post(url(`/${next.id}/prepare`));
    expect(section(reprepared.body, 'previous-actions').numbers).toContainEqual({ label: 'Open actions', value: 0 });
    expect(await audits(review.id)).toEqual(['create', 'prepare-inputs', 'update', 'add-action', 'approve', 'update-action']);
  });

  it('approves once when two top managers approve at the same moment, logging the improvement once', async () => {
    const ceo = await addMember('Grace Chief');
    const cfo = await addMember('Frank Finance');
    await owner.put(url('/settings'), { topManagementUserIds: [ceo.userId, cfo.userId] });
    const review = await plan({ attendees: [{ userId: ceo.userId }] });
    await owner.post(url(`/${review.id}/prepare`));
    await owner.patch(url(`/${review.id}`), {
      status: 'held',
      minutes: 'Done.',
      decisions: [{ text: 'Add a fairness metric', kind: 'improvement' }],
    });
    const answers = await Promise.all([
      ceo.client.post(url(`/${review.id}/approve`)),
      cfo.client.post(url(`/${review.id}/approve`)),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await audits(review.id)).filter((a) => a === 'approve')).toHaveLength(1);
    const imps = await owner.get(`/api/v1/orgs/${orgId}/improvements`);
    expect(imps.body.items).toHaveLength(1);
  });

  it('keeps another organization out (404)', async () => {
    const review = await plan();
    const other = await owner.post('/api/v1/orgs', { name: 'Other org' });
    const there = `/api/v1/orgs/${other.body.id}/management-reviews/${review.id}`;
    expect((await owner.get(there)).status).toBe(404);
    expect((await owner.post(`${there}/prepare`)).status).toBe(404);
  });
});
