// The audit rehearsal in a real browser at phone width: a fresh organization
// sees the 14 steps, Stage 1 with a failing scope check whose fix opens the
// scope page, Stage 2, the evidence sample and a redraw, without sideways
// scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('audit readiness in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'shows Stage 1 with a failing scope check that links to the scope page',
    async () => {
      const { page } = e;
      const h = helpers(e, 'readiness');
      try {
        await page.goto(`/orgs/${orgId}/readiness`);
        await h.heading('Audit readiness').waitFor();
        // the 14 steps, each a link to its journey page
        const journey = page.getByRole('list', { name: 'Certification journey' });
        await journey.waitFor();
        expect(await journey.getByRole('link').count()).toBe(14);
        await journey.getByRole('link', { name: /^Step 1 Define scope: Not started/ }).waitFor();

        await page.getByRole('heading', { name: 'Stage 1: readiness and documentation' }).waitFor();
        const scope = page.getByRole('article', { name: 'Scope: Fail' });
        await scope.getByText('No scope is drafted yet.', { exact: false }).waitFor();
        await page.getByRole('article', { name: 'Risk method: Fail' }).waitFor();
        await page.getByRole('heading', { name: 'Stage 2: implementation and effectiveness' }).waitFor();
        await page.getByRole('article', { name: /^Evidence sampling: / }).waitFor();
        await page.getByRole('heading', { name: 'Evidence sample' }).waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('readiness.png'), fullPage: true });

        // redraw keeps the page and changes the address's seed
        await page.getByRole('button', { name: 'Redraw sample' }).click();
        await page.waitForURL(/seed=/);
        await page.getByRole('article', { name: 'Scope: Fail' }).waitFor();

        // the fix opens the scope page
        await scope.getByRole('link', { name: 'Fix this' }).click();
        await page.waitForURL(new RegExp(`/orgs/${orgId}/scope$`));
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
