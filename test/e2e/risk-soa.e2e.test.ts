// A risk treated with an Annex A control shows up in the Statement of
// Applicability, in a real browser: an AI system, a risk on it and a
// treatment action relying on A.6.2.6 are recorded; the SoA page shows the
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
  const { heading, mark } = helpers(e, 'risk-soa');

  // 1. an AI system, a risk on it, a treatment action relying on A.6.2.6
  const system = await post('/ai-systems', { name: 'CV screening', purpose: 'Ranks job applications.', inScope: true });
  const risk = await post('/risks', {
    title: 'Ranking drifts after a model update',
    aiSystemIds: [system.id],
    sourceCategory: 'fairness',
    cause: 'No re-validation before release',
    event: 'Qualified candidates are ranked low',
    consequence: 'Unfair hiring decisions',
    inherentLikelihood: 4,
    inherentImpact: 4,
  });
  await post(`/risks/${risk.id}/actions`, { title: 'Re-validate every release', controlIds: ['A.6.2.6'] });
  mark('risk treated with A.6.2.6');

  // 2. the SoA shows the risk on A.6.2.6, as a link to the risk
  await page.goto(`/orgs/${orgId}/soa`);
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
