// The lessons of an incident go to the continual improvement log in two
// clicks (clause 10.1): the incident's page links to a new improvement with
// the incident as its source and the lessons as its description.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const LESSONS = 'Check refund answers against the policy before each release.';

let e: E2e;
let orgId: string;
let csrfToken: string;

async function api(method: 'post' | 'patch' | 'get', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

describe('improvements in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1280, height: 900 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'logs the lessons of an incident as an improvement with the incident as its source',
    async () => {
      const { page } = e;
      const h = helpers(e, 'improvements');
      try {
        const incident = await api('post', '/incidents', {
          title: 'Chatbot promised a refund',
          detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
          severity: 'medium',
        });
        await api('patch', `/incidents/${incident.id}`, { lessonsLearned: LESSONS });
        await page.goto(`/orgs/${orgId}/incidents/${incident.id}`);
        await h.heading('Chatbot promised a refund').waitFor();
        await page.getByRole('link', { name: 'Log lessons as improvement' }).click();

        await h.heading('Log an improvement').waitFor();
        expect(await h.field('Improvement').inputValue()).toBe('Lessons from INC-001');
        expect(await h.field('Description').inputValue()).toBe(LESSONS);
        expect(await h.field('Reference').inputValue()).toBe('INC-001');
        await page.getByRole('button', { name: 'Log improvement' }).click();

        await h.heading('Lessons from INC-001').waitFor();
        const saved = (await api('get', '/improvements')).items as { source: { kind: string; id: string } }[];
        expect(saved).toHaveLength(1);
        expect(saved[0].source).toMatchObject({ kind: 'incident', id: incident.id });
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
