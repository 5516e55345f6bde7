import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  auditResultsSince,
  auditScopes,
  internalAuditsDue,
  internalAuditSummary,
} from '../../src/modules/internal-audits/index.js';
import { addMember as inviteAndAccept, type Client, createTestApp, setupOwner, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

describe.each(testDialects())('internal audits (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let ownerId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/internal-audits${p}`;
  const count = async (table: 'internal_audits' | 'audit_items') =>
    Number(
      (
        await t.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('org_id', '=', orgId)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const addMember = async (name: string, role = 'editor') => {
    const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${randomBytes(3).toString('hex')}@example.com`;
    const { userId } = await inviteAndAccept(owner, t.app, orgId, { email, name, role });
    return { userId, email };
  };
  const today = new Date().toISOString().slice(0, 10);

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

  it('plans an audit with independent auditors, numbers it and exports it as an active scope', async () => {
    const auditor = await addMember('Ines Auditor');
    const system = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      name: 'Support bot',
      businessOwner: { userId: ownerId },
    });
    expect(system.status, JSON.stringify(system.body)).toBe(201);
    const created = await owner.post(url(), {
      title: 'Risk and operation audit',
      requirementIds: ['6.1.2', 'A.6.2.6'],
      plannedStart: today,
      plannedEnd: today,
      auditors: [{ userId: auditor.userId, lead: true }, { name: 'Olga Outside' }],
      areas: [{ type: 'ai-system', id: system.body.id }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      number: 'IA-001',
      status: 'planned',
      criteria: "ISO/IEC 42001:2023 and the organization's AIMS documents",
      auditors: [
        { userId: auditor.userId, name: 'Ines Auditor', lead: true },
        { userId: null, name: 'Olga Outside', lead: false },
      ],
      areas: [{ type: 'ai-system', id: system.body.id, label: 'Support bot' }],
      requirements: [{ id: '6.1.2' }, { id: 'A.6.2.6' }],
      itemCount: 0,
    });
    const second = await owner.post(url(), { title: 'Second' });
    expect(second.body.number).toBe('IA-002');

    const scopes = await auditScopes(t.database.db, orgId);
    expect(scopes.map((s) => [s.number, s.status, s.requirementIds])).toEqual([
      ['IA-001', 'planned', ['6.1.2', 'A.6.2.6']],
      ['IA-002', 'planned', []],
    ]);
    const due = await internalAuditsDue(t.database.db, orgId, auditor.userId, today);
    expect(due.map((d) => d.number)).toEqual(['IA-001']);
    expect(await internalAuditsDue(t.database.db, orgId, ownerId, today)).toEqual([]);
  });

  it('refuses an auditor who owns an AI system under audit, naming the auditor and the system; nothing is written', async () => {
    const system = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      name: 'Support bot',
      technicalOwner: { userId: ownerId },
    });
    const auditor = await addMember('Ines Auditor');
    const body = {
      title: 'Inventory audit',
      auditors: [{ userId: auditor.userId, lead: true }, { userId: ownerId }],
      areas: [{ type: 'ai-system', id: system.body.id }],
    };
    const refused = await owner.post(url(), body);
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([
      expect.objectContaining({ field: 'body.auditors.1', message: expect.stringContaining("owns the AI system 'Support bot'") }),
    ]);
    expect(await count('internal_audits')).toBe(0);

    // adding the owner later as an auditor is refused the same way
    const ok = await owner.post(url(), { ...body, auditors: [{ userId: auditor.userId, lead: true }] });
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    const added = await owner.patch(url(`/${ok.body.id}`), { auditors: [...body.auditors] });
    expect(added.status).toBe(400);
    expect(added.body.errors[0].field).toBe('body.auditors.1');
    expect((await owner.get(url(`/${ok.body.id}`))).body.auditors).toHaveLength(1);
    // ownership that changes later does not block other edits of the audit; a new team is judged again
    const moved = await owner.patch(`/api/v1/orgs/${orgId}/ai-systems/${system.body.id}`, {
      businessOwner: { userId: auditor.userId },
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await owner.patch(url(`/${ok.body.id}`), { title: 'Inventory audit, renamed' })).status).toBe(200);
    const reordered = await owner.patch(url(`/${ok.body.id}`), {
      auditors: [{ name: 'Olga Outside', lead: true }, { userId: auditor.userId }],
    });
    expect(reordered.status).toBe(400);
    expect(reordered.body.errors[0].field).toBe('body.auditors.1');

    // a governance role's holder may not audit the role
    const roles = (await owner.get(`/api/v1/orgs/${orgId}/roles`)).body.items as { id: string; name: string }[];
    await owner.patch(`/api/v1/orgs/${orgId}/roles/${roles[0].id}`, { holder: { userId: auditor.userId } });
    const role = await owner.patch(url(`/${ok.body.id}`), { areas: [{ type: 'role', id: roles[0].id }] });
    expect(role.status).toBe(400);
    expect(role.body.errors[0]).toMatchObject({
      field: 'body.auditors.0',
      message: expect.stringContaining(`holds the governance role '${roles[0].name}'`),
    });
  });

  it('checks requirement ids, areas and the lead', async () => {
    const r = await owner.post(url(), {
      title: 'Bad',
      requirementIds: ['6.1.2', '99.9'],
      areas: [{ type: 'ai-system', id: '018f0000-0000-7000-8000-000000000000' }],
      auditors: [{ name: 'A' }, { name: 'B' }],
    });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['body.areas.0.id', 'body.auditors', 'body.requirementIds.1'].sort(),
    );
    expect(await count('internal_audits')).toBe(0);
  });

  it('generates the checklist with facts when the audit starts, saves items with If-Match and raises a nonconformity once', async () => {
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot', inScope: true });
    const created = await owner.post(url(), {
      title: 'Full audit',
      requirementIds: ['6.1.2', 'A.6.2.6'],
      auditors: [{ name: 'Olga Outside', lead: true }],
    });
    const id = created.body.id as string;
    expect(await count('audit_items')).toBe(0);
    const started = await owner.post(url(`/${id}/start`));
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body).toMatchObject({ status: 'in-progress', actualStart: today, itemCount: 12, answeredCount: 0 });

    const items = (await owner.get(url(`/${id}/items`))).body.items as {
      id: string;
      key: string;
      kind: string;
      title: string;
      facts: string[];
      sample: { text: string; links: { type: string; label: string }[] };
      updatedAt: string;
    }[];
    expect(items.map((i) => i.key)).toEqual([
      'scope-accuracy',
      'policies-objectives',
      'risk-records',
      'inventory',
      'supplier-controls',
      'monitoring-evidence',
      'training-records',
      'corrective-actions',
      'leadership',
      'management-review-readiness',
      '6.1.2',
      'A.6.2.6',
    ]);
    const inventory = items.find((i) => i.key === 'inventory')!;
    expect(inventory.facts[0]).toBe('1 AI system in the inventory, 1 marked in scope.');
    expect(inventory.sample.links).toEqual([expect.objectContaining({ type: 'ai-system', label: 'Support bot' })]);
    const leadership = items.find((i) => i.key === 'leadership')!;
    expect(leadership.sample.links.length).toBeGreaterThan(0);
    expect(items.find((i) => i.key === '6.1.2')!.title).toMatch(/^6\.1\.2 /);

    // facts are frozen: a new AI system does not change what was seen
    await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Second bot' });
    expect((await owner.get(url(`/${id}/items`))).body.items[3].facts[0]).toBe(inventory.facts[0]);

    const item = items.find((i) => i.key === '6.1.2')!;
    const etag = `W/"${item.updatedAt}"`;
    const saved = await owner.request(
      'PATCH',
      url(`/${id}/items/${item.id}`),
      { result: 'nonconformity', notes: 'No risk criteria approved.' },
      { 'if-match': etag },
    );
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.headers.etag).not.toBe(etag);
    const stale = await owner.request('PATCH', url(`/${id}/items/${item.id}`), { notes: 'overwrite' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ notes: 'No risk criteria approved.', result: 'nonconformity' });

    const raised = await owner.post(url(`/${id}/items/${item.id}/nonconformity`), { grade: 'major' });
    expect(raised.status, JSON.stringify(raised.body)).toBe(200);
    expect(raised.body.nonconformity).toMatchObject({ number: 'NC-001' });
    const again = await owner.post(url(`/${id}/items/${item.id}/nonconformity`), { grade: 'minor' });
    expect(again.body.nonconformity).toEqual(raised.body.nonconformity);
    const nc = await owner.get(`/api/v1/orgs/${orgId}/nonconformities/${raised.body.nonconformity.id}`);
    expect(nc.status).toBe(200);
    expect(nc.body).toMatchObject({ requirementId: '6.1.2', description: 'No risk criteria approved.' });

    // a conforming item cannot raise one
    const other = items[0];
    await owner.patch(url(`/${id}/items/${other.id}`), { result: 'conforming' });
    expect((await owner.post(url(`/${id}/items/${other.id}/nonconformity`), { grade: 'major' })).status).toBe(400);

    // report: conclusions required, then results reach the management review
    expect((await owner.post(url(`/${id}/report`), { conclusions: ' ' })).status).toBe(400);
    const reported = await owner.post(url(`/${id}/report`), { conclusions: 'Risk criteria missing; the rest holds.' });
    expect(reported.status, JSON.stringify(reported.body)).toBe(200);
    expect(reported.body).toMatchObject({ status: 'reported', actualEnd: today });
    const results = await auditResultsSince(t.database.db, orgId, null);
    expect(results).toEqual([
      expect.objectContaining({
        number: 'IA-001',
        conforming: 1,
        nonconformities: 1,
        observations: 0,
        conclusions: 'Risk criteria missing; the rest holds.',
      }),
    ]);
    expect(await auditResultsSince(t.database.db, orgId, '2999-01-01')).toEqual([]);
    expect(await internalAuditSummary(t.database.db, orgId, today)).toMatchObject({
      planned: 0,
      inProgress: 0,
      reported: 1,
      openItems: 0,
    });
    // a reported audit's items are read-only
    expect((await owner.patch(url(`/${id}/items/${other.id}`), { notes: 'late' })).status).toBe(409);
  });

  it('logs an observation in the improvement log once', async () => {
    const created = await owner.post(url(), {
      title: 'Small audit',
      auditors: [{ name: 'Olga', lead: true }],
      status: 'in-progress',
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const [item] = (await owner.get(url(`/${created.body.id}/items`))).body.items;
    await owner.patch(url(`/${created.body.id}/items/${item.id}`), { result: 'observation', notes: 'Scope note is vague.' });
    const first = await owner.post(url(`/${created.body.id}/items/${item.id}/improvement`), {});
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.improvementId).toBeTruthy();
    const again = await owner.post(url(`/${created.body.id}/items/${item.id}/improvement`), {});
    expect(again.body.improvementId).toBe(first.body.improvementId);
  });

  it('lets a viewer read but not write, and hides the audit from another organization', async () => {
    const created = await owner.post(url(), {
      title: 'Read me',
      auditors: [{ name: 'Olga', lead: true }],
      status: 'in-progress',
    });
    const viewer = await addMember('Vic Viewer', 'viewer');
    const v = await signIn(t.app, viewer.email);
    expect((await v.get(url(`/${created.body.id}`))).status).toBe(200);
    const [item] = (await v.get(url(`/${created.body.id}/items`))).body.items;
    expect((await v.post(url(), { title: 'Nope' })).status).toBe(403);
    expect((await v.patch(url(`/${created.body.id}/items/${item.id}`), { notes: 'x' })).status).toBe(403);
    expect((await v.post(url(`/${created.body.id}/report`), { conclusions: 'x' })).status).toBe(403);
    const other = await owner.post('/api/v1/orgs', { name: 'Other org' });
    expect((await owner.get(`/api/v1/orgs/${other.body.id}/internal-audits/${created.body.id}`)).status).toBe(404);
  });
});
