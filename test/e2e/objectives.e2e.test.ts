// AI objectives in a real browser: set one through the form with a numeric
// target, record progress on its page, and see the state, the entry and the
// chart; the owner's home page lists it once it is overdue.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;
let csrf: string;

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

describe('AI objectives in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1200 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrf = body.csrfToken;
    const system = await e.context.request.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      data: { name: 'Support chatbot' },
      headers: { 'x-csrf-token': csrf },
    });
    expect(system.status()).toBe(201);
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'sets an objective, records progress and shows where it stands',
    async () => {
      const { page } = e;
      const h = helpers(e, 'objectives');
      try {
        await page.goto(`/orgs/${orgId}/objectives`);
        await h.heading('AI objectives').waitFor();
        await page.getByRole('link', { name: 'Set an objective' }).click();
        await h.heading('Set an AI objective').waitFor();
        await h.field('Objective').fill('Impact-assess every in-scope AI system');
        await h.field('Measure').fill('Share of in-scope AI systems with an approved impact assessment');
        await h.field('Target').fill('At least 90% by the end of the year');
        await h.field('Target value').fill('90');
        await h.field('Unit').fill('%');
        await page.getByLabel('Baseline').fill('20');
        await h.field('Due date').fill(day(200));
        await page.getByRole('combobox', { name: 'Owner' }).fill('Ada Lead');
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Set objective' }).click();

        await h.heading('Impact-assess every in-scope AI system').waitFor();
        await page.getByText('Not measured yet').first().waitFor();
        await page.getByLabel('Measured value (%)').fill('48');
        await page.getByLabel('Note').fill('Five of ten systems assessed');
        await page.getByRole('button', { name: 'Record progress' }).click();
        const table = page.getByRole('table', { name: 'Progress entries' });
        await table.getByText('Five of ten systems assessed').waitFor();
        expect(await table.getByText('48 %').isVisible()).toBe(true);
        // 40% of the way from 20 to 90 at the very start: on track, with a chart of the values
        await page.getByText('40% of the way to the target', { exact: false }).first().waitFor();
        expect(await page.getByText('On track').first().isVisible()).toBe(true);
        expect(await page.getByRole('img', { name: /latest 48 %, target 90 %/ }).isVisible()).toBe(true);
        // a second value moves the line on
        await page.getByLabel('Measured value (%)').fill('62');
        await page.getByRole('button', { name: 'Record progress' }).click();
        await page.getByText('60% of the way to the target', { exact: false }).first().waitFor();
        await page.screenshot({ path: screenshotPath('objective-page.png'), fullPage: true });

        // the list shows it with its state
        await page.getByRole('link', { name: 'AI objectives' }).first().click();
        const row = page.getByRole('row', { name: /Impact-assess every in-scope AI system/ });
        await row.waitFor();
        expect(await row.getByText('On track').isVisible()).toBe(true);
        expect(await row.getByText('≥ 90 %').isVisible()).toBe(true);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
