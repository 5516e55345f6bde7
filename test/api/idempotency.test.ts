import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addMember, Client, createTestApp, setupOwner, startSecondNode, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

// Idempotency-Key on POST (issue 10): a double click or a retry never makes two records.
describe.each(testDialects())('Idempotency-Key (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/suppliers${p}`;
  const post = (body: unknown, key?: string, client = owner) =>
    client.request('POST', url(), body, key === undefined ? {} : { 'idempotency-key': key });
  const count = async () => (await owner.get(url())).body.items.length as number;

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

  it('replays the first answer for the same key: one supplier, the same body', async () => {
    const first = await post({ name: 'Anthropic', kinds: ['api'] }, 'key-1');
    expect(first.status).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const second = await post({ name: 'Anthropic', kinds: ['api'] }, 'key-1');
    expect(second.status).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.headers['content-type']).toMatch(/application\/json/);
    expect(second.body).toEqual(first.body);
    expect(await count()).toBe(1);

    // A new key is a new request; no key is no idempotency.
    expect((await post({ name: 'Anthropic 2', kinds: ['api'] }, 'key-2')).status).toBe(201);
    expect((await post({ name: 'Anthropic 3', kinds: ['api'] })).status).toBe(201);
    expect(await count()).toBe(3);
  });

  it('refuses the same key with a different body, and a key that is too long', async () => {
    expect((await post({ name: 'Mistral', kinds: ['api'] }, 'key-x')).status).toBe(201);
    const other = await post({ name: 'Cohere', kinds: ['api'] }, 'key-x');
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(other.body.title).toBe('Idempotency-Key reused');
    expect(other.body.errors[0].field).toBe('headers.idempotency-key');

    const long = await post({ name: 'Cohere', kinds: ['api'] }, 'k'.repeat(201));
    expect(long.status).toBe(400);
    expect(long.body.title).toBe('Invalid Idempotency-Key');
    expect((await post({ name: 'Cohere', kinds: ['api'] }, 'k'.repeat(200))).status).toBe(201);
    expect(await count()).toBe(2);
  });

  it('keys by user: another member using the same key makes their own record', async () => {
    await addMember(owner, t.app, orgId, {
      email: 'second@example.com',
      name: 'Second',
      role: 'editor',
      password: 'another correct horse battery',
    });
    const second = await signIn(t.app, 'second@example.com', 'another correct horse battery');
    expect((await post({ name: 'OpenAI', kinds: ['api'] }, 'shared')).status).toBe(201);
    const theirs = await post({ name: 'OpenAI', kinds: ['api'] }, 'shared', second);
    expect(theirs.status).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('two concurrent requests with one key create one record', async () => {
    const body = { name: 'Google', kinds: ['api', 'model'] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => post(body, 'race')));
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    // every other answer is the replay, or 409 "in progress" had the first still run
    for (const a of answers) expect([201, 409]).toContain(a.status);
    for (const a of created) expect(a.body.id).toBe(created[0]?.body.id);
    expect(await count()).toBe(1);
  });

  it('forgets keys after 24 hours, and does not keep a failed request', async () => {
    expect((await post({ name: 'Aleph', kinds: ['api'] }, 'old')).status).toBe(201);
    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await t.database.db.updateTable('idempotency_keys').set({ created_at: yesterday }).where('idem_key', '=', 'old').execute();
    const again = await post({ name: 'Aleph', kinds: ['api'] }, 'old');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect(await count()).toBe(2);

    // A 400 from validation never claims the key: the corrected request runs.
    expect((await post({ name: '', kinds: [] }, 'fix-me')).status).toBe(400);
    expect((await post({ name: 'Bravo', kinds: ['api'] }, 'fix-me')).status).toBe(201);
  });
});

// Two app processes on one PostgreSQL: the claim lives in the database.
describe.skipIf(!process.env.PG_TEST_URL)('Idempotency-Key across app nodes', () => {
  let a: TestApp;
  let node: Awaited<ReturnType<typeof startSecondNode>>;
  let b: FastifyInstance;
  beforeAll(async () => {
    a = await createTestApp('postgres');
    node = await startSecondNode(a);
    b = node.app;
  });
  afterAll(async () => {
    await node.close();
    await a.close();
  });

  it('one key sent to both nodes at once creates one supplier', async () => {
    const { client: onA, orgId } = await setupOwner(a.app);
    const onB = new Client(b, onA.cookie, onA.csrf);
    const body = { name: 'Anthropic', kinds: ['api'] };
    const url = `/api/v1/orgs/${orgId}/suppliers`;
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? onA : onB).request('POST', url, body, { 'idempotency-key': 'both' })),
    );
    for (const r of answers) expect([201, 409]).toContain(r.status);
    expect((await onA.get(url)).body.items).toHaveLength(1);
  });
});
