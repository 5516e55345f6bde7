import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FsBlobStore, storeFile } from '../../src/platform/storage/index.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

describe.each(testDialects())('evidence register (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let userId: string;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/evidence${p}`;
  const stored = async () =>
    (await t.database.db.selectFrom('evidence').select('id').where('org_id', '=', orgId).execute()).length;
  const link = (title: string, extra: Record<string, unknown> = {}) =>
    owner.post(url(), { title, kind: 'link', url: 'https://intranet.example.com/x', ...extra });

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

  it('records a link against a control and a clause, numbered, dated today, its area from the first clause', async () => {
    const created = await link('Model card review minutes', { controlIds: ['A.6.2.6'], requirementIds: ['9.1'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      number: 'EV-0001',
      kind: 'link',
      collectedOn: day(0),
      area: 'performance-evaluation',
      state: 'valid',
      flags: [],
      controls: [{ id: 'A.6.2.6' }],
      requirements: [{ id: '9.1' }],
    });
    expect((await link('Second')).body).toMatchObject({ number: 'EV-0002', area: 'support', flags: [{ code: 'no-links' }] });
    // an address that is not http(s) is refused, naming the field
    const bad = await link('Script', { url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.url' })]);
  });

  it('refuses a control id not in the catalogue, naming it, and stores nothing', async () => {
    const res = await link('Policy', { controlIds: ['A.6.2.6', 'A.99.9'], requirementIds: ['4.1', '11.1'] });
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.controlIds.1', 'body.requirementIds.1']));
    expect(fields).not.toContain('body.controlIds.0');
    expect(await stored()).toBe(0);
    const ownUnknown = await link('Own', { controlIds: ['OC-77'] });
    expect(ownUnknown.status).toBe(400);
    expect(ownUnknown.body.errors[0].field).toBe('body.controlIds.0');
    expect(await stored()).toBe(0);
  });

  it('records a stored file of the organization, and refuses another organization’s file', async () => {
    const store = new FsBlobStore(fs.mkdtempSync(path.join(os.tmpdir(), 'aims-ev-')));
    const file = await storeFile(t.database.db, store, { userId, label: 'test' }, orgId, {
      name: 'access-review.pdf',
      stream: Readable.from([Buffer.from('%PDF-1.4 test evidence')]),
    });
    const created = await owner.post(url(), {
      title: 'Access review Q3',
      kind: 'file',
      fileId: file.id,
      controlIds: ['A.4.2'],
      validUntil: day(200),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'file', file: { id: file.id, name: 'access-review.pdf' }, area: 'support' });
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const foreign = await storeFile(t.database.db, store, { userId, label: 'test' }, other, {
      name: 'theirs.txt',
      stream: Readable.from([Buffer.from('not yours')]),
    });
    const refused = await owner.post(url(), { title: 'Theirs', kind: 'file', fileId: foreign.id });
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].field).toBe('body.fileId');
    expect(await stored()).toBe(1);
  });

  it('records another record as evidence and links AI systems, checked to be the organization’s', async () => {
    const system = (await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, { name: 'Support bot' })).body.id;
    const created = await owner.post(url(), {
      title: 'The support bot entry',
      kind: 'record',
      record: { kind: 'ai-system', id: system },
      aiSystemIds: [system],
      controlIds: ['A.6.2.6'],
    });
    expect(created.status).toBe(201);
    expect(created.body.record).toMatchObject({ kind: 'ai-system', id: system, label: 'Support bot' });
    expect(created.body.aiSystems).toEqual([{ id: system, name: 'Support bot', archived: false }]);
    const unknown = await owner.post(url(), {
      title: 'Ghost',
      kind: 'record',
      record: { kind: 'ai-system', id: '01900000-0000-7000-8000-000000000000' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0].field).toBe('body.record.id');
    // filtered by the AI system
    const list = await owner.get(url(`?aiSystemId=${system}`));
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
  });

  it('counts coverage valid, expiring and expired per control, clause and area; archived items count nowhere', async () => {
    await link('Valid', { controlIds: ['A.6.2.6'], validUntil: day(100) });
    await link('Expiring', { controlIds: ['A.6.2.6', 'A.2.2'], validUntil: day(10), collectedOn: day(-5) });
    await link('Expired', { controlIds: ['A.6.2.6'], requirementIds: ['7.5.1'], validUntil: day(-1), collectedOn: day(-400) });
    const archived = await link('Archived', { controlIds: ['A.6.2.6'] });
    expect((await owner.post(url(`/${archived.body.id}/archive`))).status).toBe(200);

    const cov = (await owner.get(url('/coverage'))).body;
    expect(cov.controls).toHaveLength(38);
    expect(cov.controls.find((c: { controlId: string }) => c.controlId === 'A.6.2.6')).toMatchObject({
      valid: 1,
      expiring: 1,
      expired: 1,
      total: 3,
      latestCollectedOn: day(0),
    });
    expect(cov.controls.find((c: { controlId: string }) => c.controlId === 'A.2.2')).toMatchObject({ expiring: 1, total: 1 });
    expect(cov.requirements.find((r: { requirementId: string }) => r.requirementId === '7.5.1')).toMatchObject({
      expired: 1,
      valid: 0,
    });
    expect(cov.totals).toMatchObject({ items: 3, valid: 1, expiring: 1, expired: 1, controlsCovered: 2, requirementsCovered: 0 });
    const operation = cov.areas.find((a: { area: string }) => a.area === 'operation');
    expect(operation).toMatchObject({ items: 2, requirementsCovered: 1 });

    // an edit moves the item between states and targets; coverage follows in the same write
    const renewed = await link('Renewed', { controlIds: ['A.2.2'], validUntil: day(-3), collectedOn: day(-10) });
    expect((await owner.patch(url(`/${renewed.body.id}`), { validUntil: day(300), controlIds: ['A.3.2'] })).status).toBe(200);
    const after = (await owner.get(url('/coverage'))).body;
    expect(after.controls.find((c: { controlId: string }) => c.controlId === 'A.2.2')).toMatchObject({ total: 1, expired: 0 });
    expect(after.controls.find((c: { controlId: string }) => c.controlId === 'A.3.2')).toMatchObject({ total: 1, valid: 1 });
    expect((await owner.post(url(`/${renewed.body.id}/archive`))).status).toBe(200);

    // the SoA's row counts the current items and lists the latest
    const soa = (await owner.get(`/api/v1/orgs/${orgId}/soa`)).body;
    const row = soa.rows.find((r: { controlId: string }) => r.controlId === 'A.6.2.6');
    expect(row).toMatchObject({ evidenceCount: 3, validEvidenceCount: 2 });
    expect(row.linkedEvidence.map((e: { title: string }) => e.title)).toEqual(['Valid', 'Expiring', 'Expired']);
    expect(row.linkedEvidence[2]).toMatchObject({ state: 'expired', number: expect.stringMatching(/^EV-\d{4}$/) });

    const expired = await owner.get(url('?state=expired'));
    expect(expired.body.items.map((i: { title: string }) => i.title)).toEqual(['Expired']);
    const byControl = await owner.get(url('?controlId=A.2.2'));
    expect(byControl.body.items.map((i: { title: string }) => i.title)).toEqual(['Expiring']);
    const flagged = await owner.get(url('?flagged=true&sort=validUntil'));
    expect(flagged.body.items.map((i: { title: string }) => i.title)).toEqual(['Expired', 'Expiring']);
  });

  it('answers 404 to another organization, and 409 with the current item to a stale If-Match', async () => {
    const created = await link('Mine', { controlIds: ['A.6.2.6'] });
    // the same id under another organization the owner belongs to: not found, not listed, not counted
    const other = (await owner.post('/api/v1/orgs', { name: 'Other org' })).body.id;
    const there = `/api/v1/orgs/${other}/evidence`;
    expect((await owner.get(`${there}/${created.body.id}`)).status).toBe(404);
    expect((await owner.patch(`${there}/${created.body.id}`, { title: 'x' })).status).toBe(404);
    expect((await owner.get(there)).body.items).toEqual([]);
    expect((await owner.get(`${there}/coverage`)).body.totals.items).toBe(0);
    const etag = created.headers.etag as string;
    expect((await owner.patch(url(`/${created.body.id}`), { title: 'Mine, renamed' })).status).toBe(200);
    const stale = await owner.request('PATCH', url(`/${created.body.id}`), { title: 'Lost' }, { 'if-match': etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current.title).toBe('Mine, renamed');
  });
});
