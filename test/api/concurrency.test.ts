import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

// Optimistic concurrency on every editable record (issue 10): a read gives an
// ETag, a write with a stale If-Match is a 409 carrying the current version
// (body.current, body.etag, ETag header) and changes nothing; a write without
// If-Match still goes through; a write with the current ETag goes through.

interface Kind {
  name: string;
  /** reads the record: its ETag and the body the client edits */
  read(): Promise<{ etag: string; body: Record<string, unknown> }>;
  /** a write of the record from a copy, with an optional If-Match */
  write(
    tag: string,
    ifMatch?: string,
  ): Promise<{ status: number; headers: Record<string, unknown>; body: Record<string, unknown> }>;
  /** the value a write of tag leaves in the current record (as body.current shows it) */
  valueOf(record: Record<string, unknown>): unknown;
  expected(tag: string): unknown;
}

describe.each(testDialects())('optimistic concurrency (%s)', (dialect) => {
  let t: TestApp;
  let client: Client;
  let orgId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const send = (method: 'PUT' | 'PATCH' | 'POST', url: string, body: unknown, ifMatch?: string) =>
    client.request(method, url, body, ifMatch ? { 'if-match': ifMatch } : {});
  const kinds: Kind[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client, orgId } = await setupOwner(t.app));
    const system = (await client.post(org('/ai-systems'), { name: 'Support assistant' })).body.id as string;
    const supplier = (await client.post(org('/suppliers'), { name: 'Model vendor' })).body.id as string;
    await client.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'first' } });
    const assessment = (await client.post(org('/gap-assessments'), { title: 'Baseline', assessmentDate: '2026-01-15' })).body
      .id as string;
    await client.put(org(`/gap-assessments/${assessment}/answers/5.2`), { status: 'partial', maturity: 1, notes: 'first' });
    const plan = (await client.post(org(`/gap-assessments/${assessment}/action-plan`), {})).body.items;
    const action = plan[0].id as string;
    const readWith = async (url: string) => {
      const r = await client.get(url);
      expect(r.status).toBe(200);
      return { etag: r.headers.etag as string, body: r.body };
    };
    const answerUrl = org(`/gap-assessments/${assessment}/answers/5.2`);
    const actions = org(`/gap-assessments/${assessment}/actions`);
    kinds.push(
      {
        name: 'AI system',
        read: () => readWith(org(`/ai-systems/${system}`)),
        write: (tag, m) => send('PATCH', org(`/ai-systems/${system}`), { purpose: tag }, m),
        valueOf: (r) => r.purpose,
        expected: (tag) => tag,
      },
      {
        name: 'supplier',
        read: () => readWith(org(`/suppliers/${supplier}`)),
        write: (tag, m) => send('PATCH', org(`/suppliers/${supplier}`), { description: tag }, m),
        valueOf: (r) => r.description,
        expected: (tag) => tag,
      },
      {
        name: 'scope draft',
        read: async () => {
          const r = await readWith(org('/scope'));
          return { etag: r.etag, body: r.body.draft as Record<string, unknown> };
        },
        write: (tag, m) => send('PUT', org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: tag } }, m),
        valueOf: (r) => (r.content as { boundaryStatement: string }).boundaryStatement,
        expected: (tag) => tag,
      },
      {
        name: 'profile',
        read: () => readWith(org('/profile')),
        write: async (tag, m) => {
          const { updatedAt: _, ...input } = (await client.get(org('/profile'))).body;
          return send('PUT', org('/profile'), { ...input, sector: tag }, m);
        },
        valueOf: (r) => r.sector,
        expected: (tag) => tag,
      },
      {
        name: 'settings',
        read: () => readWith(org('/settings')),
        write: (tag, m) =>
          send(
            'PUT',
            org('/settings'),
            { reviewIntervalDays: 30 + Number(tag.replace(/\D/g, '') || 0), riskScale: ['low', 'high'] },
            m,
          ),
        valueOf: (r) => r.reviewIntervalDays,
        expected: (tag) => 30 + Number(tag.replace(/\D/g, '') || 0),
      },
      {
        name: 'gap answer',
        read: async () => {
          const a = (await client.get(org(`/gap-assessments/${assessment}`))).body.answers.find(
            (x: { requirementId: string }) => x.requirementId === '5.2',
          );
          return { etag: `W/"${a.updatedAt}"`, body: a };
        },
        write: (tag, m) => send('PUT', answerUrl, { status: 'partial', maturity: 2, notes: tag }, m),
        valueOf: (r) => r.notes,
        expected: (tag) => tag,
      },
      {
        name: 'gap action',
        read: async () => {
          const a = (await client.get(actions)).body.items.find((x: { id: string }) => x.id === action);
          return { etag: `W/"${a.updatedAt}"`, body: a };
        },
        write: (tag, m) => send('PATCH', org(`/gap-actions/${action}`), { title: tag }, m),
        valueOf: (r) => r.title,
        expected: (tag) => tag,
      },
    );
  });
  afterAll(() => t.close());

  it('answers a stale If-Match with 409 and the current version, for every kind', async () => {
    for (const kind of kinds) {
      const mine = await kind.read();
      expect(mine.etag, kind.name).toMatch(/^W\/"/);
      const theirs = await kind.write('edit 1');
      expect(theirs.status, kind.name).toBe(200);
      expect(theirs.headers.etag, kind.name).toMatch(/^W\/"/);
      expect(theirs.headers.etag, kind.name).not.toBe(mine.etag);

      const stale = await kind.write('edit 2', mine.etag);
      expect(stale.status, kind.name).toBe(409);
      expect(stale.body.errors, kind.name).toEqual([{ field: 'headers.if-match', message: 'is not the current version' }]);
      expect(kind.valueOf(stale.body.current as Record<string, unknown>), kind.name).toEqual(kind.expected('edit 1'));
      expect(stale.body.etag, kind.name).toBe(theirs.headers.etag);
      expect(stale.headers.etag, kind.name).toBe(theirs.headers.etag);
      // nothing changed
      const now = await kind.read();
      expect(kind.valueOf(now.body), kind.name).toEqual(kind.expected('edit 1'));
      expect(now.etag, kind.name).toBe(theirs.headers.etag);

      // overwriting knowingly: the current ETag from the 409
      const overwrite = await kind.write('edit 3', stale.body.etag as string);
      expect(overwrite.status, kind.name).toBe(200);
      expect(kind.valueOf((await kind.read()).body), kind.name).toEqual(kind.expected('edit 3'));

      // without If-Match a write goes through as before
      const script = await kind.write('edit 4');
      expect(script.status, kind.name).toBe(200);
      expect(kind.valueOf((await kind.read()).body), kind.name).toEqual(kind.expected('edit 4'));
    }
  });

  it('keeps a PATCH without If-Match to the fields it sends', async () => {
    const id = (await client.post(org('/ai-systems'), { name: 'Scripted', purpose: 'kept' })).body.id;
    const r = await client.patch(org(`/ai-systems/${id}`), { dataSource: 'CRM' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ name: 'Scripted', purpose: 'kept', dataSource: 'CRM' });
  });

  it('refuses to clear an answer someone changed since it was read, and clears the version read', async () => {
    const assessment = (await client.post(org('/gap-assessments'), { title: 'Clearing', assessmentDate: '2026-02-01' })).body
      .id as string;
    const url = org(`/gap-assessments/${assessment}/answers/6.2`);
    const first = await client.put(url, { status: 'partial', maturity: 1, notes: 'read by tab A' });
    const tabA = first.headers.etag as string;
    await client.put(url, { status: 'implemented', maturity: 3, notes: 'saved by tab B' });
    const refused = await client.request('DELETE', url, undefined, { 'if-match': tabA });
    expect(refused.status).toBe(409);
    expect(refused.body.current).toMatchObject({ requirementId: '6.2', notes: 'saved by tab B' });
    const kept = (await client.get(org(`/gap-assessments/${assessment}`))).body.answers.find(
      (a: { requirementId: string }) => a.requirementId === '6.2',
    );
    expect(kept.notes).toBe('saved by tab B');
    // with the current version the clear goes through; clearing again from that copy is a conflict, not a 404
    const cleared = await client.request('DELETE', url, undefined, { 'if-match': refused.headers.etag as string });
    expect(cleared.status).toBe(200);
    expect(cleared.body.updatedAt).toBeNull();
    const again = await client.request('DELETE', url, undefined, { 'if-match': refused.headers.etag as string });
    expect(again.status).toBe(409);
    expect(again.headers.etag).toBe('W/"none"');
  });

  it('guards approval and the first draft by the draft ETag', async () => {
    const a = await client.get(org('/scope'));
    await client.put(org('/scope/draft'), { content: { ...emptyContent(), boundaryStatement: 'changed before approval' } });
    const refused = await client.request(
      'POST',
      org('/scope/draft/approve'),
      { exceptions: [] },
      { 'if-match': a.headers.etag as string },
    );
    expect(refused.status).toBe(409);
    expect((refused.body.current as { content: { boundaryStatement: string } }).content.boundaryStatement).toBe(
      'changed before approval',
    );
    expect((await client.get(org('/scope'))).body.draft.status).toBe('draft');

    // an organization with no draft yet: W/"none"; a draft saved meanwhile is a conflict
    const other = (await client.post('/api/v1/orgs', { name: 'Second Org' })).body.id as string;
    const empty = await client.get(`/api/v1/orgs/${other}/scope`);
    expect(empty.headers.etag).toBe('W/"none"');
    const body = { content: { ...emptyContent(), boundaryStatement: 'tab A' } };
    expect((await client.request('PUT', `/api/v1/orgs/${other}/scope/draft`, body, { 'if-match': 'W/"none"' })).status).toBe(200);
    const second = await client.request(
      'PUT',
      `/api/v1/orgs/${other}/scope/draft`,
      { content: { ...emptyContent(), boundaryStatement: 'tab B' } },
      { 'if-match': 'W/"none"' },
    );
    expect(second.status).toBe(409);
    expect((await client.get(`/api/v1/orgs/${other}/scope`)).body.draft.content.boundaryStatement).toBe('tab A');
  });
});
