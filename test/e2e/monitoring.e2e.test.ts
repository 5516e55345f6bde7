// Monitoring in a real browser: a metric added from its AI system's page,
// values pushed the way the metric page tells a script to (POST with an API
// token as Bearer), one of them beyond the threshold; the chart draws the
// threshold and marks that value and its breach window, the breach shows as
// open and is resolved in the page, at desktop and at phone width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const HOUR = 3_600_000;

let e: E2e;
let orgId: string;
let csrfToken: string;

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('monitoring in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'adds a metric, charts pushed values against the threshold, and resolves the breach',
    async () => {
      const { page } = e;
      const h = helpers(e, 'monitoring');
      try {
        const created = await e.context.request.post(`/api/v1/orgs/${orgId}/ai-systems`, {
          data: { name: 'Support chatbot', inScope: true },
          headers: { 'x-csrf-token': csrfToken },
        });
        expect(created.status()).toBe(201);
        const system = await created.json();

        // the AI system page offers monitoring; its Add metric opens the form on that system
        await page.goto(`/orgs/${orgId}/inventory/${system.id}`);
        await h.heading('Support chatbot').waitFor();
        const card = page.getByRole('region', { name: 'Monitoring' });
        await card.getByText(/Nothing measured yet/).waitFor();
        await card.getByRole('link', { name: 'Add metric' }).click();
        await h.heading('Add metric').waitFor();
        // the picker shows 'Loading…' until the AI systems arrive, then the one the link named
        await expect
          .poll(() => page.getByRole('combobox', { name: 'AI system' }).inputValue(), { timeout: 10_000 })
          .toBe('Support chatbot');
        await h.field('Name').fill('Answer accuracy');
        await h.field('Threshold').fill('90');
        // leaving with typed changes asks first
        await page.getByRole('link', { name: '← Monitoring' }).click();
        await page.getByRole('dialog', { name: 'Leave without saving?' }).getByRole('button', { name: 'Stay on page' }).click();
        await page.getByRole('button', { name: 'Add metric' }).click();
        await h.heading('Answer accuracy').waitFor();
        const metricId = page.url().split('/metrics/')[1].split(/[/?]/)[0];
        await page.getByText('No data yet').first().waitFor();

        // a script sends values as the page's command does: Bearer token, no session
        const command = await page.getByLabel('Command to send a value').textContent();
        expect(command).toContain(`/api/v1/orgs/${orgId}/ai-systems/${system.id}/observations`);
        expect(command).toContain('Authorization: Bearer <API token>');
        const tokenRes = await e.context.request.post('/api/v1/tokens', {
          data: { name: 'nightly eval' },
          headers: { 'x-csrf-token': csrfToken },
        });
        expect(tokenRes.status()).toBe(201);
        const { token } = await tokenRes.json();
        const now = Date.now();
        const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR).toISOString();
        const pushed = await fetch(`${e.baseUrl}/api/v1/orgs/${orgId}/ai-systems/${system.id}/observations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            observations: [
              { metricId, value: 95.5, observedAt: at(72) },
              { metricId, value: 94, observedAt: at(48) },
              { metricId, value: 84.2, observedAt: at(24) },
              { metricId, value: 93, observedAt: at(6) },
            ],
          }),
        });
        expect(pushed.status, await pushed.clone().text()).toBe(201);
        expect(await pushed.json()).toMatchObject({ accepted: 4, breachesOpened: 1 });

        await page.reload();
        await h.heading('Answer accuracy').waitFor();
        const chart = page.getByRole('img', { name: /Answer accuracy over the last 30 days/ });
        await chart.waitFor();
        // the threshold: a dashed line with its label, across the plot at the value 90
        const threshold = chart.getByTestId('threshold-line');
        expect(await threshold.locator('line').getAttribute('stroke-dasharray')).toBeTruthy();
        expect(await threshold.textContent()).toBe('Threshold 90 %');
        // the value beyond it is marked, the others not; its window is shaded
        const beyond = chart.locator('circle[data-beyond="true"]');
        await expect.poll(() => beyond.count()).toBe(1);
        expect(await chart.locator('circle').count()).toBe(4);
        expect(await beyond.locator('title').textContent()).toMatch(/84\.2 % \(beyond the threshold\)/);
        expect(await chart.getByTestId('breach-window').count()).toBe(1);
        // the marked point lies below the threshold line (higher is better)
        const lineY = Number(await threshold.locator('line').getAttribute('y1'));
        expect(Number(await beyond.getAttribute('cy'))).toBeGreaterThan(lineY);
        // the table alternative reads the same values
        await page.getByRole('button', { name: 'Show as table' }).click();
        await page.getByRole('cell', { name: '84.2 %' }).waitFor();
        await page.getByRole('button', { name: 'Hide the table' }).click();

        // the breach is open: on the metric page and in the monitoring list's tasks
        const open = page.getByRole('list', { name: 'Open breaches' });
        await open.getByText('Open', { exact: true }).waitFor();
        await page.screenshot({ path: screenshotPath('monitoring-metric.png'), fullPage: true });

        await page.goto(`/orgs/${orgId}/monitoring`);
        await h.heading('Monitoring').waitFor();
        const tasks = page.getByRole('region', { name: 'Open breaches' });
        await tasks.getByRole('link', { name: 'Answer accuracy' }).waitFor();
        await tasks.getByText('Support chatbot').waitFor();
        await page.getByRole('table', { name: 'Metrics' }).getByText('Threshold breached').waitFor();

        await page.screenshot({ path: screenshotPath('monitoring-list.png'), fullPage: true });

        // resolve it in the page, at phone width
        await page.setViewportSize({ width: 390, height: 900 });
        // the layout settles a moment after the resize
        await expect.poll(sideways).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('monitoring-list-390.png'), fullPage: true });
        await tasks.getByRole('link', { name: 'Answer accuracy' }).click();
        await h.heading('Answer accuracy').waitFor();
        await chart.waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        const width = Number(await chart.getAttribute('width'));
        expect(width).toBeLessThanOrEqual(390);
        await page.screenshot({ path: screenshotPath('monitoring-metric-390.png'), fullPage: true });
        const resolveButton = open.getByRole('button', { name: 'Resolve' });
        await resolveButton.click();
        const dialog = page.getByRole('dialog', { name: 'Resolve the breach' });
        await dialog.getByLabel('What was done').fill('Retrained on the March tickets; accuracy back above 90 %.');
        await dialog.getByRole('button', { name: 'Resolve' }).click();
        await dialog.waitFor({ state: 'hidden' });
        const past = page.getByRole('list', { name: 'Past breaches' });
        await past.getByText('Resolved', { exact: true }).waitFor();
        await past.getByText(/Retrained on the March tickets/).waitFor();
        expect(await open.count()).toBe(0);

        // a review and a value counted by hand, from the same page
        await page.getByRole('button', { name: 'Record review' }).click();
        const review = page.getByRole('dialog', { name: 'Record a review' });
        await review.getByLabel('What you found').fill('Breach handled; threshold still right.');
        await review.getByRole('button', { name: 'Record review' }).click();
        await review.waitFor({ state: 'hidden' });
        await page.getByRole('list', { name: 'Reviews' }).getByText('Breach handled; threshold still right.').waitFor();
        await page.getByRole('region', { name: 'Change history' }).getByText('Reviewed').first().waitFor();
        await h.field('Value (%)').fill('97');
        const addValue = page.getByRole('button', { name: 'Add value' });
        await addValue.click();
        await expect.poll(() => chart.locator('circle').count()).toBe(5);
        expect(await chart.locator('circle[data-beyond="true"]').count()).toBe(1);
        expect(await sideways()).toBeLessThanOrEqual(0);

        // an edit saved over someone else's change opens the conflict (If-Match), and mine can win knowingly
        await page.getByRole('link', { name: 'Edit' }).click();
        await h.heading('Edit Answer accuracy').waitFor();
        const theirs = await e.context.request.patch(`/api/v1/orgs/${orgId}/monitoring-metrics/${metricId}`, {
          data: { notes: 'Measured on the weekly sample' },
          headers: { 'x-csrf-token': csrfToken },
        });
        expect(theirs.status()).toBe(200);
        await h.field('Review every (days)').fill('14');
        await page.getByRole('button', { name: 'Save changes' }).click();
        const conflict = page.getByRole('dialog', { name: 'Changed by someone else' });
        await conflict.getByText('Measured on the weekly sample').waitFor();
        await conflict.getByRole('button', { name: 'Overwrite with mine' }).click();
        await h.heading('Answer accuracy').waitFor();
        await page.getByText(/Every 14 days someone looks/).waitFor();

        const breaches = await (
          await e.context.request.get(`/api/v1/orgs/${orgId}/monitoring-breaches?metricId=${metricId}`)
        ).json();
        const saved = await (await e.context.request.get(`/api/v1/orgs/${orgId}/monitoring-metrics/${metricId}`)).json();
        expect([saved.reviewEveryDays, saved.threshold, saved.notes]).toEqual([14, 90, '']);
        expect(breaches.items.map((b: { status: string; resolutionNote: string }) => [b.status, b.resolutionNote])).toEqual([
          ['resolved', 'Retrained on the March tickets; accuracy back above 90 %.'],
        ]);
        // the stale save's 409 is the only failed request
        expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
