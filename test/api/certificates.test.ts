import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { certificateSummary } from '../../src/modules/certificates/index.js';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { approveAccepting } from '../support/approve.js';
import { addMember, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// Certification decisions and certificates: the audits and findings are
// recorded through the certification-audits API and the nonconformities
// closed through theirs, as an organization would.

describe.each(testDialects())('certification decisions and certificates (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const today = todayUtc();
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const fields = (r: { body: { errors?: { field: string }[] } }) => (r.body.errors ?? []).map((e) => e.field).sort();

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
  async function finding(auditId: string, grade: 'major' | 'minor') {
    const r = await owner.post(org(`/certification-audits/${auditId}/findings`), {
      grade,
      requirementId: '6.1.3',
      statement: `A ${grade} gap in risk treatment`,
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.nonconformity as { id: string; number: string };
  }
  async function closeNc(id: string) {
    const nc = org(`/nonconformities/${id}`);
    const action = await owner.post(`${nc}/actions`, { title: 'Fix it', owner: { userId: ownerId } });
    expect((await owner.patch(`${nc}/actions/${action.body.id}`, { status: 'done' })).status).toBe(200);
    const closed = await owner.patch(nc, {
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

  it('refuses "granted" while a major of the Stage 2 or its Stage 1 is open, and grants once they are closed', async () => {
    const s1 = await audit('stage-1', addDays(today, -60), addDays(today, -59));
    const s2 = await audit('stage-2', addDays(today, -20), addDays(today, -18));
    const ncStage1 = await finding(s1, 'major');
    const ncStage2 = await finding(s2, 'major');
    const minor = await finding(s2, 'minor');

    const check = await owner.get(org(`/certification-decisions/check?auditId=${s2}&decidedOn=${today}`));
    expect(check.status, JSON.stringify(check.body)).toBe(200);
    expect(check.body.blockingNonconformities.sort()).toEqual([ncStage1.number, ncStage2.number].sort());

    const refused = await decide(s2, 'granted');
    expect(refused.status).toBe(409);
    expect(fields(refused)).toEqual(['body.auditId']);
    expect(refused.body.errors[0].message).toContain(ncStage1.number);
    expect(refused.body.errors[0].message).toContain(ncStage2.number);
    expect(refused.body.errors[0].message).not.toContain(minor.number);
    expect((await owner.get(org('/certification-decisions'))).body.items).toHaveLength(0);

    // deferring is always possible
    const deferred = await decide(s2, 'deferred');
    expect(deferred.status).toBe(201);
    expect(deferred.body).toMatchObject({ outcome: 'deferred', cycle: null });

    await closeNc(ncStage1.id);
    expect((await decide(s2, 'granted')).status).toBe(409);
    await closeNc(ncStage2.id);
    // the minor stays open: it does not block
    const ok = await decide(s2, 'granted');
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body).toMatchObject({
      outcome: 'granted',
      audit: { id: s2, type: 'stage-2' },
      warnings: [],
      cycle: {
        outcome: 'initial',
        validFrom: today,
        expiry: addDays(
          addDays(today, 0).replace(/^(\d{4})/, (y) => String(Number(y) + 3)),
          -1,
        ),
        uncertified: null,
      },
    });
    expect(ok.body.cycle.surveillance).toHaveLength(2);
    // one grant per audit
    const twice = await decide(s2, 'granted');
    expect(twice.status).toBe(409);
    expect(fields(twice)).toEqual(['body.auditId']);
    const history = (await owner.get(org(`/certification-decisions/${ok.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create']);

    // Stage 1 is never decided on; an unknown audit is named
    const bad = await decide(s1, 'granted');
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['body.auditId']);
    const bad2 = await owner.post(org('/certification-decisions'), {
      auditId: 'x',
      outcome: 'won',
      decidedOn: '2026-02-30',
      decidedBy: '',
    });
    expect(bad2.status).toBe(400);
    expect(fields(bad2)).toEqual(['body.auditId', 'body.decidedBy', 'body.decidedOn', 'body.outcome']);
  });

  it('warns that another Stage 2 is needed when a Stage 2 major was verified more than six months after it ended (rule C)', async () => {
    const s2 = await audit('stage-2', '2025-01-08', '2025-01-10');
    const nc = await finding(s2, 'major');
    await closeNc(nc.id);
    const d = await decide(s2, 'granted');
    expect(d.status, JSON.stringify(d.body)).toBe(201);
    expect(d.body.warnings).toHaveLength(1);
    expect(d.body.warnings[0]).toContain(nc.number);
    expect(d.body.warnings[0]).toContain('another Stage 2 is required before certification');
    expect(d.body.cycle.majorNonconformityVerifyBy).toBe('2025-07-10');
    const check = await owner.get(org(`/certification-decisions/check?auditId=${s2}&decidedOn=${today}`));
    expect(check.body.warnings[0]).toContain('another Stage 2 is required');
  });

  it('prefills a certificate from the decision, profile, approved scope and chosen body; records, changes status, derives expired', async () => {
    const profile = (await owner.get(org('/profile'))).body;
    const { updatedAt: _u, ...input } = profile;
    const put = await owner.put(org('/profile'), {
      ...input,
      legalName: 'Acme AI GmbH',
      sites: [
        { name: 'Berlin HQ', address: 'Street 1, Berlin', country: 'DE' },
        { name: 'Lisbon', address: 'Rua 2, Lisboa', country: 'PT' },
      ],
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    await owner.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'All AI hiring tools.' } });
    expect((await approveAccepting(owner, org('/scope'))).status).toBe(200);
    const body = await owner.post(org('/certification-bodies'), { name: 'Example Cert GmbH' });
    expect(body.status, JSON.stringify(body.body)).toBe(201);

    const decision = await granted();
    const prefill = await owner.get(org(`/certificates/prefill?decisionId=${decision.id}`));
    expect(prefill.status, JSON.stringify(prefill.body)).toBe(200);
    expect(prefill.body).toMatchObject({
      decisionId: decision.id,
      organizationName: 'Acme AI GmbH',
      standard: 'ISO/IEC 42001:2023',
      scopeVersion: 1,
      sites: [
        { name: 'Berlin HQ', country: 'DE' },
        { name: 'Lisbon', country: 'PT' },
      ],
      issueDate: today,
      expiryDate: decision.cycle.expiry,
      certificateNumber: '',
    });
    expect(prefill.body.scopeStatement).toContain('All AI hiring tools.');

    const created = await owner.post(org('/certificates'), {
      ...prefill.body,
      certificateNumber: 'AIMS-2026-0042',
      issuingBody: { name: 'Example Cert GmbH', certificationBodyId: body.body.id },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      status: 'valid',
      published: false,
      publicPath: null,
      scopeVersion: 1,
      warnings: [],
      accreditation: { body: '', number: '', iafMlaSignatory: 'unknown' },
    });
    expect((await certificateSummary(t.database.db, orgId)).certificate).toMatchObject({
      certificateNumber: 'AIMS-2026-0042',
      status: 'valid',
      scopeChangedSinceCertification: false,
    });

    // the scope changes after certification: tell the certification body
    await owner.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'All AI tools.' } });
    expect((await approveAccepting(owner, org('/scope'))).status).toBe(200);
    const after = await owner.get(org(`/certificates/${created.body.id}`));
    expect(after.body.approvedScopeVersion).toBe(2);
    expect(after.body.warnings.join(' ')).toContain('tell the certification body');

    // status: suspended with a reason and a day, audited; a withdrawn certificate stays withdrawn
    const noReason = await owner.post(org(`/certificates/${created.body.id}/status`), {
      status: 'suspended',
      reason: ' ',
      on: today,
    });
    expect(noReason.status).toBe(400);
    expect(fields(noReason)).toEqual(['body.reason']);
    const suspended = await owner.post(org(`/certificates/${created.body.id}/status`), {
      status: 'suspended',
      reason: 'Surveillance audit not held',
      on: today,
    });
    expect(suspended.status, JSON.stringify(suspended.body)).toBe(200);
    expect(suspended.body).toMatchObject({
      status: 'suspended',
      statusReason: 'Surveillance audit not held',
      statusChangedOn: today,
    });
    expect((await certificateSummary(t.database.db, orgId)).certificate?.status).toBe('suspended');
    await owner.post(org(`/certificates/${created.body.id}/status`), {
      status: 'withdrawn',
      reason: 'Withdrawn by the body',
      on: today,
    });
    const again = await owner.post(org(`/certificates/${created.body.id}/status`), { status: 'valid', reason: 'x', on: today });
    expect(again.status).toBe(409);
    const history = (await owner.get(org(`/certificates/${created.body.id}/history`))).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'status', 'status']);

    // expired is derived, never stored
    const old = await certificate(decision.id, { certificateNumber: 'OLD-1', issueDate: '2020-01-01', expiryDate: '2022-12-31' });
    expect(old.status, JSON.stringify(old.body)).toBe(201);
    expect(old.body).toMatchObject({ status: 'expired', storedStatus: 'valid' });
    expect(old.body.warnings.join(' ')).toContain('not certified');
  });

  it('refuses bad certificates naming each field, and a decision that is not granted', async () => {
    const s2 = await audit('stage-2', addDays(today, -5), addDays(today, -4));
    const deferred = (await decide(s2, 'deferred')).body;
    const refused = await certificate(deferred.id);
    expect(refused.status).toBe(400);
    expect(fields(refused)).toEqual(['body.decisionId']);
    const decision = await granted();
    const bad = await certificate(decision.id, {
      expiryDate: addDays(today, -1),
      issuingBody: { name: 'X', certificationBodyId: '0190a0a0-0000-7000-8000-000000000000' },
    });
    expect(fields(bad)).toEqual(['body.expiryDate', 'body.issuingBody.certificationBodyId']);
    const zod = await certificate(decision.id, { certificateNumber: '', sites: [{ name: 'X', country: 'Germany' }] });
    expect(fields(zod)).toEqual(['body.certificateNumber', 'body.sites.0.country']);
    expect((await owner.get(org('/certificates'))).body.items).toHaveLength(0);
  });

  it('keeps a published certificate number unique across organizations (case-insensitive)', async () => {
    const decision = await granted();
    const mine = await certificate(decision.id, { certificateNumber: 'SHARED-7' });
    expect((await owner.post(org(`/certificates/${mine.body.id}/publish`))).status).toBe(200);
    const first = orgId;

    const other = await owner.post('/api/v1/orgs', { name: `Other ${dialect}` });
    orgId = other.body.id;
    const d2 = await granted();
    // recording it is fine; publishing it is not
    const theirs = await certificate(d2.id, { certificateNumber: ' shared-7 ' });
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
    const clash = await owner.post(org(`/certificates/${theirs.body.id}/publish`));
    expect(clash.status).toBe(409);
    expect(fields(clash)).toEqual(['body.certificateNumber']);

    // once the first one is unpublished, the number is free
    orgId = first;
    const un = await owner.post(org(`/certificates/${mine.body.id}/unpublish`));
    expect(un.body).toMatchObject({ published: false, publicPath: null });
    orgId = other.body.id;
    const ok = await owner.post(org(`/certificates/${theirs.body.id}/publish`));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body).toMatchObject({ published: true, publicPath: '/verify/shared-7' });
    // renaming a published certificate onto a published number is refused too
    orgId = first;
    expect((await owner.post(org(`/certificates/${mine.body.id}/publish`))).status).toBe(409);
  });

  it('a contributor reads but cannot record decisions or publish', async () => {
    const decision = await granted();
    const cert = await certificate(decision.id);
    await addMember(owner, t.app, orgId, { email: `editor-${dialect}@example.com`, role: 'contributor', name: 'Ed' });
    const editor = await signIn(t.app, `editor-${dialect}@example.com`);
    expect((await editor.get(org('/certification-decisions'))).status).toBe(200);
    expect((await editor.post(org('/certification-decisions'), {})).status).toBe(403);
    expect((await editor.post(org(`/certificates/${cert.body.id}/publish`))).status).toBe(403);
    expect((await editor.get(org('/certification-cycle'))).status).toBe(200);
    // the decision a certificate came from stays a grant
    const undo = await owner.patch(org(`/certification-decisions/${decision.id}`), { outcome: 'refused' });
    expect(undo.status).toBe(400);
    expect(fields(undo)).toEqual(['body.outcome']);
  });
});
