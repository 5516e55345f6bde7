// The signed-in user's account pages in a real browser: two browser contexts
// are signed in as the same person; changing the password in one ends the
// other's session, and the sessions page marks the one in use.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme' };
const NEW_PASSWORD = 'another long passphrase';

let e: E2e;

describe('account security in the browser', () => {
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
    'changing the password signs the other browser out and keeps this one',
    async () => {
      const browser = e.context.browser();
      if (!browser) throw new Error('no browser');
      const other = await browser.newContext({ baseURL: e.baseUrl });
      try {
        await run(other).catch(helpers(e, 'account').explainFailure);
      } finally {
        await other.close();
      }
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function signIn(page: Page, password: string, email = OWNER.email) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

async function run(other: BrowserContext) {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'account');
  const otherPage = await other.newPage();
  await signIn(page, OWNER.password);
  await signIn(otherPage, OWNER.password);
  mark('both signed in');

  await page.getByRole('button', { name: /^Account:/ }).click();
  await page.getByRole('menuitem', { name: 'Account security' }).click();
  await heading('Account security').waitFor();
  await page.getByRole('tab', { name: 'Sessions' }).click();
  const rows = page.getByRole('table', { name: 'Your sessions' }).getByRole('row');
  // a header, the two browsers and the set-up request made from Node
  await expect.poll(() => rows.count()).toBe(4);
  await expect.poll(() => page.getByText('This session', { exact: true }).count()).toBe(1);

  await page.getByRole('tab', { name: 'Password' }).click();
  await field('Current password').fill(OWNER.password);
  await field('New password').fill(NEW_PASSWORD);
  await field('Repeat the new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('2 other sessions ended.').waitFor();
  mark('password changed');

  // The other browser's next request finds its session gone.
  await otherPage.reload();
  await otherPage.waitForURL((url) => url.pathname.startsWith('/sign-in'));
  // This one carries on.
  await page.getByRole('tab', { name: 'Sessions' }).click();
  await expect.poll(() => rows.count()).toBe(2);
  mark('other session ended, this one kept');

  // An owner's reset: the member's temporary password leads to "choose a new password" first.
  const { csrfToken, organizations } = await (await page.request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const orgUrl = `/api/v1/orgs/${organizations[0].id}/members`;
  const invited = await page.request.post(orgUrl, { headers, data: { email: 'bo@example.com', role: 'viewer' } });
  // Bo accepts in the other (signed-out) browser, creating the account
  const token = (await invited.json()).acceptUrl.split('/invite/')[1];
  const accepted = await otherPage.request.post(`/api/v1/invitations/${token}/accept`, {
    data: { name: 'Bo', password: OWNER.password },
  });
  const memberId = (await (await otherPage.request.get('/api/v1/session')).json()).user.id;
  expect(accepted.status()).toBe(200);
  const reset = await page.request.post(`${orgUrl}/${memberId}/password-reset`, { headers, data: {} });
  const { temporaryPassword } = await reset.json();
  await signIn(otherPage, temporaryPassword, 'bo@example.com');
  await otherPage.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
  await otherPage.goto('/account/tokens');
  await otherPage.getByRole('heading', { name: 'Choose a new password', level: 1 }).waitFor();
  await otherPage.getByLabel(/^Temporary password/).fill(temporaryPassword);
  await otherPage.getByLabel(/^New password/).fill(NEW_PASSWORD);
  await otherPage.getByLabel(/^Repeat the new password/).fill(NEW_PASSWORD);
  await otherPage.getByRole('button', { name: 'Save and continue' }).click();
  await otherPage.waitForURL((url) => url.pathname.startsWith('/orgs/'));
  mark('temporary password replaced');
}
