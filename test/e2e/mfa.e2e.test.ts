// Two-step verification in a real browser: the owner sets up an authenticator
// app from the account page (the key read off the page, codes made here as an
// app would), saves the recovery codes, requires it of the organization, signs
// out, and signs in again with a code and then with a recovery code. The page
// is checked at 390 px too.
import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme' };

let e: E2e;

describe('two-step verification in the browser', () => {
  beforeAll(async () => {
    e = await startE2e();
    const res = await fetch(`${e.baseUrl}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status}`);
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'enrols, requires it of the organization, and signs in with a code and with a recovery code',
    async () => {
      await run().catch(helpers(e, 'mfa').explainFailure);
      // The one wrong code typed on purpose is the browser's only complaint.
      expect(e.consoleErrors).toEqual([expect.stringMatching(/status of 401 .*\/api\/v1\/session\/mfa/)]);
    },
    TIMEOUT,
  );
});

/** A code as the app would show it, `offset` steps of 30 s from now. */
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset * 30 });

async function passwordStep(page: Page) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(OWNER.email);
  await page.getByLabel(/^Password/).fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('heading', { name: 'Two-step verification' }).waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: /Sign out/ }).click();
  await page.waitForURL((url) => url.pathname.startsWith('/sign-in'));
}

async function run() {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'mfa');
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(OWNER.email);
  await page.getByLabel(/^Password/).fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));

  await page.goto('/account/two-step');
  await heading('Account security').waitFor();
  await page.getByRole('button', { name: 'Set up' }).click();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  expect(await page.getByTestId('mfa-uri').textContent()).toContain(`secret=${secret}`);

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: screenshotPath('mfa-enrol-390.png'), fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await field('Code from the app').fill(await codeAt(secret, -1));
  await page.getByRole('button', { name: 'Turn on' }).click();
  const codes = page.getByTestId('recovery-codes').locator('code');
  await expect.poll(() => codes.count()).toBe(10);
  const recovery = (await codes.first().textContent())?.trim() ?? '';
  expect(recovery).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  await page.getByRole('button', { name: 'I have saved them' }).click();
  await page.getByText('10 of 10 recovery codes left', { exact: false }).waitFor();
  mark('enrolled');

  // The organization's switch: on, and the owner still reaches it.
  await page.getByRole('switch', { name: 'Require two-step verification' }).click();
  await expect.poll(() => page.getByRole('switch', { name: 'Require two-step verification' }).isChecked()).toBe(true);
  mark('required of the organization');

  await signOut(page);
  await passwordStep(page);
  await field('Code from your authenticator app').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.getByText('Code not accepted').waitFor();
  await field('Code from your authenticator app').fill(await codeAt(secret, 0));
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  // The organization that requires it opens: the session carries the second factor.
  await page.getByRole('navigation').getByRole('link', { name: 'Members' }).waitFor();
  mark('signed in with a code');

  await signOut(page);
  await passwordStep(page);
  await page.getByRole('button', { name: /Use a recovery code/ }).click();
  await field('Recovery code').fill(recovery);
  await page.getByRole('button', { name: 'Verify' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.goto('/account/two-step');
  await page.getByText('9 of 10 recovery codes left', { exact: false }).waitFor();
  mark('signed in with a recovery code');
}
