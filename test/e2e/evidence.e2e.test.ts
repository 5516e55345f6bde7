// Evidence in a real browser: upload a file against A.6.2.6 through the Add
// evidence form and see that control's coverage rise on the dashboard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

describe('evidence in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'uploads evidence against A.6.2.6 and the control’s coverage rises',
    async () => {
      const { page } = e;
      const h = helpers(e, 'evidence');
      try {
        await page.goto(`/orgs/${orgId}/evidence/coverage`);
        await h.heading('Evidence coverage').waitFor();
        const card = page.getByTestId('coverage-A.6.2.6');
        await card.getByText('0 valid').waitFor();
        expect(await card.getAttribute('data-covered')).toBe('false');

        await page.goto(`/orgs/${orgId}/evidence/new`);
        await h.heading('Add evidence').waitFor();
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: 'Choose a file' }).click();
        await (await chooser).setFiles({
          name: 'model-card-review.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from('Model card reviewed.\n'),
        });
        await page.getByText('Uploaded: model-card-review.txt').waitFor();
        await page.getByLabel('Annex A controls').first().fill('A.6.2.6');
        await page.getByRole('option', { name: /^A\.6\.2\.6/ }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Add evidence' }).click();
        await h.heading('model-card-review.txt').waitFor();
        await page
          .getByText(/EV-0001/)
          .first()
          .waitFor();

        await page.goto(`/orgs/${orgId}/evidence/coverage`);
        await card.getByText('1 valid').waitFor();
        expect(await card.getAttribute('data-covered')).toBe('true');
        await page.screenshot({ path: screenshotPath('evidence-coverage.png'), fullPage: false });
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
