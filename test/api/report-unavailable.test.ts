import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { type Client, setupOwner } from '../support/app.js';
import { createTestDatabase, type TestDatabase, testDialects } from '../support/db.js';

// The app is built with a config whose Chromium (OPENAIMS_CHROMIUM) does not
// exist: a PDF is a 503 problem that says why and how to fix it, at once;
// every other format of the same report still works.
describe.each(testDialects())('reports without Chromium (%s)', (dialect) => {
  let database: TestDatabase;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let owner: Client;
  let url: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const config = loadConfig({ logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent', chromiumPath: '/nonexistent' }, {});
    app = await buildApp(database, config);
    await app.ready();
    let orgId: string;
    ({ client: owner, orgId } = await setupOwner(app));
    const id = (await owner.post(`/api/v1/orgs/${orgId}/gap-assessments`, { title: 'Baseline', assessmentDate: '2026-01-15' }))
      .body.id;
    url = `/api/v1/orgs/${orgId}/gap-assessments/${id}/report`;
  });
  afterAll(async () => {
    await app.close();
    await database.destroy();
  });

  it('answers a PDF with 503 problem+json naming the setting and the fix', async () => {
    const started = Date.now();
    const res = await owner.get(`${url}?format=pdf`);
    expect(Date.now() - started).toBeLessThan(2_000); // no launch attempt, no queueing
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(res.body.detail).toBe(
      'PDF export needs Chromium, and there is none at /nonexistent; set OPENAIMS_CHROMIUM=/path/to/chromium or install it (Debian: apt-get install chromium), or choose XLSX or DOCX.',
    );
  });

  it('still gives XLSX, DOCX and HTML', async () => {
    const [xlsx, docx, html] = await Promise.all(['xlsx', 'docx', 'html'].map((f) => owner.get(`${url}?format=${f}`)));
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
