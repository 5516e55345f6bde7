// Governance roles in a real browser at phone width (390 px): the seeded AI
// governance owner is listed as vacant; assigning the owner through the form
// clears the flag on its page and in the list, with nothing wider than the screen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

const overflow = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('governance roles in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 900 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'assigns the AI governance owner and the vacant flag goes',
    async () => {
      const { page } = e;
      const h = helpers(e, 'roles');
      try {
        await page.goto(`/orgs/${orgId}/roles`);
        await h.heading('Governance roles').waitFor();
        const row = page.getByRole('row', { name: /AI governance owner/ });
        await row.waitFor();
        expect(await row.getByText('Vacant').count()).toBeGreaterThan(0);
        expect(await overflow()).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath('roles-list.png'), fullPage: true });

        await row.getByRole('link', { name: 'AI governance owner' }).click();
        await h.heading('AI governance owner').waitFor();
        expect(await page.getByText('Nobody holds this role.').isVisible()).toBe(true);
        expect(await overflow()).toBeLessThanOrEqual(1);
        await page.getByRole('link', { name: 'Assign a holder' }).click();
        await h.heading('Edit AI governance owner').waitFor();
        await page.getByRole('combobox', { name: 'Holder' }).fill('Ada Lead');
        await page.keyboard.press('Escape');
        await page.getByText('Member: ada@example.com').waitFor();
        await page.getByRole('button', { name: 'Save changes' }).click();

        await h.heading('AI governance owner').waitFor();
        await page.getByText('Ada Lead').first().waitFor();
        expect(await page.getByText('Nobody holds this role.').count()).toBe(0);
        expect(await page.getByText('Vacant', { exact: true }).count()).toBe(0);
        expect(await overflow()).toBeLessThanOrEqual(1);
        await page.screenshot({ path: screenshotPath('role-page.png'), fullPage: true });

        // the list now shows the holder; the role moved below the vacant ones
        await page
          .getByRole('main')
          .getByRole('link', { name: /Governance roles/ })
          .click();
        const held = page.getByRole('row', { name: /AI governance owner/ });
        await held.getByText('Ada Lead').waitFor();
        expect(await held.getByText('Vacant').count()).toBe(0);
        const names = await page.getByRole('row').allInnerTexts();
        expect(names.findIndex((t) => t.includes('AI governance owner'))).toBe(names.length - 1);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
