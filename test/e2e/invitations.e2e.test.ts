// Invitations in the browser at phone width (390 px): the owner invites an
// email on the Members page and gets the one-time link; the invitee opens it
// in a browser of their own, creates the account and lands in the
// organization; the owner then disables the account, with a confirm, and
// the invitee's next page load finds them signed out.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Invites' };
const INVITEE = { name: 'Ivy Newcomer', email: 'ivy@example.com', password: 'lantern orchard velvet compass' };
const VIEWPORT = { width: 390, height: 900 };

let e: E2e;
let orgId: string;
let inviteeContext: BrowserContext;
let invitee: Page;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('invitations in the browser', () => {
  beforeAll(async () => {
    e = await startE2e(VIEWPORT);
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
    const browser = e.context.browser();
    if (!browser) throw new Error('no browser');
    inviteeContext = await browser.newContext({ baseURL: e.baseUrl, viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
    invitee = await inviteeContext.newPage();
    invitee.setDefaultTimeout(15_000);
  }, TIMEOUT);
  afterAll(async () => {
    await inviteeContext?.close();
    await e?.close();
  });

  it(
    'the owner invites, the invitee accepts with a new account, the owner disables it',
    async () => {
      const { page } = e;
      const h = helpers(e, 'invitations');
      try {
        await page.goto(`/orgs/${orgId}/members`);
        await h.heading('Members').waitFor();
        const form = page.getByRole('form', { name: 'Invite member' });
        await form.getByLabel(/^Email/).fill(INVITEE.email);
        await form.getByLabel(/^Role/).selectOption('editor');
        await form.getByRole('button', { name: 'Invite' }).click();
        const link = ((await page.getByLabel('Invitation link').textContent()) ?? '').trim();
        expect(link).toMatch(new RegExp(`^${e.baseUrl}/invite/[A-Za-z0-9_-]{43}$`));
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        await page.getByRole('button', { name: 'Done' }).click();
        const pending = page.getByRole('list', { name: 'Pending invitations' });
        await pending.getByText(INVITEE.email).waitFor();
        await page.screenshot({ path: screenshotPath('invitations-members.png'), fullPage: true });

        // the invitee, in their own browser
        await invitee.goto(link.replace(e.baseUrl, ''));
        await invitee.getByRole('heading', { name: `Join ${OWNER.orgName}`, level: 1 }).waitFor();
        await invitee.getByLabel(/^Your name/).fill(INVITEE.name);
        await invitee.getByLabel(/^Choose a password/).fill(INVITEE.password);
        expect(await overflow(invitee)).toBeLessThanOrEqual(1);
        await invitee.screenshot({ path: screenshotPath('invitations-accept.png'), fullPage: true });
        await invitee.getByRole('button', { name: 'Create account and join' }).click();
        await invitee.waitForURL((url) => url.pathname.startsWith(`/orgs/${orgId}`));

        // the owner sees the new member, no longer pending, and disables the account
        await page.reload();
        await h.heading('Members').waitFor();
        await page.getByText('No invitations waiting').waitFor();
        await page.getByRole('button', { name: `Disable the account of ${INVITEE.name}` }).click();
        await page.getByRole('dialog', { name: 'Disable account?' }).getByRole('button', { name: 'Disable account' }).click();
        await page.getByRole('button', { name: `Enable the account of ${INVITEE.name}` }).waitFor();

        // the invitee's next page load finds the session gone
        await invitee.reload();
        await invitee.waitForURL((url) => url.pathname.startsWith('/sign-in'));
        expect(e.consoleErrors.filter((m) => !m.includes('401'))).toEqual([]);
      } catch (error) {
        await h.explainFailure(error);
      }
    },
    TIMEOUT,
  );
});
