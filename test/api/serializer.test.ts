import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { seedOrganization } from '../../src/cli/dev-seed/index.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { unfitResponses, validatedResponses } from '../../src/platform/http/serializer.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { ROUTE_ACCESS } from '../security/route-table.js';

// Production writes responses from their JSON Schema (fast-json-stringify);
// tests validate them with zod. The two must send the same JSON: every GET
// of a seeded organization that needs no id but the org's, and the record
// GETs whose id the list beside them gives, answered by both serializers
// over the same database.

for (const dialect of testDialects()) {
  describe(`responses written from their schema equal the validated ones (${dialect})`, () => {
    let t: TestApp;
    let production: FastifyInstance;
    let owner: Client;
    let orgId: string;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      production = await buildApp(
        t.database,
        loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent', responseValidation: false }, {}),
      );
      await production.ready();
      ({ client: owner, orgId } = await setupOwner(t.app));
      await seedOrganization(t.database.db, { orgId, size: 'small' });
    }, 300_000);
    afterAll(async () => {
      await production?.close();
      await t?.close();
    });

    // a time the response computes as it answers (generatedAt...) differs between two requests
    const sameNow = (body: unknown, since: string) =>
      JSON.parse(JSON.stringify(body), (_k, v) =>
        typeof v === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(v) && v >= since ? 'NOW' : v,
      );

    async function both(url: string) {
      const since = new Date().toISOString();
      const validated = await owner.get(url);
      const written = await production.inject({ method: 'GET', url, headers: { cookie: owner.cookie ?? '' } });
      expect(written.statusCode, url).toBe(validated.status);
      if (validated.status === 200 && String(validated.headers['content-type']).startsWith('application/json')) {
        expect(sameNow(JSON.parse(written.body), since), url).toEqual(sameNow(validated.body, since));
      }
      return validated;
    }

    it('for every list and get of the organization', async () => {
      const gets = Object.keys(ROUTE_ACCESS)
        .filter((op) => op.startsWith('GET /api/v1/orgs/{orgId}'))
        .map((op) => op.slice('GET '.length));
      const direct = gets.filter((p) => !p.replace('{orgId}', '').includes('{'));
      const compared: string[] = [];
      const listed = new Map<string, { id: string }[]>();
      for (const p of direct) {
        const res = await both(p.replace('{orgId}', orgId));
        if (res.status !== 200) continue;
        compared.push(p);
        if (Array.isArray(res.body?.items)) listed.set(p, res.body.items);
      }
      // /things/{thingId}: the first item of /things, when it lists some
      for (const p of gets) {
        const m = /^(.*)\/\{[A-Za-z]+Id\}$/.exec(p);
        const items = m ? listed.get(m[1]) : undefined;
        if (!m || !items?.length || typeof items[0].id !== 'string') continue;
        const res = await both(`${m[1]}/${items[0].id}`.replace('{orgId}', orgId));
        if (res.status === 200) compared.push(p);
      }
      // the seeded registers' lists and records are among them, with data
      for (const p of [
        '/ai-systems',
        '/ai-systems/{aiSystemId}',
        '/suppliers',
        '/suppliers/{supplierId}',
        '/risks',
        '/evidence',
      ]) {
        expect(compared).toContain(`/api/v1/orgs/{orgId}${p}`);
      }
      expect(compared.length).toBeGreaterThan(60);
    }, 600_000);

    it('writes every 200 response of those routes with JSON.stringify, each having passed the fit check', () => {
      expect(
        [...unfitResponses].filter((r) => r.includes('/api/v1/orgs/:orgId') && r.endsWith(' 200') && r.startsWith('GET')),
      ).toEqual([]);
    });

    it('compiles every 200 response schema of those routes for fast-json-stringify', () => {
      expect(
        validatedResponses.filter((r) => r.includes('/api/v1/orgs/:orgId') && r.endsWith(' 200') && r.startsWith('GET')),
      ).toEqual([]);
    });
  });
}
