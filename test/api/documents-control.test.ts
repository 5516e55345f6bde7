import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { documentsDue } from '../../src/modules/documents/index.js';
import { listReminderJobs } from '../../src/platform/jobs/index.js';

// Document control (7.5.3, A.2.2): a policy from a template filled with the
// organization's facts, acknowledged by its audience version by version, the
// second-approver rule, and the flags an auditor would raise.

type Flag = { code: string; message: string };
const codes = (d: { flags: Flag[] }) => d.flags.map((f) => f.code);

describe.each(testDialects())('document control (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  let orgName: string;
  let n = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/documents${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    orgName = task.name.slice(0, 60);
    const org = await owner.post('/api/v1/orgs', { name: orgName });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  /** A member of the current organization with a role, signed in. */
  const member = async (role: string) => {
    const email = `m${++n}-${dialect}@example.com`;
    const { userId } = await addMember(owner, t.app, orgId, { email, role, name: `Member ${n}` });
    return { client: await signIn(t.app, email), userId };
  };
  const approve = (c: Client, id: string) => c.post(url(`/${id}/content/draft/approve`), {});
  const edit = (c: Client, id: string, body: string) =>
    c.put(url(`/${id}/content/draft`), { content: { format: 'markdown', body } });

  it('creates the AI policy from its template with the organization named and vacant roles marked', async () => {
    const templates = (await owner.get(url('/templates'))).body.items;
    expect(templates.map((x: { id: string }) => x.id)).toContain('ai-policy');
    const created = await owner.post(url('/from-template'), { templateId: 'ai-policy' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ docType: 'ai-policy', category: 'policy', status: 'draft', draftVersion: 1 });
    expect(Array.isArray(created.body.missing)).toBe(true);
    const draft = (await owner.get(url(`/${created.body.id}/content`))).body.draft;
    expect(draft.content.body).toContain(orgName);
    expect(draft.content.body).not.toContain('{{org.name}}');
    expect(draft.content.body).toMatch(/\[role vacant: [^\]]+\]/);
    // the seeded roles are vacant and the text gives them duties
    expect(codes(created.body)).toContain('role-vacant');
    const bad = await owner.post(url('/from-template'), { templateId: 'no-such-template' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.templateId');
  });

  it('counts acknowledgements of the current version, and a new version starts again', async () => {
    const other = await member('viewer');
    const doc = (
      await owner.post(url(), { title: 'AI policy', docType: 'ai-policy', category: 'policy', requiresAcknowledgement: true })
    ).body;
    await edit(owner, doc.id, '# AI policy\n\nWe use AI responsibly.\n');
    expect((await owner.post(url(`/${doc.id}/acknowledgements`), { version: 1 })).status).toBe(400);
    expect((await approve(owner, doc.id)).status).toBe(200);

    let got = (await owner.get(url(`/${doc.id}`))).body;
    expect(got.flags.find((f: Flag) => f.code === 'not-acknowledged')?.message).toMatch(/^0 of 2 /);
    const due = await documentsDue(t.database.db, orgId, other.userId);
    expect(due).toEqual([expect.objectContaining({ kind: 'acknowledge', id: doc.id, number: 'DOC-001', version: 1 })]);
    // a double click (or two tabs) races: every answer is the same, one row is kept
    const clicks = await Promise.all([1, 2, 3].map(() => other.client.post(url(`/${doc.id}/acknowledgements`), { version: 1 })));
    expect(clicks.map((r) => r.status)).toEqual([200, 200, 200]);
    const ack = clicks[0];
    expect(await documentsDue(t.database.db, orgId, other.userId)).toEqual([]);
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body).toMatchObject({ version: 1, acknowledged: 1, total: 2 });
    expect(ack.body.audience.find((a: { userId: string }) => a.userId === other.userId)).toMatchObject({
      acknowledgedVersion: 1,
      current: true,
    });
    // twice is the same answer and one row
    expect((await other.client.post(url(`/${doc.id}/acknowledgements`), { version: 1 })).body.acknowledged).toBe(1);
    expect(
      (await t.database.db.selectFrom('document_acknowledgements').selectAll().where('document_id', '=', doc.id).execute())
        .length,
    ).toBe(1);
    got = (await owner.get(url(`/${doc.id}`))).body;
    expect(got.flags.find((f: Flag) => f.code === 'not-acknowledged')?.message).toMatch(/^1 of 2 /);
    expect((await owner.get(url('?flagged=true'))).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);

    await edit(owner, doc.id, '# AI policy\n\nWe use AI responsibly and say so.\n');
    await approve(owner, doc.id);
    got = (await owner.get(url(`/${doc.id}`))).body;
    expect(got.flags.find((f: Flag) => f.code === 'not-acknowledged')?.message).toMatch(/^0 of 2 .*version 2/);
    // only the current approved version can be acknowledged
    expect((await other.client.post(url(`/${doc.id}/acknowledgements`), { version: 1 })).status).toBe(400);
  });

  it('with the second-approver rule, refuses approval by anyone who wrote or saved the draft', async () => {
    const editor = await member('editor');
    const viewer = await member('viewer');
    expect((await viewer.client.get(url('/settings'))).status).toBe(403);
    const on = await owner.put(url('/settings'), { requireSecondApprover: true });
    expect(on.body).toEqual({ requireSecondApprover: true });
    const doc = (await owner.post(url(), { title: 'Model change procedure' })).body;
    await edit(owner, doc.id, 'First words.');
    await edit(editor.client, doc.id, 'First words, improved.');
    const sent = await owner.post(url(`/${doc.id}/content/draft/submit`), { note: 'Please check section 2.' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'kind', 'body'])
      .where('org_id', '=', orgId)
      .execute();
    expect(told).toEqual([
      { user_id: editor.userId, kind: 'document-review-requested', body: expect.stringContaining('Please check section 2.') },
    ]);
    for (const who of [owner, editor.client]) {
      const refused = await approve(who, doc.id);
      expect(refused.status).toBe(403);
      expect(refused.body.detail).toMatch(/second approver/);
    }
    expect((await owner.get(url(`/${doc.id}`))).body).toMatchObject({
      approvedVersion: null,
      draftVersion: 1,
      nextReviewDate: null,
    });
    const third = await member('admin');
    expect((await approve(third.client, doc.id)).status).toBe(200);
    expect((await owner.get(url(`/${doc.id}`))).body.approvedVersion).toBe(1);
  });

  it('lists under ?flagged=true exactly the documents whose flags say so, also for flags judged on the text and on a role audience', async () => {
    const holder = await member('editor');
    const roles = (await owner.get(`/api/v1/orgs/${orgId}/roles`)).body.items as { id: string; name: string }[];
    const [held, vacant] = roles;
    expect((await owner.patch(`/api/v1/orgs/${orgId}/roles/${held.id}`, { holder: { userId: holder.userId } })).status).toBe(200);
    // a vacant role only mentioned in the text (not named on the record)
    const mentions = (await owner.post(url(), { title: 'Escalation procedure' })).body;
    await edit(owner, mentions.id, `Report to the ${vacant.name.toLowerCase()} within a day.`);
    await approve(owner, mentions.id);
    // a policy for a role's holders that its holder has not acknowledged yet
    const policy = (
      await owner.post(url(), {
        title: 'Use of AI',
        docType: 'ai-policy',
        category: 'policy',
        requiresAcknowledgement: true,
        audience: { roleIds: [held.id] },
      })
    ).body;
    await edit(owner, policy.id, 'Only approved AI systems are used.');
    await approve(owner, policy.id);
    // and one with nothing to say
    const quiet = (await owner.post(url(), { title: 'Quiet record' })).body;
    await edit(owner, quiet.id, 'Nothing here names a role.');
    await approve(owner, quiet.id);

    const flaggedIds = async () =>
      ((await owner.get(url('?flagged=true'))).body.items as { id: string }[]).map((d) => d.id).sort();
    expect(codes((await owner.get(url(`/${mentions.id}`))).body)).toEqual(['role-vacant']);
    expect(codes((await owner.get(url(`/${policy.id}`))).body)).toEqual(['not-acknowledged']);
    expect(await flaggedIds()).toEqual([mentions.id, policy.id].sort());
    expect((await holder.client.post(url(`/${policy.id}/acknowledgements`), { version: 1 })).status).toBe(200);
    expect(await flaggedIds()).toEqual([mentions.id]);
  });

  it('flags an overdue review, an owner who left, and a vacant role it names', async () => {
    const leaver = await member('editor');
    const roles = (await owner.get(`/api/v1/orgs/${orgId}/roles`)).body.items;
    const role = roles[0];
    const doc = (
      await owner.post(url(), { title: 'Incident handling', owner: { userId: leaver.userId }, namedRoleIds: [role.id] })
    ).body;
    await edit(owner, doc.id, 'Who does what when an AI system misbehaves.');
    await approve(owner, doc.id);
    let got = (await owner.get(url(`/${doc.id}`))).body;
    expect(codes(got).sort()).toEqual(['role-vacant']);
    expect((await owner.get(url('?flagged=true'))).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const unknownRole = await owner.patch(url(`/${doc.id}`), { namedRoleIds: [role.id, doc.id] });
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.errors).toEqual([
      { field: 'body.namedRoleIds.1', message: expect.stringMatching(/governance role/) },
    ]);
    expect(got.flags[0].message).toContain(role.name);

    const set = await owner.patch(url(`/${doc.id}`), { nextReviewDate: '2020-01-31' });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await owner.delete(`/api/v1/orgs/${orgId}/members/${leaver.userId}`);
    got = (await owner.get(url(`/${doc.id}`))).body;
    expect(codes(got).sort()).toEqual(['owner-left', 'review-overdue', 'role-vacant']);
    // the daily reminder tells the owner once per review date
    const job = listReminderJobs().find((j) => j.name === 'document-review');
    const items = (await job?.due(t.database.db, new Date()))?.filter((i) => i.orgId === orgId);
    expect(items).toEqual([
      expect.objectContaining({ key: `document:${doc.id}:review:2020-01-31:overdue`, userIds: [leaver.userId] }),
    ]);
    const flags = (await owner.get(url('/flags'))).body;
    expect(flags).toMatchObject({ total: 1, items: [{ id: doc.id }] });

    // naming a holder clears the vacancy
    expect((await owner.patch(`/api/v1/orgs/${orgId}/roles/${role.id}`, { holder: { userId } })).status).toBe(200);
    expect(codes((await owner.get(url(`/${doc.id}`))).body)).not.toContain('role-vacant');
    // an explicitly set date survives the next approval when it is still ahead
    const ahead = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    // the owner who left does not block other edits
    expect((await owner.patch(url(`/${doc.id}`), { nextReviewDate: ahead })).status).toBe(200);
    await edit(owner, doc.id, 'Who does what when an AI system misbehaves, and when to tell customers.');
    await approve(owner, doc.id);
    expect((await owner.get(url(`/${doc.id}`))).body.nextReviewDate).toBe(ahead);
  });
});
