import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type Client, createTestApp, setupOwner, startSecondNode, signIn, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';

const ORGS = 20;
const SECOND_OWNER = 'second.owner@example.com';

type Takeover = (target: string) => { method: 'PATCH' | 'DELETE'; body?: unknown };

// Every way one owner can end another's ownership.
const takeovers: Record<string, Takeover> = {
  'demote each other to admin': () => ({ method: 'PATCH', body: { role: 'admin' } }),
  'remove each other': () => ({ method: 'DELETE' }),
  "end each other's access (expiry in the past)": () => ({
    method: 'PATCH',
    body: { expiresAt: '2020-01-01T00:00:00.000Z' },
  }),
};

describe.each(testDialects())('owners racing to remove each other (%s)', (dialect) => {
  let t: TestApp;
  let second: Awaited<ReturnType<typeof startSecondNode>> | undefined;
  let first: Client;
  let secondOwner: Client;
  let firstId: string;
  let secondId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    let appB = t.app;
    if (dialect === 'postgres') {
      second = await startSecondNode(t);
      const { app } = second;
      appB = app;
    }
    const owner = await setupOwner(t.app, 'first.owner@example.com');
    first = owner.client;
    firstId = owner.userId;
    // the second owner's account, created through a membership of the setup org
    secondId = (await addMember(first, t.app, owner.orgId, { email: SECOND_OWNER, role: 'viewer', name: 'Second Owner' })).userId;
    secondOwner = await signIn(appB, SECOND_OWNER);
  });

  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  /** ORGS organizations, each with both people as owners. */
  async function orgsWithTwoOwners(label: string): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < ORGS; i++) {
      const org = await first.post('/api/v1/orgs', { name: `${label} ${i}` });
      expect(org.status).toBe(201);
      await addMember(first, t.app, org.body.id, { email: SECOND_OWNER, role: 'owner', name: 'Second Owner' });
      ids.push(org.body.id);
    }
    return ids;
  }

  async function owners(orgId: string): Promise<string[]> {
    const now = new Date().toISOString();
    const rows = await t.database.db
      .selectFrom('memberships')
      .select(['user_id', 'expires_at'])
      .where('org_id', '=', orgId)
      .where('role', '=', 'owner')
      .execute();
    return rows.filter((r) => !r.expires_at || r.expires_at > now).map((r) => r.user_id);
  }

  it.each(Object.entries(takeovers))(
    'both owners %s at once: exactly one succeeds, every organization keeps an owner',
    async (label, takeover) => {
      const orgIds = await orgsWithTwoOwners(label);
      for (const orgId of orgIds) expect(await owners(orgId)).toHaveLength(2);

      const send = (client: Client, orgId: string, target: string) => {
        const { method, body } = takeover(target);
        return client.request(method, `/api/v1/orgs/${orgId}/members/${target}`, body);
      };
      // every pair at once: 2 x ORGS requests in flight, half on each app instance
      const results = await Promise.all(
        orgIds.map(async (orgId) => {
          const [a, b] = await Promise.all([send(first, orgId, secondId), send(secondOwner, orgId, firstId)]);
          return { orgId, statuses: [a.status, b.status], bodies: [a.body, b.body], owners: await owners(orgId) };
        }),
      );

      const ownerless = results.filter((r) => r.owners.length === 0).length;
      const bothSucceeded = results.filter((r) => r.statuses.every((s) => s < 300)).length;
      const tally = results
        .map((r) => r.statuses.join('/'))
        .reduce<Record<string, number>>((acc, k) => {
          acc[k] = (acc[k] ?? 0) + 1;
          return acc;
        }, {});
      console.log(`[owners-race ${dialect}] ${label}: ${ownerless} of ${ORGS} ownerless; statuses ${JSON.stringify(tally)}`);

      expect({ ownerless, bothSucceeded }).toEqual({ ownerless: 0, bothSucceeded: 0 });
      for (const r of results) {
        // one request wins; the other is refused, never a server error
        const won = r.statuses.filter((s) => s === 200 || s === 204);
        const refused = r.statuses.filter((s) => [403, 404, 409].includes(s));
        expect({ won: won.length, refused: refused.length }, JSON.stringify(r)).toEqual({ won: 1, refused: 1 });
        // the winner is the one owner left
        const winner = r.statuses.findIndex((s) => s < 300) === 0 ? firstId : secondId;
        expect(r.owners).toEqual([winner]);
      }
    },
  );
});

describe.each(testDialects())('the last owner (%s)', (dialect) => {
  let t: TestApp;
  afterAll(async () => t?.close());

  it('cannot lose ownership by role, removal or an expiry date; a lasting co-owner makes each allowed', async () => {
    t = await createTestApp(dialect);
    const { client, orgId, userId } = await setupOwner(t.app);
    const me = `/api/v1/orgs/${orgId}/members/${userId}`;
    for (const [method, body] of [
      ['PATCH', { role: 'admin' }],
      ['PATCH', { expiresAt: '2099-01-01T00:00:00.000Z' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await client.request(method, me, body);
      expect(res.status, `${method} ${JSON.stringify(body)}`).toBe(409);
      expect(res.body.detail).toMatch(/at least one owner/);
    }
    // an owner whose access expires does not keep the organization owned
    const temp = {
      body: await addMember(client, t.app, orgId, {
        email: 'temporary.owner@example.com',
        role: 'owner',
        name: 'Temporary Owner',
        expiresAt: '2099-01-01T00:00:00.000Z',
      }),
    };
    expect((await client.patch(me, { role: 'admin' })).status).toBe(409);
    // once the co-owner's access lasts, the first owner may step down
    expect((await client.patch(`/api/v1/orgs/${orgId}/members/${temp.body.userId}`, { expiresAt: null })).status).toBe(200);
    const stepDown = await client.patch(me, { role: 'admin' });
    expect(stepDown.status).toBe(200);
    expect(stepDown.body.role).toBe('admin');
  });
});
