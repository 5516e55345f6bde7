import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, setupOwner, type TestApp } from './support/app.js';
import { testDialects } from './support/db.js';

describe.each(testDialects())('smoke (%s)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());
  it('health and setup', async () => {
    const h = await t.app.inject('/api/health');
    expect(h.statusCode).toBe(200);
    const { client, orgId } = await setupOwner(t.app);
    const r = await client.get(`/api/v1/orgs/${orgId}/scope`);
    expect(r.status).toBe(200);
  });
});
