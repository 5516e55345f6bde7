import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The document register (7.5): a document drafted, sent for review, approved
// into immutable versions with a review date, compared line by line, and
// kept apart per organization.

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

describe.each(testDialects())('documents (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/documents${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  const create = async (body: Record<string, unknown> = {}) => {
    const res = await owner.post(url(), { title: 'AI acceptable use procedure', docType: 'ai-lifecycle-controls', ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };
  const saveDraft = (id: string, body: string, changeNote = '') =>
    owner.put(url(`/${id}/content/draft`), { content: { format: 'markdown', body, changeNote } });

  it('drafts, submits, approves with a review date, and starts version 2 without touching version 1', async () => {
    const doc = await create({ owner: { userId }, reviewIntervalMonths: 6 });
    expect(doc).toMatchObject({ number: 'DOC-001', status: 'draft', approvedVersion: null, draftVersion: null });
    expect(doc.flags.map((f: { code: string }) => f.code)).toContain('no-approved-version');

    expect((await saveDraft(doc.id, '# Use of AI\n\nOnly approved tools.\n')).status).toBe(200);
    const stale = await owner.request(
      'POST',
      url(`/${doc.id}/content/draft/submit`),
      {},
      { 'if-match': 'W/"2000-01-01T00:00:00.000Z"' },
    );
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: doc.id, status: 'draft' });
    // no body at all is a submit without a note
    const submitted = await owner.request('POST', url(`/${doc.id}/content/draft/submit`));
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'in review', draftVersion: 1, reviewRequestedBy: userId });
    expect((await owner.get(url('?status=in%20review'))).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);

    const approved = await owner.post(url(`/${doc.id}/content/draft/approve`), {});
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const after = (await owner.get(url(`/${doc.id}`))).body;
    const expected = new Date();
    expected.setUTCMonth(expected.getUTCMonth() + 6);
    expect(after).toMatchObject({ status: 'approved', approvedVersion: 1, draftVersion: null, reviewRequestedAt: null });
    expect(after.nextReviewDate.slice(0, 7)).toBe(expected.toISOString().slice(0, 7));
    expect(after.flags).toEqual([]);

    expect(
      (await saveDraft(doc.id, '# Use of AI\n\nOnly approved tools.\nAsk the AI use approver first.\n', 'adds the approver'))
        .status,
    ).toBe(200);
    const v2 = (await owner.get(url(`/${doc.id}`))).body;
    expect(v2).toMatchObject({ status: 'approved', approvedVersion: 1, draftVersion: 2 });
    const v1 = (await owner.get(url(`/${doc.id}/content/versions/1`))).body;
    expect(v1).toMatchObject({ status: 'approved', content: { body: '# Use of AI\n\nOnly approved tools.\n' } });

    const diff = await owner.get(url(`/${doc.id}/diff?from=1&to=2`));
    expect(diff.status).toBe(200);
    expect(diff.body.summary).toEqual({ added: 1, removed: 0 });
    expect(diff.body.hunks[0].lines.filter((l: { kind: string }) => l.kind === 'add')).toEqual([
      { kind: 'add', text: 'Ask the AI use approver first.' },
    ]);
    const back = (await owner.get(url(`/${doc.id}/diff?from=2&to=1`))).body;
    expect(back.summary).toEqual({ added: 0, removed: 1 });
  });

  it('retires a document: still readable with its versions, no longer changeable or flagged', async () => {
    const doc = await create();
    await saveDraft(doc.id, 'Old procedure.');
    await owner.post(url(`/${doc.id}/content/draft/approve`), {});
    expect((await owner.post(url(`/${doc.id}/retire`), {})).status).toBe(400);
    const retired = await owner.post(url(`/${doc.id}/retire`), { reason: 'Replaced by the AI policy' });
    expect(retired.status, JSON.stringify(retired.body)).toBe(200);
    expect(retired.body).toMatchObject({ status: 'retired', retiredReason: 'Replaced by the AI policy', flags: [] });
    expect((await saveDraft(doc.id, 'New words.')).status).toBe(409);
    expect((await owner.patch(url(`/${doc.id}`), { title: 'Renamed' })).status).toBe(409);
    expect((await owner.get(url(`/${doc.id}/content/versions/1`))).body.content.body).toBe('Old procedure.');
    expect((await owner.get(url('?status=retired'))).body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('refuses bad input naming the field, and hides documents from another organization', async () => {
    const bad = await owner.post(url(), { title: 'X', docType: 'novel' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('body.docType');
    const ack = await owner.post(url(), { title: 'X', category: 'procedure', requiresAcknowledgement: true });
    expect(ack.status).toBe(400);
    expect(ack.body.errors.map((e: { field: string }) => e.field)).toContain('body.requiresAcknowledgement');
    const doc = await create();
    const long = await saveDraft(doc.id, 'x'.repeat(200_001));
    expect(long.status).toBe(400);
    expect(long.body.errors.map((e: { field: string }) => e.field)).toContain('body.content.body');
    expect((await t.database.db.selectFrom('document_versions').select('id').where('org_id', '=', orgId).execute()).length).toBe(
      0,
    );

    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    await addMember(owner, t.app, other, { email: `o-${dialect}@example.com`, role: 'owner', name: 'O' });
    const stranger = await signIn(t.app, `o-${dialect}@example.com`);
    expect((await stranger.get(url(`/${doc.id}`))).status).toBe(404);
    expect((await owner.get(`/api/v1/orgs/${other}/documents/${doc.id}`)).status).toBe(404);
    expect((await owner.get(`/api/v1/orgs/${other}/documents/${doc.id}/content`)).status).toBe(404);
    expect(
      (await owner.put(`/api/v1/orgs/${other}/documents/${doc.id}/content/draft`, { content: { format: 'markdown', body: 'x' } }))
        .status,
    ).toBe(404);
    expect(day(0)).toBeTruthy();
  });
});
