// Buyer readiness in a real browser at phone width: the timeline card, edit
// one answer in our own words, publish the trust page, then open it signed
// out (a fresh browser context with no session) and read the edited answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

describe('buyer readiness and the trust page in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'edits an answer, publishes the trust page and shows it to a visitor who is not signed in',
    async () => {
      const { page } = e;
      const h = helpers(e, 'trust');
      const notice = (text: string) => page.getByRole('region', { name: 'Notifications' }).getByText(text).first();
      const sideways = (p = page) =>
        p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      try {
        await page.goto(`/orgs/${orgId}/buyer-readiness`);
        await h.heading('Buyer readiness').waitFor();
        await page.getByRole('heading', { name: 'Certification timeline' }).waitFor();
        await page.getByText('Mid-size SaaS or IT company').waitFor();
        await page.getByText('Forecast').first().waitFor();
        await page
          .getByRole('table', { name: 'What the forecast is made of' })
          .getByText('No internal audit reported yet')
          .waitFor();

        const where = page.getByTestId('answer-where-ai-is-used');
        await where.getByText(/No AI system is recorded as in scope/).waitFor();
        await where.getByRole('button', { name: 'Edit answer' }).click();
        await where.getByLabel('Answer').fill('We use AI to route support tickets and to forecast churn.');
        await where.getByRole('button', { name: 'Save answer' }).click();
        await notice('Answer saved').waitFor();
        await where.getByText('Edited', { exact: true }).waitFor();
        await where.getByText('We use AI to route support tickets and to forecast churn.').waitFor();

        const address = h.field('Address');
        await address.fill('acme-analytics');
        await page.getByRole('button', { name: 'Publish', exact: true }).click();
        await notice('Trust page published').waitFor();
        await page.getByTestId('public-link').waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('buyer-readiness.png'), fullPage: true });

        // a visitor: no session cookie, no app shell
        const visitor = await e.context.browser()?.newContext({ baseURL: e.baseUrl, viewport: { width: 390, height: 900 } });
        if (!visitor) throw new Error('no browser');
        const v = await visitor.newPage();
        await v.goto('/trust/acme-analytics');
        await v.getByRole('heading', { name: 'Acme Analytics', level: 1 }).waitFor();
        await v.getByRole('heading', { name: 'Where is AI used in your product or service?' }).waitFor();
        await v.getByText('We use AI to route support tickets and to forecast churn.').waitFor();
        await v.getByText(/not certified to ISO\/IEC 42001 yet/).waitFor();
        expect(await v.getByRole('navigation').count()).toBe(0);
        expect(await sideways(v)).toBeLessThanOrEqual(0);
        await v.goto('/trust/nobody-here');
        await v.getByText('There is no published trust page at this address.').waitFor();
        await visitor.close();
        expect(e.consoleErrors.filter((m) => !m.includes('404'))).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
