import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificationAuditSummary } from '../../src/modules/certification-audits/index.js';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { Client, createTestApp, PASSWORD, setupOwner, signIn, startSecondNode, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// The audit room: an external auditor's access follows the audit's days,
// requests are answered with links to the organization's records, and the
// auditor raises and closes but does not answer.

describe.each(testDialects())('certification audit room (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let seq = 0;
  const url = (p = '') => `/api/v1/orgs/${orgId}/certification-audits${p}`;
  const today = todayUtc();
  const plan = async (start: string, end: string, type = 'stage-2') => {
    const r = await owner.post(url(), { type, plannedStart: start, plannedEnd: end });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  };
  const auditorEmail = () => `auditor-${dialect}-${++seq}@body.example`;
  const grant = async (auditId: string, email: string) => {
    const r = await owner.post(url(`/${auditId}/access`), { email, name: 'Rita Auditor', password: PASSWORD });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body;
  };

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

  it("gives access for the audit's days only, moving with its dates", async () => {
    const id = await plan(addDays(today, -3), addDays(today, -1));
    const email = auditorEmail();
    const g = await grant(id, email);
    expect(g).toMatchObject({
      email,
      startsAt: `${addDays(today, -3)}T00:00:00.000Z`,
      expiresAt: `${today}T00:00:00.000Z`,
      active: false,
    });
    const auditor = await signIn(t.app, email);
    // ended yesterday: the organization is not the auditor's any more
    expect((await auditor.get(url())).status).toBe(404);
    expect((await auditor.post(url(`/${id}/requests`), { title: 'Risk records' })).status).toBe(404);

    // the end moves to tomorrow: access works, through the same transaction as the audit's change
    const moved = await owner.patch(url(`/${id}`), { plannedEnd: addDays(today, 1) });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await auditor.get(url())).status).toBe(200);
    expect((await auditor.get('/api/v1/orgs')).body.items.map((o: { id: string }) => o.id)).toContain(orgId);
    const listed = (await owner.get(url(`/${id}/access`))).body.items;
    expect(listed).toMatchObject([{ email, active: true, expiresAt: `${addDays(today, 2)}T00:00:00.000Z` }]);

    // planned for later: no access before the first day, not even in the list of organizations
    expect((await owner.patch(url(`/${id}`), { plannedStart: addDays(today, 2), plannedEnd: addDays(today, 3) })).status).toBe(
      200,
    );
    expect((await auditor.get(url())).status).toBe(404);
    expect((await auditor.get('/api/v1/orgs')).body.items.map((o: { id: string }) => o.id)).not.toContain(orgId);

    // recorded actual days win over the planned ones
    expect((await owner.patch(url(`/${id}`), { actualStart: today, status: 'in-progress' })).status).toBe(200);
    expect((await auditor.get(url())).status).toBe(200);

    // ended now by hand: 404 at once, and date changes no longer bring it back
    const ended = await owner.delete(url(`/${id}/access/${g.userId}`));
    expect(ended.status, JSON.stringify(ended.body)).toBe(200);
    expect(ended.body.items[0]).toMatchObject({ active: false, revokedAt: expect.any(String) });
    expect((await auditor.get(url())).status).toBe(404);
    await owner.patch(url(`/${id}`), { plannedEnd: addDays(today, 5) });
    expect((await auditor.get(url())).status).toBe(404);

    // cancelling an audit ends the access it gave
    const next = await plan(today, addDays(today, 1));
    const again = auditorEmail();
    await grant(next, again);
    const second = await signIn(t.app, again);
    expect((await second.get(url())).status).toBe(200);
    expect((await owner.patch(url(`/${next}`), { status: 'cancelled' })).status).toBe(200);
    expect((await second.get(url())).status).toBe(404);
    expect((await owner.get(url(`/${next}/access`))).body.items[0]).toMatchObject({
      active: false,
      revokedAt: expect.any(String),
    });
  });

  it('refuses a member who already has access, and never touches another organization', async () => {
    const id = await plan(today, addDays(today, 1));
    const self = await owner.post(url(`/${id}/access`), { email: 'lead@example.com' });
    expect(self.status).toBe(409);
    expect(self.body.errors[0].field).toBe('body.email');
    const newcomer = await owner.post(url(`/${id}/access`), { email: auditorEmail() });
    expect(newcomer.status).toBe(400);
    expect(newcomer.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.name', 'body.password']);

    const email = auditorEmail();
    await grant(id, email);
    expect((await owner.post(url(`/${id}/access`), { email })).status).toBe(409);

    const other = await owner.post('/api/v1/orgs', { name: `Other room ${dialect}` });
    const otherId = other.body.id as string;
    const auditor = await signIn(t.app, email);
    expect((await auditor.get(`/api/v1/orgs/${otherId}/certification-audits`)).status).toBe(404);
    // an audit of this organization cannot be used to grant access in another
    expect((await owner.post(`/api/v1/orgs/${otherId}/certification-audits/${id}/access`, { email })).status).toBe(404);
    const memberships = await t.database.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['memberships.org_id', 'memberships.role'])
      .where('users.email', '=', email)
      .execute();
    expect(memberships).toEqual([{ org_id: orgId, role: 'auditor' }]);
  });

  it('requests: the auditor raises and closes, the organization answers with links to its records', async () => {
    const id = await plan(today, addDays(today, 2));
    const email = auditorEmail();
    await grant(id, email);
    const auditor = await signIn(t.app, email);

    const req = await auditor.post(url(`/${id}/requests`), {
      title: 'The risk records of three AI systems',
      detail: 'With their treatment plans',
      dueDate: addDays(today, 1),
    });
    expect(req.status, JSON.stringify(req.body)).toBe(201);
    expect(req.body).toMatchObject({ number: 'R1', status: 'open', raisedBy: 'Rita Auditor', responses: [] });
    expect((await owner.get(url(`/${id}`))).body.counts).toMatchObject({ openRequests: 1, answeredRequests: 0 });
    expect((await certificationAuditSummary(t.database.db, orgId)).openRequests).toBe(1);

    const imp = await owner.post(`/api/v1/orgs/${orgId}/improvements`, { title: 'Risk owners named' });
    expect(imp.status).toBe(201);
    const other = await owner.post('/api/v1/orgs', { name: `Foreign ${dialect}` });
    const foreign = await owner.post(`/api/v1/orgs/${other.body.id}/improvements`, { title: 'Not theirs' });
    const respond = (c: Client, body: unknown) => c.post(url(`/${id}/requests/${req.body.id}/responses`), body);

    // the auditor reads but does not answer
    expect((await respond(auditor, { note: 'x', links: [] })).status).toBe(403);
    const bad = await respond(owner, {
      note: 'See these',
      links: [
        { type: 'improvement', id: foreign.body.id },
        { type: 'spaceship', id: 'x' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.links.0.id', 'body.links.1.type']);
    expect((await owner.get(url(`/${id}/requests`))).body.items[0].responses).toEqual([]);

    const ok = await respond(owner, {
      note: 'The register and the treatment plans',
      links: [
        { type: 'improvement', id: imp.body.id },
        { type: 'certification-audit', id },
      ],
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.status).toBe('answered');
    expect(ok.body.responses[0]).toMatchObject({
      by: 'Ada Lead',
      links: [
        { type: 'improvement', label: `${imp.body.number} Risk owners named` },
        { type: 'certification-audit', label: 'CA-001 Stage 2' },
      ],
    });
    expect((await owner.get(url(`/${id}`))).body.counts).toMatchObject({ openRequests: 0, answeredRequests: 1 });

    // only the room closes and reopens
    expect((await owner.post(url(`/${id}/requests/${req.body.id}/close`))).status).toBe(200);
    const reopened = await auditor.post(url(`/${id}/requests/${req.body.id}/reopen`));
    expect(reopened.body.status).toBe('open');
    const closed = await auditor.post(url(`/${id}/requests/${req.body.id}/close`));
    expect(closed.body).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
    expect((await respond(owner, { note: 'more', links: [] })).status).toBe(409);

    // and records findings, but edits nothing else
    const f = await auditor.post(url(`/${id}/findings`), { grade: 'minor', requirementId: '6.1.3', statement: 'Owners missing' });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body.nonconformity.number).toBe('NC-001');
    expect((await auditor.patch(url(`/${id}`), { notes: 'x' })).status).toBe(403);
    expect((await auditor.get(url(`/${id}/access`))).status).toBe(403);
  });

  it('holds under concurrent writes from two app processes: one grant per person, findings numbered apart', async () => {
    const id = await plan(today, addDays(today, 1));
    const second = dialect === 'postgres' ? await startSecondNode(t) : null;
    const other = second ? new Client(second.app, owner.cookie, owner.csrf) : owner;
    try {
      const email = auditorEmail();
      const body = { email, name: 'Rita Auditor', password: PASSWORD };
      const grants = await Promise.all([owner.post(url(`/${id}/access`), body), other.post(url(`/${id}/access`), body)]);
      expect(grants.map((g) => g.status).sort()).toEqual([201, 409]);
      expect((await owner.get(url(`/${id}/access`))).body.items).toHaveLength(1);

      const finding = (statement: string) => ({ grade: 'minor', requirementId: '7.2', statement });
      const posted = await Promise.all([
        owner.post(url(`/${id}/findings`), finding('Training records incomplete')),
        other.post(url(`/${id}/findings`), finding('Competence criteria missing')),
        owner.post(url(`/${id}/requests`), { title: 'Training records' }),
        other.post(url(`/${id}/requests`), { title: 'Competence criteria' }),
      ]);
      expect(posted.map((p) => p.status)).toEqual([201, 201, 201, 201]);
      expect(
        posted
          .slice(0, 2)
          .map((p) => p.body.number)
          .sort(),
      ).toEqual(['F1', 'F2']);
      expect(
        posted
          .slice(2)
          .map((p) => p.body.number)
          .sort(),
      ).toEqual(['R1', 'R2']);
      const ncs = posted.slice(0, 2).map((p) => p.body.nonconformity.number);
      expect(new Set(ncs).size).toBe(2);
    } finally {
      await second?.close();
    }
  });
});
