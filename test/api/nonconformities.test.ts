import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nonconformitiesDue, nonconformitySummary, openNonconformity } from '../../src/modules/nonconformities/index.js';
import {
  addMember as inviteAndAccept,
  Client,
  createTestApp,
  setupOwner,
  signIn,
  startSecondNode,
  type TestApp,
} from '../support/app.js';
import { testDialects } from '../support/db.js';

const today = () => new Date().toISOString().slice(0, 10);
const daysFrom = (date: string, n: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

describe.each(testDialects())('nonconformity register (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/nonconformities${p}`;
  const count = async (table: 'nonconformities' | 'nonconformity_actions' | 'nonconformity_settings', org = orgId) =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', org)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const audits = async (entityId: string) =>
    (
      await t.database.db
        .selectFrom('audit_log')
        .select(['action'])
        .where('org_id', '=', orgId)
        .where('entity_id', '=', entityId)
        .orderBy('seq')
        .execute()
    ).map((a) => a.action);
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { userId, email };
  };
  const nc = (extra: Record<string, unknown> = {}) => ({
    title: 'Model cards missing for two AI systems',
    description: 'The documentation requirement was not met for the scoring models.',
    grade: 'minor',
    requirementId: 'A.6.2.7',
    objectiveEvidence: 'Inventory export of 3 November shows no model card for SYS-002 and SYS-004.',
    ...extra,
  });
  const create = async (extra: Record<string, unknown> = {}) => {
    const r = await owner.post(url(), nc(extra));
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body as { id: string; number: string } & Record<string, unknown>;
  };
  /** takes a nonconformity through root cause, one done action and an effective check, to closed */
  const closeOut = async (id: string, checkedOn = today()) => {
    const a = await owner.post(url(`/${id}/actions`), { title: 'Write the missing model cards', owner: { userId: ownerId } });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect((await owner.patch(url(`/${id}/actions/${a.body.id}`), { status: 'done' })).status).toBe(200);
    const r = await owner.patch(url(`/${id}`), {
      rootCause: {
        method: 'five-whys',
        whys: ['No template', 'Nobody owned it'],
        categories: [],
        summary: 'No owner for model cards',
      },
      effectiveness: {
        plannedOn: checkedOn,
        method: 'Sample five systems',
        result: 'effective',
        checkedOn,
        checkedBy: { userId: ownerId },
      },
      status: 'closed',
    });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body;
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

  it('raises a numbered nonconformity with deadlines from its grade, and refuses a grade outside the scale', async () => {
    const created = await create({ owner: { userId: ownerId } });
    expect(created).toMatchObject({
      number: 'NC-001',
      status: 'open',
      grade: 'minor',
      gradeLabel: 'Minor nonconformity',
      isNonconformity: true,
      raisedAt: today(),
      planDueDate: daysFrom(today(), 30),
      evidenceDueDate: daysFrom(today(), 90),
      requirement: { id: 'A.6.2.7', kind: 'catalogue' },
      source: { kind: 'other', id: null },
      flags: [],
      actions: [],
    });
    expect((created.closeBlockers as { field: string }[]).map((b) => b.field)).toEqual([
      'body.rootCause.summary',
      'body.effectiveness.result',
      'body.effectiveness.checkedOn',
      'body.effectiveness.checkedBy',
      'actions',
    ]);
    expect(await audits(created.id)).toEqual(['create']);

    const bad = await owner.post(url(), nc({ grade: 'critical' }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      expect.objectContaining({
        field: 'body.grade',
        message: expect.stringContaining('major, minor, observation, opportunity'),
      }),
    ]);
    const badReq = await owner.post(url(), nc({ requirementId: 'Z.9.9' }));
    expect(badReq.status).toBe(400);
    expect(badReq.body.errors[0].field).toBe('body.requirementId');
    const badEvidence = await owner.post(url(), nc({ evidenceIds: ['01a23473-0000-7000-8000-000000000000'] }));
    expect(badEvidence.status).toBe(400);
    expect(badEvidence.body.errors[0]).toMatchObject({
      field: 'body.evidenceIds.0',
      message: 'is not an evidence item of this organization',
    });
    expect(await count('nonconformities')).toBe(1);
    // a change on a stale copy is refused with the current record
    const stale = await owner.request(
      'PATCH',
      url(`/${created.id}`),
      { title: 'Renamed' },
      { 'if-match': 'W/"2000-01-01T00:00:00.000Z"' },
    );
    expect(stale.status).toBe(409);
    expect((await owner.get(url(`/${created.id}`))).body.title).toBe(created.title);

    // another organization's id is not found
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    expect((await owner.get(`/api/v1/orgs/${other}/nonconformities/${created.id}`)).status).toBe(404);
    expect((await owner.post(`/api/v1/orgs/${other}/nonconformities/${created.id}/actions`, { title: 'x' })).status).toBe(404);
  });

  it('lets the organization set its own grade scale, which sets later deadlines', async () => {
    expect((await owner.get(url('/settings'))).body.grades.map((g: { key: string }) => g.key)).toEqual([
      'major',
      'minor',
      'observation',
      'opportunity',
    ]);
    const grades = [
      { key: 'critical', label: 'Critical finding', planDays: 7, evidenceDays: 30, isNonconformity: true },
      { key: 'minor', label: 'Minor finding', planDays: 14, evidenceDays: 60, isNonconformity: true },
      { key: 'note', label: 'Note for improvement', planDays: 60, evidenceDays: 180, isNonconformity: false },
    ];
    const dup = await owner.put(url('/settings'), { grades: [grades[0], grades[0]] });
    expect(dup.status).toBe(400);
    const nine = await owner.put(url('/settings'), {
      grades: Array.from({ length: 9 }, (_, i) => ({ ...grades[0], key: `g${i}` })),
    });
    expect(nine.status).toBe(400);
    expect(await count('nonconformity_settings')).toBe(0);

    const minorBefore = await create();
    const saved = await owner.put(url('/settings'), { grades });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.grades).toEqual(grades);
    expect(await audits(orgId)).toContain('update');

    const critical = await create({ grade: 'critical' });
    expect(critical).toMatchObject({
      gradeLabel: 'Critical finding',
      planDueDate: daysFrom(today(), 7),
      evidenceDueDate: daysFrom(today(), 30),
    });
    const old = await owner.post(url(), nc({ grade: 'observation' }));
    expect(old.status).toBe(400);
    expect(old.body.errors[0].message).toContain('critical, minor, note');
    // a record keeps its dates; words follow the new scale
    const before = (await owner.get(url(`/${minorBefore.id}`))).body;
    expect(before).toMatchObject({ gradeLabel: 'Minor finding', planDueDate: daysFrom(today(), 30) });
    // regrading recomputes the deadlines that were not set by hand
    const regraded = await owner.patch(url(`/${minorBefore.id}`), { grade: 'critical' });
    expect(regraded.body).toMatchObject({ planDueDate: daysFrom(today(), 7), evidenceDueDate: daysFrom(today(), 30) });
    // a grade that is not a nonconformity may close without a corrective action
    const note = await create({ grade: 'note', requirementId: null });
    const closed = await owner.patch(url(`/${note.id}`), {
      rootCause: { method: 'other', whys: [], categories: ['process'], summary: 'Habit' },
      effectiveness: {
        plannedOn: null,
        method: 'Looked again',
        result: 'effective',
        checkedOn: today(),
        checkedBy: { userId: ownerId },
      },
      status: 'closed',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
  });

  it('refuses to close without an effective check, root cause and done actions; closes with them', async () => {
    const { id } = await create();
    const refused = await owner.patch(url(`/${id}`), { status: 'closed' });
    expect(refused.status).toBe(400);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.rootCause.summary',
      'body.effectiveness.result',
      'body.effectiveness.checkedOn',
      'body.effectiveness.checkedBy',
      'actions',
    ]);
    expect((await owner.get(url(`/${id}`))).body.status).toBe('open');

    const action = (await owner.post(url(`/${id}/actions`), { title: 'Template', dueDate: daysFrom(today(), 5) })).body;
    const partly = await owner.patch(url(`/${id}`), {
      status: 'closed',
      rootCause: { method: 'cause-categories', whys: [], categories: ['process', 'governance'], summary: 'No owner' },
      effectiveness: { plannedOn: null, method: '', result: 'effective', checkedOn: today(), checkedBy: { userId: ownerId } },
    });
    expect(partly.status).toBe(400);
    expect(partly.body.errors).toEqual([
      expect.objectContaining({ field: 'actions', message: expect.stringContaining('1 not done') }),
    ]);
    // its status follows its actions: planned once there is one, done when all are
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ status: 'action-planned', closedAt: null });

    expect((await owner.patch(url(`/${id}/actions/${action.id}`), { status: 'done' })).body).toMatchObject({
      status: 'done',
      doneOn: today(),
    });
    expect((await owner.get(url(`/${id}`))).body.status).toBe('actions-done');
    const closed = await owner.patch(url(`/${id}`), {
      status: 'closed',
      rootCause: { method: 'cause-categories', whys: [], categories: ['process', 'governance'], summary: 'No owner' },
      effectiveness: { plannedOn: null, method: '', result: 'effective', checkedOn: today(), checkedBy: { userId: ownerId } },
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.closedAt).toBeTruthy();
    expect(closed.body.closeBlockers).toEqual([]);
    // a closed one's actions are frozen until it is reopened
    expect((await owner.patch(url(`/${id}/actions/${action.id}`), { status: 'planned' })).status).toBe(409);
    expect((await owner.post(url(`/${id}/actions`), { title: 'More' })).status).toBe(409);
    expect(await count('nonconformity_actions')).toBe(1);
    // the database refuses a closed row without an effective check, whatever writes it
    await expect(
      t.database.db.updateTable('nonconformities').set({ effectiveness_result: 'not-effective' }).where('id', '=', id).execute(),
    ).rejects.toThrow();
    expect((await audits(id)).filter((a) => a.startsWith('action-'))).toEqual(['action-create', 'action-update']);
  });

  it('reopens a nonconformity whose check found the actions not effective, flagged; always has an effective check when closed', async () => {
    const first = await create();
    await closeOut(first.id);
    const second = await create({ requirementId: 'A.6.2.8', title: 'Logs not kept' });
    const a = (await owner.post(url(`/${second.id}/actions`), { title: 'Turn logging on' })).body;
    await owner.patch(url(`/${second.id}/actions/${a.id}`), { status: 'done' });
    const failed = await owner.patch(url(`/${second.id}`), {
      status: 'closed',
      rootCause: { method: 'five-whys', whys: ['Disabled'], categories: [], summary: 'Logging disabled' },
      effectiveness: {
        plannedOn: null,
        method: 'Sample',
        result: 'not-effective',
        checkedOn: today(),
        checkedBy: { userId: ownerId },
      },
    });
    expect(failed.status, JSON.stringify(failed.body)).toBe(200);
    expect(failed.body).toMatchObject({ status: 'action-planned', notEffectiveOn: today(), closedAt: null });
    expect(failed.body.flags.map((f: { code: string }) => f.code)).toEqual(['effectiveness-not-effective']);
    const flagged = await owner.get(url('?flag=effectiveness-not-effective'));
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    // a later effective check lets it close, and clears the flag
    const ok = await owner.patch(url(`/${second.id}`), {
      status: 'closed',
      effectiveness: {
        plannedOn: null,
        method: 'Sample again',
        result: 'effective',
        checkedOn: today(),
        checkedBy: { userId: ownerId },
      },
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.flags).toEqual([]);

    const closedRows = await t.database.db
      .selectFrom('nonconformities')
      .select(['effectiveness_result', 'effectiveness_checked_on', 'effectiveness_checked_by_user_id', 'open_action_count'])
      .where('org_id', '=', orgId)
      .where('status', '=', 'closed')
      .execute();
    expect(closedRows).toHaveLength(2);
    for (const r of closedRows) {
      expect(r.effectiveness_result).toBe('effective');
      expect(r.effectiveness_checked_on).toBeTruthy();
      expect(r.effectiveness_checked_by_user_id).toBe(ownerId);
      expect(Number(r.open_action_count)).toBe(0);
    }
    const timeline = (await owner.get(url(`/${second.id}/timeline`))).body.items.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(
      expect.arrayContaining(['raised', 'action-added', 'action-done', 'root-cause', 'effectiveness-checked', 'status']),
    );
    expect(timeline[0]).toBe('raised');
  });

  it('flags a recurrence on the same requirement closed within 12 months before it was raised', async () => {
    const earlier = await create();
    await closeOut(earlier.id);
    const again = await create({ title: 'Model card missing again' });
    expect(again.flags).toEqual([expect.objectContaining({ code: 'recurrence' })]);
    expect(again.recurrenceOf).toMatchObject({ id: earlier.id, number: 'NC-001' });
    const elsewhere = await create({ requirementId: 'A.6.2.8' });
    expect(elsewhere.flags).toEqual([]);
    // raised before the earlier one was closed: not a recurrence
    const backdated = await create({ raisedAt: daysFrom(today(), -400) });
    expect(backdated.recurrenceOf).toBeNull();
    expect((await owner.get(url('?flag=recurrence'))).body.items.map((i: { id: string }) => i.id)).toEqual([again.id]);
    // a back-dated one is overdue: no action by the plan date, not closed by the evidence date
    expect((backdated.flags as { code: string }[]).map((f) => f.code)).toEqual(['plan-overdue', 'evidence-overdue']);
    const summary = await nonconformitySummary(t.database.db, orgId, today());
    expect(summary).toMatchObject({
      open: 3,
      byGrade: { major: 0, minor: 3, observation: 0, opportunity: 0 },
      planOverdue: 1,
      evidenceOverdue: 1,
      closedLast12Months: 1,
      recurring: 1,
      correctiveActionsOpen: 0,
    });
    expect((await owner.get(url('/summary'))).body).toEqual(summary);
  });

  it('opens one nonconformity per source from another module, also under a race', async () => {
    const actor = { userId: ownerId, label: 'lead@example.com' };
    const input = {
      source: { kind: 'incident' as const, id: 'incident-1', label: 'INC-001' },
      grade: 'major',
      requirementId: '10.2',
      title: 'Incident showed no corrective action process',
      description: '',
    };
    const raced = await Promise.all(
      Array.from({ length: 4 }, () => t.database.db.transaction().execute((tx) => openNonconformity(tx, actor, orgId, input))),
    );
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(raced[0].number).toBe('NC-001');
    expect(await count('nonconformities')).toBe(1);
    expect(await audits(raced[0].id)).toEqual(['create']);
    expect((await owner.get(url(`/${raced[0].id}`))).body).toMatchObject({
      source: { kind: 'incident', id: 'incident-1', label: 'INC-001' },
      gradeLabel: 'Major nonconformity',
    });
    await expect(
      t.database.db
        .transaction()
        .execute((tx) =>
          openNonconformity(tx, actor, orgId, { ...input, grade: 'huge', source: { kind: 'incident', id: 'i-2' } }),
        ),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'body.grade' }] });
    expect(await count('nonconformities')).toBe(1);

    // creates at once, on PostgreSQL half through a second app process, are numbered without gaps
    const second = dialect === 'postgres' ? await startSecondNode(t) : null;
    const other = second ? new Client(second.app, owner.cookie, owner.csrf) : owner;
    const created = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        (i % 2 ? other : owner).post(url(), nc({ title: `Burst ${i}`, source: { kind: 'complaint', id: `c-${i % 2}` } })),
      ),
    ).finally(() => second?.close());
    // two creates per source: one of each pair is refused, naming the first
    expect(created.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    expect(created.filter((r) => r.status === 409).map((r) => r.body.detail)).toEqual([
      expect.stringMatching(/^NC-00[23] was already raised from this complaint/),
      expect.stringMatching(/^NC-00[23] was already raised from this complaint/),
    ]);
    expect(
      created
        .filter((r) => r.status === 201)
        .map((r) => r.body.number)
        .sort(),
    ).toEqual(['NC-002', 'NC-003']);
    expect(await count('nonconformities')).toBe(3);
  });

  it('lets a viewer read but not write, and lists what a member has due', async () => {
    const member = await addMember('Ama Owusu');
    const { id } = await create({ owner: { userId: member.userId }, raisedAt: daysFrom(today(), -40) });
    const act = await owner.post(url(`/${id}/actions`), {
      title: 'Retrain reviewers',
      owner: { userId: member.userId },
      dueDate: daysFrom(today(), 3),
    });
    expect(act.status).toBe(201);
    const viewer = await addMember('Vic Viewer', 'viewer');
    const v = await signIn(t.app, viewer.email);
    expect((await v.get(url())).status).toBe(200);
    expect((await v.get(url(`/${id}/timeline`))).status).toBe(200);
    expect((await v.post(url(), nc())).status).toBe(403);
    expect((await v.patch(url(`/${id}`), { title: 'x' })).status).toBe(403);
    expect((await v.post(url(`/${id}/actions`), { title: 'x' })).status).toBe(403);
    expect((await v.delete(url(`/${id}/actions/${act.body.id}`))).status).toBe(403);
    expect(
      (await v.put(url('/settings'), { grades: [{ key: 'a', label: 'A', planDays: 1, evidenceDays: 2, isNonconformity: true }] }))
        .status,
    ).toBe(403);
    expect(await count('nonconformities')).toBe(1);
    expect(await count('nonconformity_actions')).toBe(1);
    expect(await count('nonconformity_settings')).toBe(0);

    const due = await nonconformitiesDue(t.database.db, orgId, member.userId, today());
    expect(due).toEqual([
      expect.objectContaining({
        kind: 'corrective-action',
        id: act.body.id,
        nonconformityId: id,
        number: 'NC-001',
        dueDate: daysFrom(today(), 3),
      }),
    ]);
    // removing the action leaves the owner past the plan date with nothing planned
    expect((await owner.delete(url(`/${id}/actions/${act.body.id}`))).status).toBe(204);
    expect(await nonconformitiesDue(t.database.db, orgId, member.userId, today())).toEqual([
      expect.objectContaining({ kind: 'nonconformity', id, dueDate: daysFrom(today(), -10) }),
    ]);
    expect(await audits(id)).toEqual(['create', 'action-create', 'update', 'action-delete', 'update']);
    expect((await owner.get(url(`/${id}`))).body.status).toBe('open');
  });
});
