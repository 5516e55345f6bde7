// Management review in a real browser at phone width: set top management,
// plan a review, prepare its inputs, write the minutes, add an action,
// record that it was held, approve it, and see it approved and read-only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('management reviews in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'sets top management, plans a review, prepares inputs, writes minutes, adds an action and approves it',
    async () => {
      const { page } = e;
      const h = helpers(e, 'management-reviews');
      const notice = (text: string) => page.getByRole('region', { name: 'Notifications' }).getByText(text).first();
      try {
        // top management
        await page.goto(`/orgs/${orgId}/management-reviews`);
        await h.heading('Management reviews').waitFor();
        await page.getByText('No management review planned yet').waitFor();
        await page.getByRole('link', { name: 'Top management' }).click();
        await h.heading('Top management').waitFor();
        await page.getByText('No one is set as top management: no review can be approved.').waitFor();
        await h.field('Top management').first().fill('Ada');
        await page.getByRole('option', { name: /Ada Lead/ }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await notice('Top management saved').waitFor();

        // plan a review; the warning shows until a top manager attends
        await page.goto(`/orgs/${orgId}/management-reviews/new`);
        await h.heading('Plan a review').waitFor();
        await h.field('Title').fill('Spring management review');
        await h.field('Meeting date').fill('2026-03-10');
        await page.getByText('No top management attends').waitFor();
        await page.getByRole('button', { name: 'Add attendee' }).click();
        await h.field('Attendee 1').first().fill('Ada Lead');
        await page.keyboard.press('Escape');
        await page.getByText('No top management attends').waitFor({ state: 'detached' });
        await page.getByRole('button', { name: 'Plan review' }).click();
        await h.heading('Spring management review').waitFor();
        await page.getByText('Management review MR-001').waitFor();
        await page.getByLabel('Attendees').getByText('Top management').waitFor();

        // the approve button says what is missing
        await page.getByText('The inputs are not prepared.').waitFor();
        expect(await page.getByRole('button', { name: 'Approve review' }).isDisabled()).toBe(true);

        // prepare inputs
        await h.field('Resource needs').fill('A second reviewer for model releases');
        await page.getByRole('button', { name: 'Prepare inputs' }).click();
        await page.getByRole('button', { name: 'Re-prepare inputs' }).waitFor();
        await page.getByRole('heading', { name: 'AI risk status' }).waitFor();
        await page.getByRole('heading', { name: 'Status of actions from previous reviews' }).waitFor();
        await page.getByText('A second reviewer for model releases', { exact: true }).first().waitFor();
        await page.getByText(/^Compiled .* by ada@example\.com/).waitFor();

        // minutes with a preview, and a decision
        await h.field('Minutes').fill('## Discussion\n\nThe board looked at **open risks**.');
        await page.getByText('Preview', { exact: true }).click();
        await page.getByText('open risks', { exact: true }).waitFor();
        await page.getByRole('button', { name: 'Add decision' }).click();
        await h.field('Decision').fill('Automate the bias tests');
        await page.getByRole('button', { name: 'Save minutes and decisions' }).click();
        await notice('Minutes saved').waitFor();

        // an action
        const actionForm = page.getByRole('form', { name: 'Add an action' });
        await actionForm.getByLabel(/^Action/).fill('Draft the bias test plan');
        await actionForm.getByLabel(/^Due date/).fill('2026-04-30');
        await actionForm.getByRole('button', { name: 'Add action' }).click();
        await notice('Action added').waitFor();
        await page.getByRole('list', { name: 'Actions' }).getByText('Draft the bias test plan').waitFor();

        // held, then approve
        await page.getByRole('button', { name: 'Mark as held' }).click();
        await notice('Marked as held').waitFor();
        const approve = page.getByRole('button', { name: 'Approve review' });
        await expect.poll(() => approve.isDisabled()).toBe(false);
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('management-review.png'), fullPage: true });
        await approve.click();
        await page.getByRole('button', { name: 'Yes, approve' }).click();
        await page.getByText(/^Approved by Ada Lead on/).waitFor();
        await page.getByText('Approved', { exact: true }).first().waitFor();
        // read-only now: no editing of the meeting or the minutes, no new actions
        expect(await page.getByRole('link', { name: 'Edit meeting' }).count()).toBe(0);
        expect(await page.getByRole('button', { name: 'Save minutes and decisions' }).count()).toBe(0);
        expect(await page.getByRole('form', { name: 'Add an action' }).count()).toBe(0);
        // actions are still tracked to done
        await page.getByRole('button', { name: 'Mark done' }).click();
        await notice('Action marked done').waitFor();

        await page.goto(`/orgs/${orgId}/management-reviews`);
        await page.getByText('MR-001').first().waitFor();
        await page.getByText('Approved', { exact: true }).first().waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
