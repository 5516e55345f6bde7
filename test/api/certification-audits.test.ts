import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  certificationAuditSummary,
  findingsOfAudits,
  getCertificationAuditRef,
  listCertificationAuditRefs,
} from '../../src/modules/certification-audits/index.js';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Certification audits: the register and its rules, the auditor's access
// window, requests answered with links, and graded findings opening
// nonconformities (see certification-audits-room.test.ts for the room).

describe.each(testDialects())('certification audits (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/certification-audits${p}`;
  const today = todayUtc();
  const plan = (extra: Record<string, unknown> = {}) =>
    owner.post(url(), { type: 'stage-1', plannedStart: addDays(today, 10), plannedEnd: addDays(today, 11), ...extra });
  const count = async () =>
    (await t.database.db.selectFrom('certification_audits').select('id').where('org_id', '=', orgId).execute()).length;

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

  it('plans audits numbered per organization, lists, filters and edits them', async () => {
    const a = await plan({
      team: [{ name: 'Rita Lead', email: 'Rita@Body.example', role: 'lead' }],
      sites: ['Berlin HQ'],
      requirementsSampled: ['9.2.1', 'A.6.2.6', '9.2.1'],
    });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body).toMatchObject({
      number: 'CA-001',
      label: 'CA-001 Stage 1',
      status: 'planned',
      outcome: 'pending',
      startDate: addDays(today, 10),
      endDate: addDays(today, 11),
      team: [{ name: 'Rita Lead', email: 'rita@body.example', role: 'lead' }],
      requirementsSampled: [{ id: '9.2.1' }, { id: 'A.6.2.6' }],
      counts: { openRequests: 0, answeredRequests: 0, openFindings: 0, findings: 0 },
    });
    const b = await plan({ type: 'surveillance', surveillanceNumber: 1, plannedStart: '2027-05-01', plannedEnd: '2027-05-02' });
    expect(b.body).toMatchObject({ number: 'CA-002', label: 'CA-002 Surveillance 1' });
    expect((await owner.get(url('?type=surveillance'))).body.items.map((i: { number: string }) => i.number)).toEqual(['CA-002']);
    expect((await owner.get(url('?sort=number'))).body.items.map((i: { number: string }) => i.number)).toEqual([
      'CA-001',
      'CA-002',
    ]);
    expect((await owner.get(url('?q=CA-2'))).body.items.map((i: { number: string }) => i.number)).toEqual(['CA-002']);

    const done = await owner.patch(url(`/${a.body.id}`), {
      status: 'completed',
      actualStart: addDays(today, 10),
      actualEnd: addDays(today, 12),
      outcome: 'ready-for-stage-2',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', endDate: addDays(today, 12) });
    const history = (await owner.get(url(`/${a.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'update']);

    expect(await getCertificationAuditRef(t.database.db, orgId, a.body.id)).toMatchObject({
      number: 'CA-001',
      type: 'stage-1',
      outcome: 'ready-for-stage-2',
    });
    await owner.patch(url(`/${b.body.id}`), { status: 'cancelled' });
    expect((await listCertificationAuditRefs(t.database.db, orgId)).map((r) => r.number)).toEqual(['CA-001']);
    const summary = await certificationAuditSummary(t.database.db, orgId);
    expect(summary.latest['stage-1']?.number).toBe('CA-001');
    expect(summary.latest.surveillance).toBeNull();
  });

  it('refuses bad records with 400s naming each field, writing nothing', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ plannedEnd: addDays(today, 5) }, ['body.plannedEnd']],
      [{ type: 'surveillance' }, ['body.surveillanceNumber']],
      [{ surveillanceNumber: 1 }, ['body.surveillanceNumber']],
      [{ actualStart: '2026-01-05', actualEnd: '2026-01-04' }, ['body.actualEnd']],
      [{ actualEnd: '2026-01-04' }, ['body.actualStart']],
      [{ outcome: 'recommended' }, ['body.outcome']],
      [{ type: 'stage-2', outcome: 'ready-for-stage-2' }, ['body.outcome']],
      [{ status: 'completed' }, ['body.actualStart', 'body.actualEnd', 'body.outcome']],
      [{ requirementsSampled: ['9.2.1', '99.9'] }, ['body.requirementsSampled.1']],
      [{ certificationBodyId: '0190a0a0-0000-7000-8000-000000000000' }, ['body.certificationBodyId']],
      [{ plannedStart: '2026-02-30' }, ['body.plannedStart']],
      [{ type: 'stage-3' }, ['body.type']],
    ];
    for (const [body, fields] of cases) {
      const r = await plan(body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.errors.map((e: { field: string }) => e.field).sort(), JSON.stringify(body)).toEqual(fields.sort());
    }
    expect(await count()).toBe(0);
    const a = await plan();
    const bad = await owner.patch(url(`/${a.body.id}`), { actualStart: addDays(today, 3), actualEnd: addDays(today, 2) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.actualEnd']);
  });

  it('names the certification body that audits, as a link checked against this organization', async () => {
    const body = await owner.post(`/api/v1/orgs/${orgId}/certification-bodies`, { name: 'Accredited Cert GmbH' });
    expect(body.status, JSON.stringify(body.body)).toBe(201);
    const a = await plan({ certificationBodyId: body.body.id });
    expect(a.status, JSON.stringify(a.body)).toBe(201);
    expect(a.body.certificationBody).toEqual({ id: body.body.id, label: 'Accredited Cert GmbH' });
    const other = await owner.post('/api/v1/orgs', { name: `Body elsewhere ${dialect}` });
    const foreign = await owner.post(`/api/v1/orgs/${other.body.id}/certification-bodies`, { name: 'Not theirs' });
    const bad = await owner.patch(url(`/${a.body.id}`), { certificationBodyId: foreign.body.id });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.certificationBodyId']);
  });

  it('a viewer reads but cannot write; another organization sees nothing', async () => {
    const a = await plan();
    await addMember(owner, t.app, orgId, { email: `viewer-${dialect}@example.com`, role: 'viewer', name: 'Vic Viewer' });
    const viewer = await signIn(t.app, `viewer-${dialect}@example.com`);
    expect((await viewer.get(url(`/${a.body.id}`))).status).toBe(200);
    expect((await viewer.post(url(), { type: 'stage-1', plannedStart: today, plannedEnd: today })).status).toBe(403);
    expect((await viewer.patch(url(`/${a.body.id}`), { notes: 'x' })).status).toBe(403);
    expect((await viewer.post(url(`/${a.body.id}/requests`), { title: 'x' })).status).toBe(403);
    expect((await viewer.post(url(`/${a.body.id}/findings`), { grade: 'observation', statement: 'x' })).status).toBe(403);
    expect((await viewer.post(url(`/${a.body.id}/access`), { email: 'x@example.com' })).status).toBe(403);

    const other = await owner.post('/api/v1/orgs', { name: `Other ${dialect}` });
    const otherUrl = `/api/v1/orgs/${other.body.id}/certification-audits/${a.body.id}`;
    expect((await owner.get(otherUrl)).status).toBe(404);
    expect((await owner.get(`${otherUrl}/requests`)).status).toBe(404);
    expect((await owner.get(`${otherUrl}/findings`)).status).toBe(404);
    expect((await owner.post(`${otherUrl}/findings`, { grade: 'observation', statement: 'x' })).status).toBe(404);
    expect((await owner.post(`${otherUrl}/access`, { email: 'x@example.com' })).status).toBe(404);
    expect(await getCertificationAuditRef(t.database.db, other.body.id, a.body.id)).toBeNull();
    void ownerId;
  });

  it('a major finding opens exactly one nonconformity, followed until it closes', async () => {
    const a = await plan({ type: 'stage-2' });
    const id = a.body.id;
    const missing = await owner.post(url(`/${id}/findings`), { grade: 'major', statement: 'No risk treatment' });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.requirementId']);
    const bad = await owner.post(url(`/${id}/findings`), { grade: 'minor', requirementId: '42.1', statement: 'x' });
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.requirementId']);

    const f = await owner.post(url(`/${id}/findings`), {
      grade: 'major',
      requirementId: '6.1.3',
      statement: 'The risk treatment plan names no owners',
      evidence: 'Sampled three AI systems',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body).toMatchObject({
      number: 'F1',
      grade: 'major',
      nonconformity: { number: 'NC-001', closed: false },
      gradeNote: null,
    });
    const ncs = (await owner.get(`/api/v1/orgs/${orgId}/nonconformities`)).body.items;
    expect(ncs).toHaveLength(1);
    expect(ncs[0]).toMatchObject({
      id: f.body.nonconformity.id,
      grade: 'major',
      requirementId: '6.1.3',
      source: { kind: 'certification-audit', id: f.body.id, label: 'CA-001 Stage 2 F1' },
    });
    const obs = await owner.post(url(`/${id}/findings`), { grade: 'observation', statement: 'Logs are kept in two places' });
    expect(obs.body).toMatchObject({ number: 'F2', nonconformity: null, improvementId: expect.any(String) });
    const imp = await owner.get(`/api/v1/orgs/${orgId}/improvements/${obs.body.improvementId}`);
    expect(imp.body.source).toMatchObject({ kind: 'certification-audit', id: obs.body.id });
    expect((await owner.get(`/api/v1/orgs/${orgId}/nonconformities`)).body.items).toHaveLength(1);

    let states = await findingsOfAudits(t.database.db, orgId, [id]);
    expect(states).toEqual([
      {
        findingId: f.body.id,
        auditId: id,
        grade: 'major',
        requirementId: '6.1.3',
        nonconformity: { id: f.body.nonconformity.id, number: 'NC-001', closed: false, closedOn: null },
      },
    ]);
    expect((await owner.get(url(`/${id}`))).body.counts).toMatchObject({ openFindings: 1, findings: 2 });
    expect((await certificationAuditSummary(t.database.db, orgId)).openFindings).toEqual({ major: 1, minor: 0 });

    // close the nonconformity through its API
    const ncUrl = `/api/v1/orgs/${orgId}/nonconformities/${f.body.nonconformity.id}`;
    const action = await owner.post(`${ncUrl}/actions`, { title: 'Name owners', owner: { userId: ownerId } });
    expect(action.status, JSON.stringify(action.body)).toBe(201);
    expect((await owner.patch(`${ncUrl}/actions/${action.body.id}`, { status: 'done' })).status).toBe(200);
    const closed = await owner.patch(ncUrl, {
      rootCause: { method: 'other', whys: [], categories: ['process'], summary: 'No owner assigned' },
      effectiveness: {
        plannedOn: today,
        method: 'Sample',
        result: 'effective',
        checkedOn: today,
        checkedBy: { userId: ownerId },
      },
      status: 'closed',
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    states = await findingsOfAudits(t.database.db, orgId, [id]);
    expect(states[0].nonconformity).toMatchObject({ closed: true, closedOn: today });
    expect((await owner.get(url(`/${id}/findings`))).body.items[0].nonconformity).toMatchObject({
      status: 'closed',
      closed: true,
    });
    expect((await certificationAuditSummary(t.database.db, orgId)).openFindings).toEqual({ major: 0, minor: 0 });
  });

  it('maps a grade the organization’s scale lacks to the closest one and says so', async () => {
    const settings = await owner.put(`/api/v1/orgs/${orgId}/nonconformities/settings`, {
      grades: [
        { key: 'critical', label: 'Critical', planDays: 7, evidenceDays: 30, isNonconformity: true },
        { key: 'low', label: 'Low', planDays: 30, evidenceDays: 90, isNonconformity: true },
        { key: 'observation', label: 'Observation', planDays: 30, evidenceDays: 90, isNonconformity: false },
      ],
    });
    expect(settings.status, JSON.stringify(settings.body)).toBe(200);
    const a = await plan({ type: 'stage-2' });
    const f = await owner.post(url(`/${a.body.id}/findings`), {
      grade: 'minor',
      requirementId: '7.2',
      statement: 'Training records late',
    });
    expect(f.status, JSON.stringify(f.body)).toBe(201);
    expect(f.body.gradeNote).toContain('"Low"');
    const nc = await owner.get(`/api/v1/orgs/${orgId}/nonconformities/${f.body.nonconformity.id}`);
    expect(nc.body.grade).toBe('low');
  });
});
