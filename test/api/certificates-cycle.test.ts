import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificateSummary } from '../../src/modules/certificates/index.js';
import { certificationCycleDue } from '../../src/modules/certificates/certificates.job.js';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { unguardAuditLog } from '../support/audit-tamper.js';
import { testDialects } from '../support/db.js';

// The cycle a certificate starts, its reminders, and what changed since the
// last certification audit: audits recorded through their API.

describe.each(testDialects())('certification cycle and surveillance readiness (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const today = todayUtc();
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  /** a certification audit held between start and end */
  async function audit(type: string, start: string, end: string, extra: Record<string, unknown> = {}) {
    const r = await owner.post(org('/certification-audits'), {
      type,
      plannedStart: start,
      plannedEnd: end,
      actualStart: start,
      actualEnd: end,
      status: 'completed',
      outcome: type === 'stage-1' ? 'ready-for-stage-2' : 'recommended-after-corrections',
      ...extra,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }
  const decide = (auditId: string, outcome: string, decidedOn = today) =>
    owner.post(org('/certification-decisions'), { auditId, outcome, decidedOn, decidedBy: 'Dr. Body, certification manager' });

  /** a granted initial certification, from a clean Stage 2 */
  async function granted(decidedOn = today) {
    const s2 = await audit('stage-2', addDays(decidedOn, -20), addDays(decidedOn, -18));
    const d = await decide(s2, 'granted', decidedOn);
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    return d.body;
  }
  const certificate = (decisionId: string, extra: Record<string, unknown> = {}) =>
    owner.post(org('/certificates'), {
      decisionId,
      organizationName: 'Acme AI GmbH',
      standard: 'ISO/IEC 42001:2023',
      scopeStatement: 'Design and operation of AI hiring tools',
      scopeVersion: null,
      sites: [{ name: 'Berlin HQ', country: 'DE' }],
      certificateNumber: 'AIMS-1001',
      issueDate: today,
      expiryDate: addDays(today, 1000),
      issuingBody: { name: 'Example Cert GmbH' },
      accreditation: { body: 'DAkkS', number: 'D-ZM-1234', iafMlaSignatory: 'yes' },
      verificationRoute: 'https://cert.example/verify',
      iafCertSearchListed: true,
      ...extra,
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, userId: ownerId } = await setupOwner(t.app));
  });
  beforeEach(async ({ task }) => {
    const r = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(r.status).toBe(201);
    orgId = r.body.id;
  });
  afterAll(() => t.close());

  it('shows the cycle timeline from the audits held and reminds owners 90 and 30 days ahead', async () => {
    const decidedOn = addDays(today, -400);
    const decision = await granted(decidedOn);
    const cert = await certificate(decision.id, { issueDate: decidedOn, expiryDate: decision.cycle.expiry });
    expect(cert.status, JSON.stringify(cert.body)).toBe(201);
    const sv1Due = decision.cycle.surveillance[0].dueBy;
    const sv2Due = decision.cycle.surveillance[1].dueBy;
    let cycle = (await owner.get(org('/certification-cycle'))).body;
    expect(cycle.timeline.map((i: { kind: string; date: string; state: string }) => [i.kind, i.date, i.state])).toEqual([
      ['decision', decidedOn, 'done'],
      ['surveillance', sv1Due, 'overdue'],
      ['surveillance', sv2Due, 'due'],
      ['recertification', decision.cycle.expiry, 'due'],
      ['expiry', decision.cycle.expiry, 'due'],
    ]);
    expect(cycle.nextDue).toMatchObject({ kind: 'surveillance', number: 1 });

    const sv = await audit('surveillance', addDays(decidedOn, 300), addDays(decidedOn, 301), { surveillanceNumber: 1 });
    cycle = (await owner.get(org('/certification-cycle'))).body;
    expect(cycle.timeline[1]).toMatchObject({ state: 'done', doneBy: { auditId: sv, date: addDays(decidedOn, 301) } });
    expect(cycle.nextDue).toMatchObject({ kind: 'surveillance', number: 2, date: sv2Due });
    expect((await certificateSummary(t.database.db, orgId)).nextDue).toEqual({ kind: 'surveillance', number: 2, dueBy: sv2Due });

    const at = (d: string) => new Date(`${d}T08:00:00Z`);
    const mine = async (d: string) => (await certificationCycleDue(t.database.db, at(d))).filter((i) => i.orgId === orgId);
    expect(await mine(addDays(sv2Due, -91))).toEqual([]);
    const ninety = await mine(addDays(sv2Due, -90));
    expect(ninety).toHaveLength(1);
    expect(ninety[0]).toMatchObject({ userIds: [ownerId], link: `/orgs/${orgId}/surveillance` });
    expect(ninety[0].key).toContain(':90d');
    const thirty = await mine(addDays(sv2Due, -30));
    expect(thirty[0].key).toContain(':30d');
  });

  it('lists what changed since the last certification audit ended: a new AI system and an updated risk after it, not what came before', async () => {
    const decision = await granted(addDays(today, -30));
    await certificate(decision.id);
    const before = await owner.post(org('/ai-systems'), { name: 'Old screening model', inScope: true });
    const risk = await owner.post(org('/risks'), {
      title: 'Ranking bias',
      aiSystemIds: [before.body.id],
      sourceCategory: 'fairness',
      cause: 'Historic data',
      event: 'Qualified candidates ranked low',
      consequence: 'Discrimination claim',
      inherentLikelihood: 4,
      inherentImpact: 4,
    });
    expect(risk.status, JSON.stringify(risk.body)).toBe(201);
    // what happened before the audit ended: dated back in the log (the table refuses updates: guard off first)
    await unguardAuditLog(t.database);
    await t.database.db
      .updateTable('audit_log')
      .set({ at: `${addDays(today, -10)}T10:00:00.000Z` })
      .where('org_id', '=', orgId)
      .execute();
    await audit('surveillance', addDays(today, -4), addDays(today, -3), { surveillanceNumber: 1 });

    const added = await owner.post(org('/ai-systems'), { name: 'Interview summariser', inScope: true });
    expect((await owner.patch(org(`/risks/${risk.body.id}`), { inherentImpact: 5 })).status).toBe(200);

    const r = await owner.get(org('/surveillance-readiness'));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.since.slice(0, 10)).toBe(addDays(today, -2));
    const section = (key: string) => r.body.sections.find((s: { key: string }) => s.key === key);
    expect(section('new-ai-systems')).toMatchObject({
      count: 1,
      items: [{ type: 'ai_system', id: added.body.id, action: 'create', link: `/orgs/${orgId}/inventory/${added.body.id}` }],
    });
    expect(section('new-ai-systems').items[0].label).toContain('Interview summariser');
    expect(section('risks')).toMatchObject({ count: 1, items: [{ type: 'risk', id: risk.body.id, action: 'update' }] });
    expect(section('ai-use').count).toBe(0);
    expect(r.body.sections.map((s: { key: string }) => s.key)).toEqual([
      'ai-use',
      'new-ai-systems',
      'risks',
      'monitoring',
      'corrective-actions',
      'suppliers',
      'internal-audits',
      'management-reviews',
      'incidents',
      'improvements',
    ]);
  });
});
