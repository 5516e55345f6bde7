import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const answers = {
  customerDataTraining: { answer: 'no', notes: 'Zero data retention on the API' },
  modelChangeNotification: { answer: 'partial' },
  dataLocation: { answer: 'yes', notes: 'EU region' },
  incidentNotification: { answer: 'yes' },
  certificationsHeld: { answer: 'yes', notes: 'ISO/IEC 27001 seen' },
  contractReviewed: { answer: 'unknown' },
};

describe.each(testDialects())('supplier register (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/suppliers${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner } = await setupOwner(t.app));
  });
  // every test has an organization of its own: none reads another's suppliers
  beforeEach(async ({ task }) => {
    const org = await owner.post('/api/v1/orgs', { name: task.name.slice(0, 60) });
    expect(org.status).toBe(201);
    orgId = org.body.id;
  });
  afterAll(() => t.close());

  it('records AI-specific reviews that set rating and due dates, and flags overdue ones', async () => {
    const s = await owner.post(url(), {
      name: 'Anthropic',
      kinds: ['api'],
      website: 'https://example.com',
      certifications: ['ISO/IEC 42001'],
    });
    expect(s.status).toBe(201);
    expect(s.body.flags.map((f: { code: string }) => f.code)).toEqual(['never-reviewed', 'not-risk-rated']);
    const id = s.body.id;

    const review = await owner.post(url(`/${id}/reviews`), {
      reviewDate: '2025-06-01',
      answers,
      riskRating: 'Medium',
      nextReviewDate: '2025-12-01',
    });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ reviewer: 'lead@example.com', riskRating: 'medium' });
    const after = (await owner.get(url(`/${id}`))).body;
    expect(after).toMatchObject({ riskRating: 'medium', lastReviewDate: '2025-06-01', nextReviewDate: '2025-12-01' });
    expect(after.flags.map((f: { code: string }) => f.code)).toEqual(['review-overdue']);
    expect((await owner.get(url('?overdue=true'))).body.items.map((x: { name: string }) => x.name)).toEqual(['Anthropic']);

    const history = (await owner.get(url(`/${id}/history`))).body.items.map((h: { action: string }) => h.action);
    expect(history).toEqual(['create', 'review']);
  });

  it('rejects impossible reviews by field', async () => {
    const id = (await owner.post(url(), { name: 'Mistral' })).body.id;
    expect(id).toEqual(expect.any(String));
    const future = await owner.post(url(`/${id}/reviews`), {
      reviewDate: '2999-01-01',
      answers,
      riskRating: 'low',
      nextReviewDate: '2999-06-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.reviewDate']);
    const backwards = await owner.post(url(`/${id}/reviews`), {
      reviewDate: '2026-01-01',
      answers,
      riskRating: 'low',
      nextReviewDate: '2025-01-01',
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.nextReviewDate']);
    const missing = await owner.post(url(`/${id}/reviews`), {
      reviewDate: '2026-01-01',
      answers: { ...answers, dataLocation: undefined },
      riskRating: 'low',
      nextReviewDate: '2027-01-01',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toContain('body.answers.dataLocation');
    expect((await owner.get(url(`/${id}/reviews`))).body.items).toEqual([]);
  });

  it('lists the AI systems that depend on a supplier', async () => {
    const id = (await owner.post(url(), { name: 'Anthropic', kinds: ['api'] })).body.id;
    const unused = (await owner.post(url(), { name: 'Mistral', kinds: ['model'] })).body.id;
    expect((await owner.get(url(`/${id}`))).body).toMatchObject({ aiSystemCount: 0, aiSystems: [] });
    const system = await owner.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      name: 'Support bot',
      suppliers: [{ supplierId: id, dependency: 'model' }],
    });
    expect(system.status).toBe(201);
    const s = (await owner.get(url(`/${id}`))).body;
    expect(s.aiSystemCount).toBe(1);
    expect(s.aiSystems).toEqual([expect.objectContaining({ name: 'Support bot', dependency: 'model' })]);
    const counts = (await owner.get(url())).body.items.map((x: { id: string; aiSystemCount: number }) => [x.id, x.aiSystemCount]);
    expect(counts).toEqual(
      expect.arrayContaining([
        [id, 1],
        [unused, 0],
      ]),
    );
  });

  it('accepts a member or a named person as reviewer, and refuses a user of another organization', async () => {
    const id = (await owner.post(url(), { name: 'Vector DB vendor' })).body.id;
    const base = { reviewDate: '2025-06-01', answers, riskRating: 'Low', nextReviewDate: '2025-12-01' };
    // A user of this instance, but of another organization only.
    const other = await owner.post('/api/v1/orgs', { name: 'Someone else' });
    const stranger = {
      body: await addMember(owner, t.app, other.body.id, { email: 'stranger@example.com', name: 'Stranger', role: 'viewer' }),
    };
    const refused = await owner.post(url(`/${id}/reviews`), { ...base, reviewer: { userId: stranger.body.userId } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual([{ field: 'body.reviewer.userId', message: 'is not a member of this organization' }]);
    expect((await owner.get(url(`/${id}/reviews`))).body.items).toEqual([]);

    const named = await owner.post(url(`/${id}/reviews`), {
      ...base,
      reviewer: { name: 'Procurement team', email: 'procurement@example.com' },
    });
    expect(named.status).toBe(201);
    expect(named.body.reviewer).toBe('Procurement team');
    const self = (await owner.get('/api/v1/session')).body.user.id;
    const member = await owner.post(url(`/${id}/reviews`), { ...base, reviewDate: '2025-07-01', reviewer: { userId: self } });
    expect(member.status).toBe(201);
    expect(member.body.reviewer).toBe('Ada Lead');
  });

  it('serves the review questions with the answer that is good news for the organization', async () => {
    const items = (await owner.get('/api/v1/supplier-review-questions')).body.items as { id: string; goodAnswer: string }[];
    expect(items.map((q) => q.id)).toEqual(Object.keys(answers));
    // a supplier that trains on our data is the bad answer, whatever the word
    expect(items.find((q) => q.id === 'customerDataTraining')?.goodAnswer).toBe('no');
    expect(items.find((q) => q.id === 'contractReviewed')?.goodAnswer).toBe('yes');
  });
});
