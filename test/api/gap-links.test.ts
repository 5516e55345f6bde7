import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveAccepting } from '../support/approve.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// An answer tied to the organization's actual records: its AI systems,
// suppliers and approved scope versions, never another organization's.
describe.each(testDialects())('gap answer links (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let assessmentId: string;
  let systemId: string;
  let supplierId: string;
  let scopeV1: string;
  let foreignSystemId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const answerUrl = (req: string) => org(`/gap-assessments/${assessmentId}/answers/${req}`);
  const answerOf = async (req: string) =>
    (await owner.get(org(`/gap-assessments/${assessmentId}`))).body.answers.find(
      (a: { requirementId: string }) => a.requirementId === req,
    );
  const auditRows = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    await owner.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'Support chatbot' } });
    scopeV1 = (await approveAccepting(owner, org('/scope'))).body.id;
    systemId = (await owner.post(org('/ai-systems'), { name: 'Support chatbot' })).body.id;
    supplierId = (await owner.post(org('/suppliers'), { name: 'Anthropic' })).body.id;
    assessmentId = (await owner.post(org('/gap-assessments'), { title: 'Baseline', assessmentDate: '2026-01-15' })).body.id;
    const elsewhere = (await owner.post('/api/v1/orgs', { name: 'Elsewhere' })).body.id;
    foreignSystemId = (await owner.post(`/api/v1/orgs/${elsewhere}/ai-systems`, { name: 'Their system' })).body.id;
  });
  afterAll(() => t.close());

  it('links own AI systems, suppliers and scope versions, returns their labels and logs the change', async () => {
    const links = [
      { type: 'ai-system', id: systemId },
      { type: 'supplier', id: supplierId },
      { type: 'scope', id: scopeV1 },
    ];
    const res = await owner.put(answerUrl('A.10.3'), { status: 'partial', links });
    expect(res.status).toBe(200);
    const expected = [
      { type: 'ai-system', id: systemId, label: 'Support chatbot', archived: false },
      { type: 'supplier', id: supplierId, label: 'Anthropic', archived: false },
      { type: 'scope', id: scopeV1, label: 'Scope version 1', archived: false },
    ];
    expect(res.body.links).toEqual(expected);
    expect((await answerOf('A.10.3')).links).toEqual(expected);

    const log = (await owner.get(org('/audit-log?entityType=gap_answer'))).body.items;
    expect(log[0]).toMatchObject({ action: 'create', entityId: `${assessmentId}:A.10.3` });
    expect(log[0].after.links).toEqual(links);
  });

  it("rejects another organization's record, a draft scope and a repeated link by field, writing nothing", async () => {
    await owner.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'Chatbot and search' } });
    const draftId = (await owner.get(org('/scope'))).body.draft.id;
    const before = await auditRows();
    const stored = await answerOf('A.10.3');
    const foreign = await owner.put(answerUrl('A.10.3'), {
      status: 'implemented',
      links: [
        { type: 'ai-system', id: systemId },
        { type: 'ai-system', id: foreignSystemId },
      ],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(foreign.body.errors).toEqual([{ field: 'body.links.1.id', message: 'is not an AI system of this organization' }]);

    const mixed = await owner.put(answerUrl('A.10.3'), {
      status: 'implemented',
      links: [
        { type: 'supplier', id: systemId },
        { type: 'scope', id: draftId },
        { type: 'supplier', id: supplierId },
        { type: 'supplier', id: supplierId },
      ],
    });
    expect(mixed.status).toBe(400);
    expect(mixed.body.errors).toEqual([
      { field: 'body.links.0.id', message: 'is not a supplier of this organization' },
      { field: 'body.links.1.id', message: 'is not an approved scope version of this organization' },
      { field: 'body.links.3.id', message: 'repeats the record of links.2' },
    ]);

    expect(await auditRows()).toBe(before);
    expect(await answerOf('A.10.3')).toEqual(stored);
  });

  it("shows a linked record's new name once it is renamed, with no change to the answer", async () => {
    const before = await answerOf('A.10.3');
    expect((await owner.patch(org(`/ai-systems/${systemId}`), { name: 'Support assistant' })).status).toBe(200);
    const after = await answerOf('A.10.3');
    expect(after.links[0]).toEqual({ type: 'ai-system', id: systemId, label: 'Support assistant', archived: false });
    expect({ ...after, links: before.links }).toEqual(before);
    expect((await owner.patch(org(`/ai-systems/${systemId}`), { name: 'Support chatbot' })).status).toBe(200);
    expect(await answerOf('A.10.3')).toEqual(before);
  });

  it('keeps a link to a record archived or superseded later, with its label', async () => {
    expect((await owner.post(org(`/ai-systems/${systemId}/archive`), {})).status).toBe(200);
    expect((await owner.post(org(`/suppliers/${supplierId}/archive`), {})).status).toBe(200);
    const scopeV2 = (await approveAccepting(owner, org('/scope'))).body.id;
    expect((await answerOf('A.10.3')).links).toEqual([
      { type: 'ai-system', id: systemId, label: 'Support chatbot', archived: true },
      { type: 'supplier', id: supplierId, label: 'Anthropic', archived: true },
      { type: 'scope', id: scopeV1, label: 'Scope version 1', archived: true },
    ]);
    // the answer can still be saved with its links, and moved to the new scope version
    const res = await owner.put(answerUrl('A.10.3'), {
      status: 'implemented',
      links: [
        { type: 'ai-system', id: systemId },
        { type: 'scope', id: scopeV2 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.links.map((l: { label: string; archived: boolean }) => [l.label, l.archived])).toEqual([
      ['Support chatbot', true],
      ['Scope version 2', false],
    ]);
  });

  it('lists linked records in the gap report', async () => {
    await owner.put(answerUrl('5.2'), { status: 'partial', links: [{ type: 'scope', id: scopeV1 }] });
    const html = await owner.request('GET', org(`/gap-assessments/${assessmentId}/report?format=html`));
    expect(html.status).toBe(200);
    expect(html.raw.body).toContain('Linked records: Scope version 1 (superseded)');
  });
});
