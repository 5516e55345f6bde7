// The audit programme in a real browser: the owner fills in and approves a
// programme, opens the coverage map, sees the requirements no audit of the
// cycle covers highlighted and counted, narrows to the gaps, and follows
// "Plan an audit for the gaps" to a new internal audit with those
// requirements. At 390 px the map scrolls inside its frame, not the page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Nimbus' };

let e: E2e;
let orgId: string;
let auditId: string;

describe('audit programme in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    const audit = await e.context.request.post(`/api/v1/orgs/${orgId}/internal-audits`, {
      data: {
        title: 'Context and leadership',
        requirementIds: ['4.1', '5.1'],
        plannedStart: new Date().toISOString().slice(0, 10),
        auditors: [{ name: 'Olga Outside', lead: true }],
      },
      headers: { 'x-csrf-token': body.csrfToken },
    });
    expect(audit.status()).toBe(201);
    auditId = (await audit.json()).id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'approves a programme, highlights the gaps of its cycle and plans an audit for them',
    async () => {
      await flow().catch(helpers(e, 'audit-programme').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function flow() {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'audit-programme');
  await page.goto(`/orgs/${orgId}/audit-programme`);
  await heading('Audit programme').waitFor();
  await page.getByText('No audit programme yet').waitFor();
  await field('Audits per year').fill('2');
  await page.getByRole('combobox', { name: 'Programme owner' }).fill('Ada Lead');
  await page
    .getByRole('option', { name: /Ada Lead/ })
    .first()
    .click();
  await field('Reporting of results').fill('To top management within two weeks, and to the management review.');
  await field('Independence of auditors').fill('No one audits their own team; the lead auditor is external.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText(/Draft of version 1, saved/).waitFor();
  await page.getByText('No warnings').waitFor();
  mark('draft saved');

  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve audit programme version 1' });
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.getByText(/Version 1 approved by Ada Lead/).waitFor();
  mark('approved');

  await page.getByRole('tab', { name: 'Coverage map' }).click();
  await page.getByText('68 of 70 not audited in this cycle').waitFor();
  const map = page.getByRole('region', { name: 'Coverage map: requirements by internal audit' });
  await map.getByRole('link', { name: 'IA-001' }).waitFor();
  expect(await map.getByLabel('Covered by IA-001').count()).toBe(2);
  // an uncovered requirement's row is marked as a gap, a covered one is not
  await map.getByRole('row', { name: /^5\.2 not audited in this cycle/ }).waitFor();
  expect(await map.getByRole('row', { name: /^4\.1 not audited/ }).count()).toBe(0);
  expect(await map.locator('tr[data-gap]').count()).toBe(68);
  await page.screenshot({ path: screenshotPath('audit-programme-coverage.png'), fullPage: false });

  await page.getByRole('switch', { name: 'Gaps only' }).click();
  await map.getByRole('rowheader', { name: /^4\.1 / }).waitFor({ state: 'detached' });
  expect(await map.locator('tr[data-gap]').count()).toBe(68);
  mark('gaps highlighted and filtered');

  // at 390 px the map scrolls inside its frame; the page itself does not scroll sideways
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('switch', { name: 'Gaps only' }).click();
  const widths = await map.evaluate((el) => ({
    frame: el.clientWidth,
    inner: el.scrollWidth,
    page: document.documentElement.scrollWidth,
  }));
  expect(widths.frame).toBeLessThanOrEqual(390);
  expect(widths.inner).toBeGreaterThan(widths.frame);
  expect(widths.page).toBeLessThanOrEqual(390);
  await page.screenshot({ path: screenshotPath('audit-programme-coverage-390.png'), fullPage: false });
  await page.setViewportSize({ width: 1440, height: 1000 });

  await map.getByRole('link', { name: 'IA-001' }).waitFor();
  expect(await map.getByRole('link', { name: 'IA-001' }).getAttribute('href')).toBe(`/orgs/${orgId}/internal-audits/${auditId}`);
  await page.getByRole('link', { name: 'Plan an audit for the gaps' }).click();
  await page.waitForURL(/\/internal-audits\/new\?requirementIds=/);
  const planned = new URL(page.url()).searchParams.get('requirementIds')?.split(',') ?? [];
  expect(planned).toHaveLength(68);
  expect(planned).toContain('5.2');
  expect(planned).not.toContain('4.1');
  expect(planned).not.toContain('5.1');
  mark('followed plan link');
}
