// A risk treated with an Annex A control shows up in the Statement of
// Applicability, in a real browser: a risk is added from an AI system's page
// and treated with an action relying on A.6.2.6; the SoA page shows the
// risk linked on A.6.2.6 (a link to the risk), a status is changed in place,
// excluding A.6.2.6 is flagged with the risk's number, and the SoA downloads
// as an XLSX workbook.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const SCREENSHOT = screenshotPath('soa.png');

let e: E2e;
let orgId: string;
let csrfToken: string;

async function post(path: string, data: unknown) {
  const res = await e.context.request.post(`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

describe('risk treatment and the Statement of Applicability in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1600, height: 1000 });
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
    'shows the risk linked on A.6.2.6, edits rows in place, flags the exclusion and exports XLSX',
    async () => {
      await riskInSoa().catch(helpers(e, 'risk-soa').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function riskInSoa() {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'risk-soa');

  // 1. a risk on an AI system, added from the AI system's page, treated with A.6.2.6
  const system = await post('/ai-systems', { name: 'CV screening', purpose: 'Ranks job applications.', inScope: true });
  await page.goto(`/orgs/${orgId}/inventory/${system.id}`);
  await page.getByRole('link', { name: 'Add risk' }).click();
  await heading('Add a risk').waitFor();
  await field('Title').fill('Ranking drifts after a model update');
  await page.getByRole('combobox', { name: /^Risk source/ }).click();
  await page.getByRole('option', { name: 'Fairness and bias' }).click();
  await page.getByRole('combobox', { name: /^Likelihood/ }).click();
  await page.getByRole('option', { name: '4 · Likely' }).click();
  await page.getByRole('combobox', { name: /^Impact/ }).click();
  await page.getByRole('option', { name: '4 · Major' }).click();
  await page.getByRole('button', { name: 'Add risk' }).click();
  await heading('Ranking drifts after a model update').waitFor();
  const riskId = new URL(page.url()).pathname.split('/').pop()!;
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
  const risk = await (await e.context.request.get(`/api/v1/orgs/${orgId}/risks/${riskId}`)).json();
  expect(risk.number).toMatch(/^R-/);
  mark('risk treated with A.6.2.6');

  // 2. the SoA (from the sidebar) shows the risk on A.6.2.6, as a link to the risk
  await helpers(e, 'risk-soa').navLink('Statement of Applicability').click();
  await heading('Statement of Applicability').waitFor();
  const table = page.getByRole('table', { name: 'Statement of Applicability' });
  const a626 = table.locator('tr[data-control="A.6.2.6"]');
  const riskLink = a626.getByRole('link', { name: risk.number });
  await riskLink.waitFor();
  expect(await riskLink.getAttribute('href')).toBe(`/orgs/${orgId}/risks/${risk.id}`);
  expect(await table.locator('tr[data-control]').count()).toBe(38);
  await expect.poll(() => table.locator('tr[data-control="A.2.2"]').getByRole('link').count()).toBe(0);
  mark('risk linked in the SoA');

  // 3. a status changed in place saves at once (version 1 draft)
  await table.getByLabel('A.2.2 implementation status').selectOption('implemented');
  await page.getByText('Draft · version 1').waitFor();
  const saved = await (await e.context.request.get(`/api/v1/orgs/${orgId}/soa`)).json();
  expect(saved.rows.find((r: { controlId: string }) => r.controlId === 'A.2.2').implementationStatus).toBe('implemented');

  // 4. excluding A.6.2.6 needs a justification, then is flagged with the risk's number
  await a626.getByRole('switch', { name: 'A.6.2.6 applicable' }).click({ force: true });
  await a626.getByText('Give a justification to exclude it, then save.').waitFor();
  await a626.getByLabel('A.6.2.6 justification').fill('Models are bought, not built');
  await a626.getByRole('button', { name: 'Save' }).click();
  await a626.getByText(new RegExp(`${risk.number} relies on it`)).waitFor();
  const show = page.getByRole('radiogroup', { name: 'Show' });
  await show.getByText(/^Flagged/).click();
  await expect.poll(() => table.locator('tr[data-control]').count()).toBeGreaterThan(0);
  expect(await table.locator('tr[data-control="A.6.2.6"]').count()).toBe(1);
  await show.getByText(/^All/).click();
  mark('exclusion flagged');
  await page.screenshot({ path: SCREENSHOT, fullPage: false });

  // 5. the SoA downloads as XLSX
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export XLSX' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  mark('XLSX downloaded');
}
