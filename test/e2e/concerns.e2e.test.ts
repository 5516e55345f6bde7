// Concerns in the browser at phone width (390 px): a member raises an
// anonymous concern; a reviewer in another browser sees it as "Anonymous"
// (the member's name nowhere on the page) and triages it into an incident;
// the member sees the outcome under My concerns.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Concerns' };
const MEMBER = { name: 'Mia Member', email: 'mia@example.com', password: 'correct horse battery staple' };
const VIEWPORT = { width: 390, height: 900 };

let e: E2e;
let orgId: string;
let memberContext: BrowserContext;
let member: Page;

const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('concerns in the browser', () => {
  beforeAll(async () => {
    e = await startE2e(VIEWPORT);
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    const headers = { 'x-csrf-token': body.csrfToken };
    const system = await e.context.request.post(`/api/v1/orgs/${orgId}/ai-systems`, { headers, data: { name: 'Support bot' } });
    expect(system.status()).toBe(201);
    const invited = await e.context.request.post(`/api/v1/orgs/${orgId}/members`, {
      headers,
      data: { email: MEMBER.email, role: 'contributor' },
    });
    expect(invited.status()).toBe(202);
    const browser = e.context.browser();
    if (!browser) throw new Error('no browser');
    memberContext = await browser.newContext({ baseURL: e.baseUrl, viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC' });
    // the member accepts the invitation from a browser of their own (creating the account), then signs in below
    const accepting = await browser.newContext({ baseURL: e.baseUrl });
    const token = (await invited.json()).acceptUrl.split('/invite/')[1];
    const accepted = await accepting.request.post(`/api/v1/invitations/${token}/accept`, {
      data: { name: MEMBER.name, password: MEMBER.password },
    });
    expect(accepted.status()).toBe(200);
    await accepting.close();
    const signedIn = await memberContext.request.post('/api/v1/session', {
      data: { email: MEMBER.email, password: MEMBER.password },
    });
    expect(signedIn.status()).toBe(200);
    member = await memberContext.newPage();
    member.setDefaultTimeout(15_000);
  }, TIMEOUT);
  afterAll(async () => {
    await memberContext?.close();
    await e?.close();
  });

  it(
    'a member raises an anonymous concern, a reviewer triages it into an incident, the member sees the outcome',
    async () => {
      const { page } = e;
      const h = helpers(e, 'concerns');
      try {
        // the member, in their own browser
        await member.goto(`/orgs/${orgId}/concerns`);
        await member.getByRole('heading', { name: 'Concerns', level: 1 }).waitFor();
        await member.getByLabel(/^What happened, or what worries you/).fill('The bot told a customer to stop taking insulin.');
        await member
          .getByLabel(/^AI system( \*)?$/)
          .first()
          .fill('Support');
        await member.getByRole('option', { name: 'Support bot' }).click();
        await member.keyboard.press('Escape');
        await member.getByLabel("Don't show my name to reviewers").check();
        // the explanation says what stays hidden and that the outcome is still shown
        await member.getByText(/still see your concern and what was decided/).waitFor();
        expect(await overflow(member)).toBeLessThanOrEqual(1);
        await member.getByRole('button', { name: 'Raise concern' }).click();
        const mine = member.getByRole('list', { name: 'My concerns' });
        await mine.getByRole('link', { name: 'CON-001' }).waitFor();
        await mine.getByText(/raised anonymously/).waitFor();
        await mine.getByText('Waiting for a reviewer').waitFor();
        // a member who is not a reviewer has no triage queue
        expect(await member.getByRole('list', { name: 'Concerns to triage' }).count()).toBe(0);
        // the form is empty again, ready for another
        expect(await member.getByLabel(/^What happened, or what worries you/).inputValue()).toBe('');
        await member.screenshot({ path: screenshotPath('concerns-member.png'), fullPage: true });

        // the reviewer (owner), in another browser
        await page.goto(`/orgs/${orgId}/concerns`);
        await h.heading('Concerns').waitFor();
        const queue = page.getByRole('list', { name: 'Concerns to triage' });
        await queue.getByText('raised by Anonymous', { exact: false }).waitFor();
        expect(await page.getByText(MEMBER.name).count()).toBe(0);
        expect(await page.getByText(MEMBER.email).count()).toBe(0);
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath('concerns-reviewer.png'), fullPage: true });
        await queue.getByRole('link', { name: 'CON-001' }).click();
        await h.heading('About Support bot').waitFor();
        await page.getByText(/^Raised by Anonymous ·/).waitFor();
        expect(await page.getByText(MEMBER.name).count()).toBe(0);
        await page.getByRole('combobox', { name: 'Severity' }).click();
        await page.getByRole('option', { name: 'High' }).click();
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        const open = page.getByRole('button', { name: 'Open incident' });
        await open.click();
        await page.getByRole('link', { name: 'Open incident INC-001' }).waitFor();
        await page.getByText('Handled as incident INC-001').first().waitFor();
        expect(await page.getByRole('button', { name: 'Open incident' }).count()).toBe(0);
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath('concern-triaged.png'), fullPage: true });
        // the change history names a neutral actor for raising it
        await page.getByText('Raised by Anonymous reporter').waitFor();
        await page.getByText(`Triaged by ${OWNER.email}`).waitFor();
        // still nobody named on the reviewer's page
        expect(await page.getByText(MEMBER.name).count()).toBe(0);

        // the member sees what became of it
        await member.reload();
        await member.getByRole('list', { name: 'My concerns' }).getByText('Handled as incident INC-001').waitFor();
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );

  it(
    'a reviewer turns a concern with no AI system into a risk, naming the system and a first score',
    async () => {
      const { page } = e;
      const h = helpers(e, 'concerns-risk');
      try {
        await page.goto(`/orgs/${orgId}/concerns`);
        await h.heading('Concerns').waitFor();
        await page
          .getByLabel(/^What happened, or what worries you/)
          .fill('Refund answers could be out of date after price changes.');
        await page.getByRole('button', { name: 'Raise concern' }).click();
        const mine = page.getByRole('list', { name: 'My concerns' });
        // the owner's only concern (its number depends on what ran before)
        await mine.getByRole('link', { name: /^CON-\d+$/ }).click();
        await h.heading('Concern').waitFor();
        await page.getByText(/^Raised by you ·/).waitFor();
        await page.getByRole('radiogroup', { name: 'Outcome' }).getByText('Risk', { exact: true }).click();
        // no AI system yet: the button waits for one
        const add = page.getByRole('button', { name: 'Add to risk register' });
        expect(await add.isDisabled()).toBe(true);
        await page
          .getByLabel(/^AI system( \*)?$/)
          .first()
          .fill('Support');
        await page.getByRole('option', { name: 'Support bot' }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('combobox', { name: 'Likelihood' }).click();
        await page.getByRole('option', { name: /^4 · / }).click();
        expect(await overflow(page)).toBeLessThanOrEqual(1);
        // leaving with the choices unsaved asks first
        await page
          .getByRole('main')
          .getByRole('link', { name: /Concerns$/ })
          .first()
          .click();
        await page.getByRole('dialog', { name: 'Leave without saving?' }).waitFor();
        await page.getByRole('button', { name: 'Stay on page' }).click();
        // a double click sends one triage
        let triages = 0;
        page.on('request', (r) => {
          if (r.method() === 'POST' && r.url().endsWith('/triage')) triages++;
        });
        await add.dblclick();
        await page.getByRole('link', { name: 'Open risk R-001' }).waitFor();
        expect(triages).toBe(1);
        expect(
          await page
            .getByRole('alert')
            .filter({ hasText: /already triaged|Not saved/ })
            .count(),
        ).toBe(0);
        await page.getByRole('link', { name: 'Open risk R-001' }).click();
        await h.heading(/Refund answers could be out of date/).waitFor();
        // saved with the system and the likelihood picked, the default impact (the middle of the scale)
        const riskId = page.url().split('/').pop();
        const risk = await (await e.context.request.get(`/api/v1/orgs/${orgId}/risks/${riskId}`)).json();
        expect(risk).toMatchObject({ inherentLikelihood: 4, status: 'open', aiSystems: [{ name: 'Support bot' }] });
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
