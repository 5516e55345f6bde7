import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

describe.each(testDialects())('buyer readiness and trust page (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const api = (p: string) => `/api/v1/orgs/${orgId}/${p}`;
  const publicPage = (slug: string, ip = '203.0.113.9') =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/trust/${slug}`, remoteAddress: ip });
  const uniqueSlug = () => `acme-${randomBytes(3).toString('hex')}`;
  const addMember = async (role: string) => {
    const email = `m.${randomBytes(3).toString('hex')}@example.com`;
    await inviteAndAccept(owner, t.app, orgId, { email, name: `Member ${role}`, role });
    return signIn(t.app, email);
  };
  const answer = async (id: string) =>
    (await owner.get(api('buyer-answers'))).body.items.find((a: { id: string }) => a.id === id);

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

  it('derives the organization type from profile and inventory, and forecasts Stage 1 and Stage 2 from open work', async () => {
    const empty = await owner.get(api('certification-timeline'));
    expect(empty.status, JSON.stringify(empty.body)).toBe(200);
    expect(empty.body.organizationType.type).toBe('mid-size');
    expect(empty.body.organizationType.reasons[0]).toMatch(/number of employees/);
    expect(empty.body.planningRange).toMatchObject({ fromMonths: 5, toMonths: 8, text: '5 to 8 months' });
    expect(empty.body.planningRange.caveat).toMatch(/not a guarantee/);
    const f = empty.body.forecast;
    expect(f.stage1.source).toBe('forecast');
    expect(f.stage1.date > empty.body.today).toBe(true);
    expect(f.drivers.find((d: { key: string }) => d.key === 'noInternalAudit').count).toBe(1);
    expect(f.drivers.find((d: { key: string }) => d.key === 'noManagementReview').count).toBe(1);
    expect(f.assumptions.length).toBeGreaterThan(0);

    const profile = await owner.get(api('profile'));
    const put = await owner.request(
      'PUT',
      api('profile'),
      { ...profile.body, updatedAt: undefined, employeeCount: 12, sites: [{ name: 'HQ', address: '1 Main St', country: 'DE' }] },
      { 'if-match': profile.headers.etag as string },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    const small = (await owner.get(api('certification-timeline'))).body;
    expect(small.organizationType).toMatchObject({ type: 'small', facts: { employees: 12, sites: 1 } });
    expect(small.planningRange.text).toBe('3 to 5 months');

    // a second site makes it multi-site
    await owner.request('PUT', api('profile'), {
      ...put.body,
      updatedAt: undefined,
      sites: [
        ...put.body.sites.map(({ id: _id, ...s }: { id: string }) => s),
        { name: 'Lab', address: '2 Side St', country: 'FR' },
      ],
    });
    const large = (await owner.get(api('certification-timeline'))).body;
    expect(large.organizationType.type).toBe('large');
    expect(large.planningRange.text).toBe('7 to 12 months or more');
  });

  it('answers the seven questions from the data: an AI system added is named where AI is used', async () => {
    const before = await owner.get(api('buyer-answers'));
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body.items.map((a: { id: string }) => a.id)).toEqual([
      'where-ai-is-used',
      'governance-owner',
      'risk-review',
      'third-party-ai',
      'performance-monitoring',
      'incident-handling',
      'certificate-verification',
    ]);
    expect(before.body.trustPage).toBeNull();
    expect(before.body.items[0].answer).toMatch(/No AI system is recorded as in scope/);
    expect(before.body.items[6].answer).toMatch(/not certified/);

    const sup = await owner.post(api('suppliers'), { name: 'OpenModel Inc' });
    expect(sup.status, JSON.stringify(sup.body)).toBe(201);
    const sys = await owner.post(api('ai-systems'), {
      name: 'Ticket triage',
      purpose: 'Routes support tickets to the right team',
      inScope: true,
      suppliers: [{ supplierId: sup.body.id, dependency: 'model' }],
    });
    expect(sys.status, JSON.stringify(sys.body)).toBe(201);
    const where = await answer('where-ai-is-used');
    expect(where.answer).toContain('Ticket triage (Routes support tickets to the right team)');
    expect(where.figures).toContainEqual({ label: 'AI systems in scope', value: '1' });
    expect(where.links).toEqual([{ label: 'AI system inventory', href: `/orgs/${orgId}/inventory` }]);
    expect((await answer('third-party-ai')).answer).toContain('OpenModel Inc');
    // only the suppliers of in-scope systems are named, each once
    const other = await owner.post(api('suppliers'), { name: 'Sidecar Analytics' });
    const outOfScope = await owner.post(api('ai-systems'), {
      name: 'Internal forecasting',
      inScope: false,
      suppliers: [{ supplierId: other.body.id, dependency: 'model' }],
    });
    const second = await owner.post(api('ai-systems'), {
      name: 'Reply drafts',
      inScope: true,
      suppliers: [{ supplierId: sup.body.id, dependency: 'api' }],
    });
    expect([outOfScope.status, second.status]).toEqual([201, 201]);
    const thirdParty = (await answer('third-party-ai')).answer;
    expect(thirdParty).not.toContain('Sidecar Analytics');
    expect(thirdParty.split('OpenModel Inc').length).toBe(2);
    // the seeded governance roles are named
    expect((await answer('governance-owner')).figures[0].value).not.toBe('0');
  });

  it('stores an edit beside the draft, refuses a stale one (409), flags changed data and reverts', async () => {
    const first = await answer('risk-review');
    expect(first).toMatchObject({ edited: null, dataChangedSinceEdit: false, etag: 'W/"none"' });
    const bad = await owner.put(api('buyer-answers/risk-review'), { text: '   ' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.text']);
    expect((await owner.put(api('buyer-answers/not-a-question'), { text: 'x' })).status).toBe(400);

    const edit = await owner.request(
      'PUT',
      api('buyer-answers/risk-review'),
      { text: 'Reviewed quarterly by the board.' },
      { 'if-match': first.etag },
    );
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body).toMatchObject({
      answer: 'Reviewed quarterly by the board.',
      draft: first.draft,
      dataChangedSinceEdit: false,
    });
    expect(edit.body.edited).toMatchObject({ text: 'Reviewed quarterly by the board.', draftAtEdit: first.draft });

    // someone else saved in between: a write with the old version is refused and shows theirs
    const stale = await owner.request('PUT', api('buyer-answers/risk-review'), { text: 'Mine' }, { 'if-match': first.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.current.answer).toBe('Reviewed quarterly by the board.');
    expect(stale.body.errors[0].field).toBe('headers.if-match');
    expect((await answer('risk-review')).answer).toBe('Reviewed quarterly by the board.');

    // the data behind the draft changes: the edit stays and says so
    await owner.post(api('ai-systems'), { name: 'Churn model', inScope: true });
    const changed = await answer('risk-review');
    expect(changed.answer).toBe('Reviewed quarterly by the board.');
    expect(changed.dataChangedSinceEdit).toBe(true);

    const staleRevert = await owner.request('DELETE', api('buyer-answers/risk-review'), undefined, { 'if-match': 'W/"none"' });
    expect(staleRevert.status).toBe(409);
    const revert = await owner.request('DELETE', api('buyer-answers/risk-review'), undefined, { 'if-match': changed.etag });
    expect(revert.status, JSON.stringify(revert.body)).toBe(200);
    expect(revert.body).toMatchObject({ edited: null, answer: changed.draft, etag: 'W/"none"' });

    const log = await owner.get(api('audit-log?entityType=buyer_answer'));
    expect(log.status).toBe(200);
    expect(log.body.items.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['edit', 'revert']));
  });

  it('publishes a snapshot at /trust/<slug> with nothing else of the organization, and unpublishes', async () => {
    const slug = uniqueSlug();
    await owner.put(api('buyer-answers/where-ai-is-used'), { text: 'We use AI to route support tickets.' });
    const bad = await owner.post(api('trust-page/publish'), { slug: 'Not OK!' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.slug']);

    const pub = await owner.post(api('trust-page/publish'), { slug });
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    expect(pub.body).toMatchObject({ slug, published: true, path: `/trust/${slug}` });

    const res = await publicPage(slug);
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    expect(Object.keys(page).sort()).toEqual(['answers', 'certificate', 'organization', 'publishedAt']);
    expect(page.answers).toHaveLength(7);
    for (const a of page.answers) expect(Object.keys(a).sort()).toEqual(['answer', 'question']);
    expect(page.answers[0]).toEqual({
      question: 'Where is AI used in your product or service?',
      answer: 'We use AI to route support tickets.',
    });
    expect(page.certificate).toBeNull();
    expect(res.body).not.toContain(orgId);
    expect(res.headers['set-cookie']).toBeUndefined();

    // a later edit is not public until published again
    await owner.put(api('buyer-answers/where-ai-is-used'), { text: 'Updated wording.' });
    expect((await publicPage(slug)).json().answers[0].answer).toBe('We use AI to route support tickets.');
    await owner.post(api('trust-page/publish'), { slug });
    expect((await publicPage(slug)).json().answers[0].answer).toBe('Updated wording.');

    const down = await owner.post(api('trust-page/unpublish'));
    expect(down.status, JSON.stringify(down.body)).toBe(200);
    expect(down.body).toMatchObject({ slug, published: false, publishedAt: null });
    const gone = await publicPage(slug);
    const unknown = await publicPage(`${slug}-nope`);
    expect(gone.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(gone.body).toBe(unknown.body);
    expect((await owner.post(api('trust-page/unpublish'))).status).toBe(409);
  });

  it('refuses a slug another organization holds (409 naming body.slug)', async () => {
    const slug = uniqueSlug();
    expect((await owner.post(api('trust-page/publish'), { slug })).status).toBe(200);
    const other = await owner.post('/api/v1/orgs', { name: 'Other org' });
    const taken = await owner.post(`/api/v1/orgs/${other.body.id}/trust-page/publish`, { slug });
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'body.slug' })]);
    // still held after unpublishing: an old link never shows someone else
    await owner.post(api('trust-page/unpublish'));
    expect((await owner.post(`/api/v1/orgs/${other.body.id}/trust-page/publish`, { slug })).status).toBe(409);
  });

  it('two first edits at once: one is saved, the other told (409); two organizations racing for one slug: one gets it', async () => {
    // on PostgreSQL the second request comes through another app process
    const node2 = dialect === 'postgres' ? await startSecondNode(t) : null;
    const other = node2 ? new Client(node2.app, owner.cookie, owner.csrf) : owner;
    try {
      const put = (c: Client, text: string) =>
        c.request('PUT', api('buyer-answers/incident-handling'), { text }, { 'if-match': 'W/"none"' });
      const edits = await Promise.all([put(owner, 'Mine'), put(other, 'Theirs')]);
      expect(edits.map((r) => r.status).sort()).toEqual([200, 409]);
      const saved = edits.find((r) => r.status === 200)?.body.answer;
      expect((await answer('incident-handling')).answer).toBe(saved);

      const second = (await owner.post('/api/v1/orgs', { name: 'Racing org' })).body.id;
      const slug = uniqueSlug();
      const pubs = await Promise.all([
        owner.post(api('trust-page/publish'), { slug }),
        other.post(`/api/v1/orgs/${second}/trust-page/publish`, { slug }),
      ]);
      expect(pubs.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(pubs.find((r) => r.status === 409)?.body.errors).toEqual([expect.objectContaining({ field: 'body.slug' })]);
      const rows = await t.database.db.selectFrom('trust_pages').select('org_id').where('slug', '=', slug).execute();
      expect(rows).toHaveLength(1);
    } finally {
      await node2?.close();
    }
  });

  it('lets a viewer read but not edit or publish; another organization sees 404', async () => {
    const viewer = await addMember('viewer');
    expect((await viewer.get(api('buyer-answers'))).status).toBe(200);
    expect((await viewer.get(api('certification-timeline'))).status).toBe(200);
    expect((await viewer.put(api('buyer-answers/risk-review'), { text: 'x' })).status).toBe(403);
    expect((await viewer.post(api('trust-page/publish'), { slug: uniqueSlug() })).status).toBe(403);
    // approving (publishing) is the editor's too
    const editor = await addMember('editor');
    expect((await editor.put(api('buyer-answers/risk-review'), { text: 'x' })).status).toBe(200);
    expect((await editor.post(api('trust-page/publish'), { slug: uniqueSlug() })).status).toBe(200);

    // an owner of another organization only
    const email = `s.${randomBytes(3).toString('hex')}@example.com`;
    const other = await owner.post('/api/v1/orgs', { name: 'Stranger org' });
    await inviteAndAccept(owner, t.app, other.body.id, { email, name: 'Stranger', role: 'owner' });
    const stranger = await signIn(t.app, email);
    expect((await stranger.get(api('buyer-answers'))).status).toBe(404);
    expect((await stranger.put(api('buyer-answers/risk-review'), { text: 'x' })).status).toBe(404);
    expect((await stranger.post(api('trust-page/publish'), { slug: uniqueSlug() })).status).toBe(404);
  });

  it('limits the public page per address (429 with Retry-After)', async () => {
    const slug = uniqueSlug();
    await owner.post(api('trust-page/publish'), { slug });
    const ip = `198.51.100.${Math.floor(Math.random() * 200) + 1}`;
    let last = 0;
    for (let i = 0; i < 60; i++) last = (await publicPage(slug, ip)).statusCode;
    expect(last).toBe(200);
    const limited = await publicPage(slug, ip);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // another address is not affected
    expect((await publicPage(slug, '192.0.2.77')).statusCode).toBe(200);
  });

  it('sends the answers as a PDF and a Word document', async () => {
    const pdf = await owner.request('GET', api('buyer-answers/report?format=pdf'));
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await owner.request('GET', api('buyer-answers/report?format=docx'));
    expect(docx.status).toBe(200);
    expect(docx.raw.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});
