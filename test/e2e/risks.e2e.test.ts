// The AI risk register in a real browser: from an AI system's page a risk is
// added (the AI system prefilled, the level computed live from the method),
// a treatment action relying on A.6.2.6 is added on the risk's page, the
// list shows both heatmaps and a click on a cell filters the list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;
let csrfToken: string;

async function post(path: string, data: unknown) {
  const res = await e.context.request.post(`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

describe('the AI risk register in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'adds a risk from an AI system, treats it, and filters the list from the heatmap',
    async () => {
      await riskJourney().catch(helpers(e, 'risks').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function riskJourney() {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'risks');
  const system = await post('/ai-systems', { name: 'CV screening', purpose: 'Ranks job applications.', inScope: true });
  await post('/ai-systems', { name: 'Support chat', inScope: true });

  // 1. the AI system page offers to add a risk on it
  await page.goto(`/orgs/${orgId}/inventory/${system.id}`);
  await page.getByText('No risk assessed for this AI system yet.').waitFor();
  await page.getByRole('link', { name: 'Add risk' }).click();
  await heading('Add a risk').waitFor();
  await page.getByText('CV screening').first().waitFor();
  mark('form opened from the AI system');

  // 2. the level follows likelihood and impact as they are chosen
  await field('Title').fill('Ranking drifts after a model update');
  await page.getByRole('combobox', { name: /^Risk source/ }).click();
  await page.getByRole('option', { name: 'Fairness and bias' }).click();
  await page.getByRole('combobox', { name: /^Likelihood/ }).click();
  await page.getByRole('option', { name: '4 · Likely' }).click();
  await page.getByRole('combobox', { name: /^Impact/ }).click();
  await page.getByRole('option', { name: '4 · Major' }).click();
  await page.getByText('Inherent level:').locator('..').getByText('High').waitFor();
  await page.getByRole('button', { name: 'Add risk' }).click();
  await heading('Ranking drifts after a model update').waitFor();
  await page.getByText('Untreated above threshold:').waitFor();
  mark('risk added, flagged untreated');

  // 3. a treatment action relying on A.6.2.6 clears the flag
  await page.getByRole('button', { name: 'Add action' }).click();
  const form = page.getByRole('form', { name: 'New treatment action' });
  await form.getByLabel(/^Action/).fill('Re-validate every release');
  await form.getByRole('combobox', { name: /^Controls it relies on/ }).click();
  await page.getByRole('option', { name: /^A\.6\.2\.6/ }).click();
  await form.getByRole('button', { name: 'Add action' }).click();
  await page
    .getByRole('table', { name: /Treatment actions/ })
    .getByText('A.6.2.6')
    .waitFor();
  await expect.poll(() => page.getByText('Untreated above threshold:').count()).toBe(0);
  mark('treated with A.6.2.6');
  await page.screenshot({ path: screenshotPath('risk.png'), fullPage: true });

  // 4. the list's heatmaps count it; a click on its cell filters the list to it
  await post('/risks', {
    title: 'Chat gives wrong refund rules',
    aiSystemIds: [(await (await e.context.request.get(`/api/v1/orgs/${orgId}/ai-systems?q=support`)).json()).items[0].id],
    sourceCategory: 'robustness',
    inherentLikelihood: 2,
    inherentImpact: 2,
  });
  await page.goto(`/orgs/${orgId}/risks`);
  await heading('AI risks').waitFor();
  const table = page.getByRole('table', { name: 'Risks' });
  await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
  await page
    .getByRole('button', { name: /^Likelihood 4 Likely, impact 4 Major: 1 risk/ })
    .first()
    .click();
  await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
  await table.getByText('Ranking drifts after a model update').waitFor();
  expect(page.url()).toContain('likelihood=4');
  mark('heatmap cell filters the list');
  await page.screenshot({ path: screenshotPath('risks.png'), fullPage: true });
}
