import { expressionBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/platform/db/tables.js';
import { AppError } from '../../src/platform/http/errors.js';
import { addOrgAccessCheck } from '../../src/platform/http/auth-context.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { recordQueries } from '../support/query-log.js';

// The statement that authenticates an org request is compiled once (issue
// 17) with every org check's prefetch. A check a module adds later must
// still get its own value read by that statement, not a stale statement's
// missing column (which a check would read as "nothing required").

const AUTH = /\b(sessions|users|api_tokens|memberships|mfa_org_policies|mfa_totp)\b/;

/** The org a test guards, and what the late check saw. */
let guarded: string | undefined;
const seen: unknown[] = [];
let added = false;

function addLateCheck() {
  if (added) return;
  added = true;
  addOrgAccessCheck(
    async (_db, _req, _auth, orgId, prefetched) => {
      if (orgId !== guarded) return;
      seen.push(prefetched?.value);
      if (prefetched?.value === 'Guarded Org') throw new AppError(403, 'Guarded', 'A late check refused.');
    },
    {
      prefetch: (orgId) => expressionBuilder<DB, never>().selectFrom('organizations').select('name').where('id', '=', orgId),
    },
  );
}

for (const dialect of testDialects()) {
  describe(`an org check added after the first request (${dialect})`, () => {
    let t: TestApp;
    let owner: Client;
    let orgId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      ({ client: owner, orgId } = await setupOwner(t.app, 'lead@example.com', 'Guarded Org'));
    });
    afterAll(() => t?.close());

    it('gets the value it prefetches, from the one authentication statement, by cookie and by token', async () => {
      expect((await owner.get(`/api/v1/orgs/${orgId}/roles`)).status).toBe(200); // compiled without the check
      const token = (await owner.post('/api/v1/tokens', { name: 'script' })).body.token as string;
      const bearer = new (owner.constructor as typeof Client)(t.app, undefined, undefined, token);
      expect((await bearer.get(`/api/v1/orgs/${orgId}/roles`)).status).toBe(200);
      addLateCheck();
      guarded = orgId;
      seen.length = 0;
      // The first describe registered the check for the whole process: on the
      // second database the rows cached above already carry it. A write to an
      // auth table moves the auth version, so the counted requests read again.
      await t.database.db
        .updateTable('users')
        .set((eb) => ({ email: eb.ref('email') }))
        .execute();
      for (const caller of [owner, bearer]) {
        const log = recordQueries(t.database.db);
        const res = await caller.get(`/api/v1/orgs/${orgId}/roles`);
        expect(res.status).toBe(403);
        expect(res.body.title).toBe('Guarded');
        const auth = log.statements.filter((s) => AUTH.test(s));
        expect(auth).toHaveLength(1);
        expect(auth[0]).toMatch(/mfa_org_policies/);
        expect(auth[0]).toMatch(/"organizations"/);
      }
      expect(seen).toEqual(['Guarded Org', 'Guarded Org']);
      guarded = undefined;
      expect((await owner.get(`/api/v1/orgs/${orgId}/roles`)).status).toBe(200);
    });
  });
}
