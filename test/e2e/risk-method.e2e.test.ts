// The risk method in a real browser: an organization without a method sees
// the built-in AI-specific one, changes a matrix cell through its menu and a
// likelihood descriptor to a bare "Rare", saves (the check flags the generic
// descriptor), approves with a reason for it, and the API then holds the
// approved method with the changed cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Nimbus' };

let e: E2e;
let orgId: string;

describe('risk method in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'edits the default method, flags a generic descriptor and approves it with a reason',
    async () => {
      await flow().catch(helpers(e, 'risk-method').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function flow() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'risk-method');
  await page.goto(`/orgs/${orgId}/risk-method`);
  await heading('Risk method').waitFor();
  await page.getByText('Start from the built-in AI-specific method').waitFor();
  const matrix = page.getByRole('table', { name: 'Risk matrix' });
  const cell = matrix.getByRole('button', { name: /^Likelihood 5 \(Almost certain\), impact 1 \(Negligible\): Medium/ });
  await cell.click();
  await page.getByRole('menuitem', { name: 'Critical' }).click();
  await matrix.getByRole('button', { name: /^Likelihood 5 \(Almost certain\), impact 1 \(Negligible\): Critical/ }).waitFor();
  await page.locator('#method-matrix').screenshot({ path: screenshotPath('risk-method-matrix.png') });
  mark('cell changed');

  await page.getByRole('textbox', { name: 'Likelihood 1: what it means for an AI system' }).fill('Rare');
  await page.getByText('Unsaved changes').waitFor();
  await page.screenshot({ path: screenshotPath('risk-method.png'), fullPage: false });
  await page.getByRole('button', { name: 'Save draft' }).click();
  const checks = page.getByRole('list', { name: 'Risk method checks' });
  await checks.getByText(/Descriptors are a generic template \(likelihood 1\)/).waitFor();
  mark('saved, generic descriptor flagged');

  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve risk method version 1' });
  await dialog.getByRole('heading', { name: '1 warning is open' }).waitFor();
  await dialog.getByRole('button', { name: 'Approve with these reasons' }).click();
  await dialog.getByText('Give a reason, or fix this in the draft first.').waitFor();
  await dialog
    .getByRole('textbox', { name: /^Reason for approving with the warning: Descriptors are a generic template/ })
    .fill('Likelihood 1 is rewritten with the data team next quarter.');
  await dialog.getByRole('button', { name: 'Approve with these reasons' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const row = page.getByRole('table', { name: 'Risk method versions' }).getByRole('row', { name: /Version 1/ });
  await row.getByText('approved', { exact: true }).waitFor();
  await row.getByText(/Likelihood 1 is rewritten with the data team/).waitFor();
  await row.getByRole('link', { name: 'Version 1 as PDF' }).waitFor();
  await page.screenshot({ path: screenshotPath('risk-method-approved.png'), fullPage: true });
  mark('approved with a reason');

  const overview = await (await e.context.request.get(`/api/v1/orgs/${orgId}/risk-method`)).json();
  expect(overview.approved.content.matrix[4][0]).toBe('critical');
  expect(overview.approved.content.likelihood[0].descriptor).toBe('Rare');
  expect(overview.approved.acceptedExceptions.map((x: { code: string }) => x.code)).toEqual(['generic-descriptors']);
  expect(overview.suggested).toBeNull();
}
