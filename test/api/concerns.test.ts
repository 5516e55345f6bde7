import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { concernSummary, concernsDue } from '../../src/modules/concerns/index.js';
import { addMember as inviteAndAccept, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('concerns (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/concerns${p}`;

  const addMember = async (name: string, role: string) => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { id: userId, name, email, client: await signIn(t.app, email) };
  };
  const system = async (name: string) => {
    const r = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const count = async (table: 'concerns' | 'concern_reporters' | 'risks' | 'notifications') =>
    (await t.database.db.selectFrom(table).select('org_id').where('org_id', '=', orgId).execute()).length;
  /** Nothing stored for anyone but the reporter (notifications, audit rows since `since`) names them. */
  const storedLeaks = async (reporter: { id: string; name: string; email: string }, since: number) => {
    const notes = await t.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '!=', reporter.id)
      .execute();
    const audit = await t.database.db.selectFrom('audit_log').selectAll().where('seq', '>', since).execute();
    const json = JSON.stringify([notes, audit]);
    return [reporter.id, reporter.name, reporter.email].filter((s) => json.includes(s));
  };
  const lastSeq = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.max('seq').as('m'))
          .executeTakeFirst()
      )?.m ?? 0,
    );

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('never reveals the reporter of an anonymous concern to reviewers, through any API a reviewer reads', async () => {
    const reporter = await addMember('Rita Reporter', 'contributor');
    const editor = await addMember('Ed Reviewer', 'editor');
    const bot = await system('Claims triage bot');
    // push the members' own "added" entries out of the home page's recent changes
    for (let i = 1; i <= 10; i++) await system(`System ${i}`);
    const secrets = [reporter.id, reporter.name, reporter.email, 'Rita', 'rita.reporter'];
    const leaks = (what: string, body: unknown) => {
      const json = JSON.stringify(body);
      for (const s of secrets) expect(json.includes(s), `${what} names the reporter (${s})`).toBe(false);
    };
    leaks('home before', (await owner.get(`/api/v1/orgs/${orgId}/home`)).body);
    const since = await lastSeq();

    const raised = await reporter.client.post(url(), {
      aiSystemId: bot,
      description: 'The bot refused every claim written in Polish.',
      noticedOn: new Date().toISOString().slice(0, 10),
      anonymous: true,
    });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({
      number: 'CON-001',
      anonymous: true,
      raisedBy: null,
      raisedByLabel: 'Anonymous',
      yours: true,
      status: 'new',
      aiSystem: { id: bot, name: 'Claims triage bot' },
    });
    const id = raised.body.id as string;

    // as reviewers: the concern, the lists, the audit log, the home page, their notifications
    for (const reviewer of [owner, editor.client]) {
      const one = await reviewer.get(url(`/${id}`));
      expect(one.status).toBe(200);
      expect(one.body).toMatchObject({ raisedByLabel: 'Anonymous', yours: false });
      leaks('the concern', one.body);
      const list = await reviewer.get(url());
      expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
      leaks('the list', list.body);
      leaks('the queue', (await reviewer.get(url('?status=new'))).body);
      const history = await reviewer.get(url(`/${id}/history`));
      expect(history.body.items).toEqual([
        expect.objectContaining({ action: 'create', actor: 'Anonymous reporter', actorUserId: null }),
      ]);
      leaks('the history', history.body);
      const notes = await reviewer.get(`/api/v1/orgs/${orgId}/notifications`);
      const note = notes.body.items.find((n: { kind: string }) => n.kind === 'concern-raised');
      expect(note).toMatchObject({ title: 'Concern CON-001 to review', link: `/orgs/${orgId}/concerns/${id}` });
      expect(note.body).toContain('anonymously');
      leaks('notifications', notes.body);
    }
    const log = await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=200`);
    expect(log.status).toBe(200);
    const fresh = log.body.items.filter((e: { seq: number }) => e.seq > since);
    expect(fresh).toEqual([
      expect.objectContaining({
        entityType: 'concern',
        entityId: id,
        action: 'create',
        actor: 'Anonymous reporter',
        actorUserId: null,
      }),
    ]);
    leaks('the audit log', fresh);
    // filtering the log by the reporter finds nothing of the concern
    const byReporter = await owner.get(`/api/v1/orgs/${orgId}/audit-log?actorUserId=${reporter.id}`);
    expect(byReporter.body.items.filter((e: { entityType: string }) => e.entityType === 'concern')).toEqual([]);
    leaks('the home page', (await owner.get(`/api/v1/orgs/${orgId}/home`)).body);
    leaks('the home page (editor)', (await editor.client.get(`/api/v1/orgs/${orgId}/home`)).body);
    // no list filter by reporter
    const byWho = await owner.get(url(`?raisedBy=${reporter.id}`));
    expect(byWho.status).toBe(400);
    // and the concern's own row holds nothing that names the reporter
    leaks('the concerns row', await t.database.db.selectFrom('concerns').selectAll().where('id', '=', id).execute());

    // triaged: the log and notifications still do not name them; the reporter is told
    const closed = await owner.post(url(`/${id}/triage`), { outcome: 'closed', reason: 'Polish support ships next week.' });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    leaks('the triaged concern', closed.body);
    const after = (await owner.get(`/api/v1/orgs/${orgId}/audit-log?limit=200`)).body.items.filter(
      (e: { seq: number }) => e.seq > since,
    );
    expect(after.map((e: { action: string }) => e.action)).toEqual(['triage', 'create']);
    leaks('the audit log after triage', after);
    leaks('notifications after triage', (await owner.get(`/api/v1/orgs/${orgId}/notifications`)).body);
    const history = (await editor.client.get(url(`/${id}/history`))).body.items;
    expect(history.map((e: { action: string; actor: string }) => [e.action, e.actor])).toEqual([
      ['create', 'Anonymous reporter'],
      ['triage', 'lead@example.com'],
    ]);
    leaks('the history after triage', history);
    leaks('editor notifications after triage', (await editor.client.get(`/api/v1/orgs/${orgId}/notifications`)).body);
    const told = (await reporter.client.get(`/api/v1/orgs/${orgId}/notifications`)).body.items;
    expect(told).toEqual([expect.objectContaining({ kind: 'concern-triaged', title: 'Your concern CON-001: closed' })]);
    expect(told[0].body).toContain('Polish support ships next week.');
    const mine = await reporter.client.get(url('/mine'));
    expect(mine.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'closed',
        statusLabel: 'Closed',
        outcomeText: 'Closed: Polish support ships next week.',
        closeReason: 'Polish support ships next week.',
        triagedBy: expect.objectContaining({ name: 'Ada Lead' }),
      }),
    ]);
  });

  it('shows the reporter of a named concern to reviewers, in the concern, the log and the notification', async () => {
    const reporter = await addMember('Nina Named', 'viewer');
    const raised = await reporter.client.post(url(), { description: 'Outputs look biased against older applicants.' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(201);
    expect(raised.body).toMatchObject({ anonymous: false, aiSystem: null, noticedOn: null });
    const one = await owner.get(url(`/${raised.body.id}`));
    expect(one.body).toMatchObject({ raisedBy: { userId: reporter.id, name: 'Nina Named' }, raisedByLabel: 'Nina Named' });
    const log = await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=concern`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ actorUserId: reporter.id, after: expect.objectContaining({ raisedBy: 'Nina Named' }) }),
    ]);
    const notes = (await owner.get(`/api/v1/orgs/${orgId}/notifications`)).body.items;
    expect(notes.find((n: { kind: string }) => n.kind === 'concern-raised').body).toContain('Nina Named raised a concern');
    // a reporter is not a reviewer: they read their own concern, not the list
    expect((await reporter.client.get(url(`/${raised.body.id}`))).status).toBe(200);
    expect((await reporter.client.get(url())).status).toBe(403);
    expect((await reporter.client.get(url(`/${raised.body.id}/history`))).status).toBe(403);
  });

  it('triages into a risk in the register, naming the AI system when the concern has none; once', async () => {
    const reporter = await addMember('Ravi Risk', 'contributor');
    const bot = await system('Pricing model');
    const since = await lastSeq();
    const raised = await reporter.client.post(url(), { description: 'Prices drift upwards every night.', anonymous: true });
    const id = raised.body.id as string;
    // no AI system on the concern, none named: 400, nothing written
    const noSystem = await owner.post(url(`/${id}/triage`), { outcome: 'risk' });
    expect(noSystem.status).toBe(400);
    expect(noSystem.body.errors).toEqual([expect.objectContaining({ field: 'body.aiSystemId' })]);
    expect(await count('risks')).toBe(0);
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ status: 'new', outcome: null });
    const sinceBad = await lastSeq();
    // a risk source the method does not have: 400 from the register, and the concern untouched
    const badSource = await owner.post(url(`/${id}/triage`), {
      outcome: 'risk',
      aiSystemId: bot,
      sourceCategory: 'no-such-source',
    });
    expect(badSource.status).toBe(400);
    expect(badSource.body.errors.map((e: { field: string }) => e.field)).toContain('body.sourceCategory');
    expect(await count('risks')).toBe(0);
    expect(await lastSeq()).toBe(sinceBad);

    const triaged = await owner.post(url(`/${id}/triage`), { outcome: 'risk', aiSystemId: bot, title: 'Nightly price drift' });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body).toMatchObject({ status: 'risk', outcome: 'risk', risk: { number: 'R-001' } });
    const risk = await owner.get(`/api/v1/orgs/${orgId}/risks/${triaged.body.risk.id}`);
    expect(risk.status).toBe(200);
    expect(risk.body).toMatchObject({ title: 'Nightly price drift', status: 'open', aiSystems: [{ id: bot }] });
    expect(risk.body.event).toContain('Prices drift upwards every night.');
    // the reporter sees the number of the risk
    const mine = (await reporter.client.get(url('/mine'))).body.items;
    expect(mine[0]).toMatchObject({ outcomeText: 'Added to the risk register as R-001', risk: { number: 'R-001' } });
    expect(await storedLeaks(reporter, since)).toEqual([]);
    // a second triage: 409, nothing more written
    const again = await owner.post(url(`/${id}/triage`), { outcome: 'closed', reason: 'twice' });
    expect(again.status).toBe(409);
    expect(await count('risks')).toBe(1);
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ status: 'risk', closeReason: null });
  });

  it('triages into an incident through the incidents module, linked both ways', async () => {
    const reporter = await addMember('Ines Incident', 'contributor');
    const bot = await system('Hiring screener');
    const raised = await reporter.client.post(url(), {
      aiSystemId: bot,
      description: 'It rejected all candidates over 50 this morning.',
      anonymous: true,
    });
    const id = raised.body.id as string;
    const since =
      (await t.database.db.selectFrom('audit_log').select('seq').where('entity_id', '=', id).executeTakeFirstOrThrow()).seq - 1;
    const bad = await owner.post(url(`/${id}/triage`), { outcome: 'incident', severity: 'dreadful' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.severity');
    const triaged = await owner.post(url(`/${id}/triage`), { outcome: 'incident', severity: 'high' });
    expect(triaged.status, JSON.stringify(triaged.body)).toBe(200);
    expect(triaged.body).toMatchObject({
      status: 'incident',
      incident: { number: 'INC-001' },
      statusLabel: 'Handled as an incident',
    });
    const incident = await owner.get(`/api/v1/orgs/${orgId}/incidents/${triaged.body.incident.id}`);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({ severity: 'high', detectedHow: 'concern', source: { kind: 'concern', id } });
    expect(JSON.stringify(incident.body)).not.toContain(reporter.id);
    const mine = (await reporter.client.get(url('/mine'))).body.items;
    expect(mine[0]).toMatchObject({ outcomeText: 'Handled as incident INC-001' });
    // the incident's own audit row and escalation notifications do not name the reporter either
    expect(await storedLeaks(reporter, since)).toEqual([]);
    expect((await owner.post(url(`/${id}/triage`), { outcome: 'incident', severity: 'low' })).status).toBe(409);
  });

  it('closes only with a reason; two reviewers triaging at once: one wins, the other gets 409', async () => {
    const reporter = await addMember('Cleo Close', 'contributor');
    const editor = await addMember('Eve Editor', 'editor');
    const id = (await reporter.client.post(url(), { description: 'Chatbot tone is rude.' })).body.id as string;
    const none = await owner.post(url(`/${id}/triage`), { outcome: 'closed' });
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('body.reason');
    const blank = await owner.post(url(`/${id}/triage`), { outcome: 'closed', reason: '   ' });
    expect(blank.status).toBe(400);
    expect((await owner.get(url(`/${id}`))).body.status).toBe('new');
    const started = await editor.client.post(url(`/${id}/start-triage`));
    expect(started.body).toMatchObject({ status: 'in-triage', statusLabel: 'Being looked at' });
    const [a, b] = await Promise.all([
      owner.post(url(`/${id}/triage`), { outcome: 'closed', reason: 'Tone guide updated.' }),
      editor.client.post(url(`/${id}/triage`), { outcome: 'closed', reason: 'Duplicate of CON-000.' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const log = await owner.get(`/api/v1/orgs/${orgId}/audit-log?entityType=concern&action=triage`);
    expect(log.body.items).toHaveLength(1);
  });

  it('keeps each member to their own concerns, refuses auditors and other organizations’ systems, writes nothing on failure', async () => {
    const rita = await addMember('Rita Own', 'contributor');
    const victor = await addMember('Victor Viewer', 'viewer');
    const auditor = await addMember('Aud Itor', 'auditor');
    const id = (await rita.client.post(url(), { description: 'Mine', anonymous: true })).body.id as string;
    await victor.client.post(url(), { description: 'His' });
    const ritaMine = (await rita.client.get(url('/mine'))).body.items;
    expect(ritaMine.map((c: { id: string }) => c.id)).toEqual([id]);
    const victorMine = (await victor.client.get(url('/mine'))).body.items;
    expect(victorMine.map((c: { description: string }) => c.description)).toEqual(['His']);
    // someone else's concern: not found for a member who is not a reviewer
    expect((await victor.client.get(url(`/${id}`))).status).toBe(404);
    expect((await victor.client.post(url(`/${id}/triage`), { outcome: 'closed', reason: 'x' })).status).toBe(403);
    // the external auditor raises nothing and reads nothing of concerns
    expect((await auditor.client.post(url(), { description: 'Audit note' })).status).toBe(403);
    expect((await auditor.client.get(url('/mine'))).status).toBe(403);
    expect((await auditor.client.get(url(`/${id}`))).status).toBe(403);

    const before = { concerns: await count('concerns'), reporters: await count('concern_reporters'), seq: await lastSeq() };
    const otherOrg = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id as string;
    const foreign = (await owner.post(`/api/v1/orgs/${otherOrg}/ai-systems`, { name: 'Theirs' })).body.id as string;
    const seq = await lastSeq();
    const wrong = await rita.client.post(url(), { aiSystemId: foreign, description: 'About their system' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'body.aiSystemId' })]);
    const empty = await rita.client.post(url(), { description: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('body.description');
    const future = await rita.client.post(url(), { description: 'Later', noticedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors[0].field).toBe('body.noticedOn');
    expect({ concerns: await count('concerns'), reporters: await count('concern_reporters') }).toEqual({
      concerns: before.concerns,
      reporters: before.reporters,
    });
    expect(await lastSeq()).toBe(seq);
    // another organization's concern id, or this one through another org: 404
    expect((await owner.get(`/api/v1/orgs/${otherOrg}/concerns/${id}`)).status).toBe(404);
    expect((await rita.client.get(`/api/v1/orgs/${otherOrg}/concerns/mine`)).status).toBe(404);
  });

  it('numbers concerns raised at the same time without a gap or a duplicate', async () => {
    const raised = await Promise.all(
      Array.from({ length: 6 }, (_, i) => owner.post(url(), { description: `Concern ${i}`, anonymous: i % 2 === 0 })),
    );
    expect(raised.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(raised.map((r) => r.body.number).sort()).toEqual(['CON-001', 'CON-002', 'CON-003', 'CON-004', 'CON-005', 'CON-006']);
    expect(await count('concern_reporters')).toBe(6);
  });

  it('summarises for the home page: new, open, triaged in 90 days, and the queue oldest first', async () => {
    const bot = await system('Summariser');
    const a = (await owner.post(url(), { description: 'one', aiSystemId: bot, anonymous: true })).body;
    const b = (await owner.post(url(), { description: 'two' })).body;
    const c = (await owner.post(url(), { description: 'three' })).body;
    await owner.post(url(`/${b.id}/start-triage`));
    await owner.post(url(`/${c.id}/triage`), { outcome: 'closed', reason: 'Not about AI.' });
    expect(await concernSummary(t.database.db, orgId)).toEqual({ new: 1, open: 2, triagedLast90Days: 1 });
    expect(await concernsDue(t.database.db, orgId)).toEqual([
      { id: a.id, number: 'CON-001', raisedAt: a.raisedAt, aiSystemName: 'Summariser' },
      { id: b.id, number: 'CON-002', raisedAt: b.raisedAt, aiSystemName: null },
    ]);
    const open = await owner.get(url('?open=true'));
    expect(open.body.items.map((i: { number: string }) => i.number)).toEqual(['CON-002', 'CON-001']);
    // pages, newest first
    const first = await owner.get(url('?limit=2'));
    expect(first.body.items.map((i: { number: string }) => i.number)).toEqual(['CON-003', 'CON-002']);
    const next = await owner.get(url(`?limit=2&cursor=${first.body.nextCursor}`));
    expect(next.body).toMatchObject({ items: [{ number: 'CON-001' }], nextCursor: null });
    expect((await owner.get(url('?cursor=abc'))).status).toBe(400);
  });
});
