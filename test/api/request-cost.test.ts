import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { recordQueries } from '../support/query-log.js';

// Issue 17: an org request is authenticated and authorised in one statement
// (the session or token, the user, the membership in the org of the URL and
// the org's two-step policy), and a read writes nothing (last seen is kept
// at most once a minute).

const AUTH = /\b(sessions|users|api_tokens|memberships|mfa_org_policies|mfa_totp)\b/;

for (const dialect of testDialects()) {
  describe(`the cost of authenticating an org request (${dialect})`, () => {
    let t: TestApp;
    let owner: Client;
    let orgId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      ({ client: owner, orgId } = await setupOwner(t.app));
    });
    afterAll(() => t?.close());

    it('reads the session, user, membership and MFA policy in one statement, and writes nothing on a read', async () => {
      const token = (await owner.post('/api/v1/tokens', { name: 'script' })).body.token as string;
      const bearer = new (owner.constructor as typeof Client)(t.app, undefined, undefined, token);
      for (const caller of [owner, bearer]) {
        // Last seen / used kept now; on a route outside the org, so the auth cache
        // (auth-cache.ts) holds nothing for this org yet and the next request reads it.
        expect((await caller.get('/api/v1/orgs')).status).toBe(200);
        const log = recordQueries(t.database.db);
        expect((await caller.get(`/api/v1/orgs/${orgId}/ai-systems`)).status).toBe(200);
        const auth = log.statements.filter((s) => AUTH.test(s));
        expect(auth).toHaveLength(1);
        expect(auth[0]).toMatch(/memberships/);
        expect(auth[0]).toMatch(/mfa_org_policies/);
        expect(log.statements.filter((s) => /^\s*(update|insert|delete)\b/i.test(s))).toEqual([]);
      }
    });
  });
}
