import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openIncident } from '../../src/modules/incidents/index.js';
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

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

describe.each(testDialects())('incident register (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/incidents${p}`;
  const count = async (table: 'incidents' | 'incident_updates' | 'notifications', org = orgId) =>
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
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'entity_type'])
      .where('org_id', '=', orgId)
      .where('entity_id', '=', entityId)
      .orderBy('seq')
      .execute();
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { userId, email };
  };
  const escalationRole = async () => {
    const roles = (await owner.get(`/api/v1/orgs/${orgId}/roles`)).body.items as { id: string; key: string }[];
    return roles.find((r) => r.key === 'incident-escalation')!;
  };
  const incident = (extra: Record<string, unknown> = {}) => ({
    title: 'Chatbot gave a customer wrong dosage advice',
    description: 'A customer was told to double the dose.',
    detectedAt: ago(60),
    detectedHow: 'user-report',
    severity: 'high',
    harmCategories: ['health', 'safety'],
    peopleAffected: { count: 1, description: 'One customer' },
    ...extra,
  });

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

  it('escalates a new incident to the escalation role holder, notifies them, and audits it', async () => {
    const holder = await addMember('Kofi Mensah');
    const role = await escalationRole();
    expect((await owner.patch(`/api/v1/orgs/${orgId}/roles/${role.id}`, { holder: { userId: holder.userId } })).status).toBe(200);
    const system = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot' })).body.id;

    const created = await owner.post(url(), incident({ aiSystemId: system }));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      number: 'INC-001',
      status: 'open',
      aiSystem: { id: system, name: 'Support bot' },
      escalation: { to: { userId: holder.userId, name: 'Kofi Mensah' } },
      source: { kind: 'manual', id: null },
      correctiveActionIds: [],
      flags: [],
    });
    expect(Date.parse(created.body.escalation.at)).toBeGreaterThan(Date.now() - 60_000);

    // the holder sees it in their notifications and in their due list
    const hal = await signIn(t.app, holder.email);
    const notes = (await hal.get(`/api/v1/orgs/${orgId}/notifications`)).body.items;
    expect(notes).toEqual([
      expect.objectContaining({ kind: 'incident-escalated', link: `/orgs/${orgId}/incidents/${created.body.id}` }),
    ]);
    const { incidentsDue, incidentSummary } = await import('../../src/modules/incidents/index.js');
    expect(await incidentsDue(t.database.db, orgId, holder.userId)).toEqual([
      expect.objectContaining({ id: created.body.id, number: 'INC-001', severity: 'high', status: 'open' }),
    ]);
    expect(await incidentSummary(t.database.db, orgId)).toEqual({
      open: 1,
      bySeverity: { low: 0, medium: 0, high: 1, critical: 0 },
      notEscalated: 0,
      closedLast90Days: 0,
    });
    expect(await audits(created.body.id)).toEqual([{ action: 'create', entity_type: 'incident' }]);
    // a second one numbers on
    expect((await owner.post(url(), incident({ title: 'Second' }))).body.number).toBe('INC-002');
  });

  it('creates the incident flagged not-escalated when the role is vacant, and lists it by that flag', async () => {
    const created = await owner.post(url(), incident());
    expect(created.status).toBe(201);
    expect(created.body.escalation).toEqual({ to: null, at: null });
    expect(created.body.flags).toEqual([expect.objectContaining({ code: 'not-escalated' })]);
    expect(await count('notifications')).toBe(0);
    const flagged = await owner.get(url('?flag=not-escalated'));
    expect(flagged.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    // naming someone by hand clears the flag
    const named = await owner.patch(url(`/${created.body.id}`), { escalation: { to: { userId: ownerId } } });
    expect(named.status, JSON.stringify(named.body)).toBe(200);
    expect(named.body.flags).toEqual([]);
    expect(named.body.escalation.to).toMatchObject({ userId: ownerId, name: 'Ada Lead' });
    // saving the same person again (as the edit form does) keeps when they were told
    const again = await owner.patch(url(`/${created.body.id}`), {
      title: 'Renamed',
      escalation: { to: { userId: ownerId }, at: null },
    });
    expect(again.body.escalation.at).toBe(named.body.escalation.at);
  });

  it("refuses another organization's AI system and risk, and a future detection time, writing nothing", async () => {
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const theirSystem = (await owner.post(`/api/v1/orgs/${other}/ai-systems`, { name: 'Their bot' })).body.id;
    const theirRisk = await owner.post(`/api/v1/orgs/${other}/risks`, {
      title: 'Their risk',
      aiSystemIds: [theirSystem],
      sourceCategory: 'fairness',
      inherentLikelihood: 2,
      inherentImpact: 2,
    });
    expect(theirRisk.status, JSON.stringify(theirRisk.body)).toBe(201);
    const bad = await owner.post(url(), incident({ aiSystemId: theirSystem, linkedRiskIds: [theirRisk.body.id] }));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.aiSystemId', 'body.linkedRiskIds.0']);
    const future = await owner.post(url(), incident({ detectedAt: new Date(Date.now() + 3_600_000).toISOString() }));
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'body.detectedAt' })]);
    const badEnum = await owner.post(url(), incident({ severity: 'catastrophic', harmCategories: ['weather'] }));
    expect(badEnum.status).toBe(400);
    expect(await count('incidents')).toBe(0);
    // another organization's incident is not found here
    const theirs = await owner.post(`/api/v1/orgs/${other}/incidents`, incident());
    expect((await owner.get(url(`/${theirs.body.id}`))).status).toBe(404);
    expect((await owner.get(url(`/${theirs.body.id}/timeline`))).status).toBe(404);
    expect((await owner.post(url(`/${theirs.body.id}/updates`), { note: 'x' })).status).toBe(404);
    expect(await count('incident_updates', other)).toBe(0);
  });

  it('holds closing to the rules: containment, root cause, lessons learned, and a communication when high', async () => {
    const id = (await owner.post(url(), incident())).body.id;
    const contain = await owner.patch(url(`/${id}`), { status: 'contained' });
    expect(contain.status).toBe(400);
    expect(contain.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.containment']);

    const close = await owner.patch(url(`/${id}`), { status: 'closed', containment: 'Bot switched off' });
    expect(close.status).toBe(400);
    expect(close.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'body.rootCause',
      'body.lessonsLearned',
      'body.communications',
    ]);
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ status: 'open', containment: '' });

    const explained = { rootCause: 'Prompt allowed dosing advice', lessonsLearned: 'Block medical topics' };
    const stillHigh = await owner.patch(url(`/${id}`), { status: 'closed', ...explained });
    expect(stillHigh.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.communications']);
    // a reason why no one had to be told is enough
    const closed = await owner.patch(url(`/${id}`), {
      status: 'closed',
      ...explained,
      noCommunicationReason: 'The customer was called by support the same day; no one else was affected.',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.closedAt).not.toBeNull();
    // a low incident needs no communication; clearing the root cause of a closed one is refused
    const low = (await owner.post(url(), incident({ severity: 'low' }))).body.id;
    expect((await owner.patch(url(`/${low}`), { status: 'closed', ...explained })).status).toBe(200);
    expect((await owner.patch(url(`/${low}`), { rootCause: ' ' })).status).toBe(400);
    const { incidentSummary } = await import('../../src/modules/incidents/index.js');
    expect(await incidentSummary(t.database.db, orgId)).toMatchObject({ open: 0, closedLast90Days: 2 });
  });

  it('tells the timeline in order: detected, created, escalated, communications, changes, updates', async () => {
    const holder = await addMember('Kofi Mensah');
    const role = await escalationRole();
    await owner.patch(`/api/v1/orgs/${orgId}/roles/${role.id}`, { holder: { userId: holder.userId } });
    const system = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot' })).body.id;
    const risk = await owner.post(`/api/v1/orgs/${orgId}/risks`, {
      title: 'Unsafe medical advice',
      aiSystemIds: [system],
      sourceCategory: 'fairness',
      inherentLikelihood: 3,
      inherentImpact: 3,
    });
    const created = await owner.post(url(), incident({ detectedAt: ago(120), aiSystemId: system }));
    const id = created.body.id;
    const etag = created.headers.etag as string;
    const comm = await owner.request(
      'PATCH',
      url(`/${id}`),
      {
        communications: [{ party: 'The customer', when: ago(30), what: 'Called and apologised', by: { userId: ownerId } }],
        containment: 'Bot switched off',
        status: 'contained',
        linkedRiskIds: [risk.body.id],
      },
      { 'if-match': etag },
    );
    expect(comm.status, JSON.stringify(comm.body)).toBe(200);
    // a stale If-Match is refused with the current record
    const stale = await owner.request('PATCH', url(`/${id}`), { severity: 'low' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    const update = await owner.post(url(`/${id}/updates`), { note: 'Vendor confirmed the prompt fix' });
    expect(update.status, JSON.stringify(update.body)).toBe(201);
    expect(update.body).toMatchObject({ note: 'Vendor confirmed the prompt fix', by: 'Ada Lead' });
    expect((await owner.post(url(`/${id}/updates`), { note: '  ' })).status).toBe(400);

    const timeline = await owner.get(url(`/${id}/timeline`));
    expect(timeline.status).toBe(200);
    const items = timeline.body.items as { at: string; kind: string; who: string | null; what: string; detail: string | null }[];
    expect(items.map((e) => e.kind)).toEqual([
      'detected',
      'communication',
      'created',
      'escalated',
      'risk-linked',
      'containment',
      'status',
      'update',
    ]);
    // newest last
    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort());
    expect(items[1]).toMatchObject({ who: 'Ada Lead', what: 'Communicated to The customer', detail: 'Called and apologised' });
    expect(items[2]).toMatchObject({ who: 'Ada Lead' });
    expect(items[3].what).toBe('Escalated to Kofi Mensah');
    expect(items[4].what).toContain('Unsafe medical advice');
    expect(items[6].what).toBe('Status changed from open to contained');
    expect(items[7]).toMatchObject({ detail: 'Vendor confirmed the prompt fix', who: 'Ada Lead' });
    expect((await audits(id)).map((a) => a.action)).toEqual(['create', 'update', 'add-update']);
  });

  it('opens an incident inside a caller’s transaction: escalated and audited, undone by a rollback, once per source', async () => {
    const holder = await addMember('Kofi Mensah');
    const role = await escalationRole();
    await owner.patch(`/api/v1/orgs/${orgId}/roles/${role.id}`, { holder: { userId: holder.userId } });
    const actor = { userId: ownerId, label: 'lead@example.com' };
    const input = {
      aiSystemId: null,
      title: 'Accuracy below threshold',
      description: 'Weekly accuracy 71% < 80%',
      detectedAt: ago(5),
      detectedHow: 'monitoring' as const,
      severity: 'medium' as const,
      source: { kind: 'monitoring-breach' as const, id: 'breach-1' },
    };
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        const opened = await openIncident(tx, actor, orgId, input);
        expect(opened.number).toBe('INC-001');
        throw new Error('the caller fails after opening');
      }),
    ).rejects.toThrow('the caller fails');
    expect(await count('incidents')).toBe(0);
    expect(await count('notifications')).toBe(0);
    expect(
      await t.database.db
        .selectFrom('audit_log')
        .select('id')
        .where('org_id', '=', orgId)
        .where('entity_type', '=', 'incident')
        .execute(),
    ).toEqual([]);

    const opened = await t.database.db.transaction().execute((tx) => openIncident(tx, actor, orgId, input));
    expect(opened.number).toBe('INC-001');
    const again = await t.database.db.transaction().execute((tx) => openIncident(tx, actor, orgId, input));
    expect(again).toEqual(opened);
    const item = (await owner.get(url(`/${opened.id}`))).body;
    expect(item).toMatchObject({
      source: { kind: 'monitoring-breach', id: 'breach-1' },
      escalation: { to: { userId: holder.userId } },
      detectedHow: 'monitoring',
    });
    expect(await count('notifications')).toBe(1);
    expect((await audits(opened.id)).map((a) => a.action)).toEqual(['create']);
    // bad input is a 400 naming the field, in the caller's transaction
    await expect(
      t.database.db
        .transaction()
        .execute((tx) => openIncident(tx, actor, orgId, { ...input, title: '', source: { kind: 'concern', id: 'c-1' } })),
    ).rejects.toMatchObject({ status: 400, errors: [{ field: 'body.title' }] });
  });

  it('numbers incidents created at once without gaps or duplicates, and opens one incident per source under a race', async () => {
    // on PostgreSQL half of them through a second app process on the same database
    const second = dialect === 'postgres' ? await startSecondNode(t) : null;
    const other = second ? new Client(second.app, owner.cookie, owner.csrf) : owner;
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? other : owner).post(url(), incident({ title: `Burst ${i}` }))),
    ).finally(() => second?.close());
    expect(created.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(created.map((r) => r.body.number).sort()).toEqual(['INC-001', 'INC-002', 'INC-003', 'INC-004', 'INC-005', 'INC-006']);
    const actor = { userId: ownerId, label: 'lead@example.com' };
    const input = {
      aiSystemId: null,
      title: 'Complaint about unfair scoring',
      description: '',
      detectedAt: ago(1),
      detectedHow: 'concern' as const,
      severity: 'low' as const,
      source: { kind: 'concern' as const, id: 'concern-42' },
    };
    const raced = await Promise.all(
      Array.from({ length: 3 }, () => t.database.db.transaction().execute((tx) => openIncident(tx, actor, orgId, input))),
    );
    expect(new Set(raced.map((r) => r.id)).size).toBe(1);
    expect(raced[0].number).toBe('INC-007');
    expect(await count('incidents')).toBe(7);
    // an archived incident takes no updates
    expect((await owner.post(url(`/${raced[0].id}/archive`))).status).toBe(200);
    expect((await owner.post(url(`/${raced[0].id}/updates`), { note: 'late' })).status).toBe(409);
    expect(await count('incident_updates')).toBe(0);
  });

  it('lets a viewer read but not write, and exports the register and one incident report', async () => {
    const id = (await owner.post(url(), incident())).body.id;
    const viewer = await addMember('Vic Viewer', 'viewer');
    const v = await signIn(t.app, viewer.email);
    expect((await v.get(url())).status).toBe(200);
    expect((await v.post(url(), incident())).status).toBe(403);
    expect((await v.patch(url(`/${id}`), { severity: 'low' })).status).toBe(403);
    expect((await v.post(url(`/${id}/updates`), { note: 'x' })).status).toBe(403);
    expect(await count('incidents')).toBe(1);
    expect(await count('incident_updates')).toBe(0);

    const csv = await owner.get(url('/export?format=csv'));
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.raw.body).toContain('INC-001');
    expect(csv.raw.body).toContain('High');
    expect(csv.raw.body).not.toContain(',high,');
    const xlsx = await owner.get(url('/export?format=xlsx'));
    expect(xlsx.status).toBe(200);
    expect(xlsx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const docx = await owner.get(url(`/${id}/report?format=docx`));
    expect(docx.status).toBe(200);
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const html = await owner.get(url(`/${id}/report?format=html`));
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain('INC-001');
    expect(html.raw.body).toContain('Not escalated');
  });
});
