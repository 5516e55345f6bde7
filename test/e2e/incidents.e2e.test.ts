// Incidents in a real browser at phone width: record an incident through the
// form (escalated to the holder of the incident escalation role), add a
// communication to the customer, and see both on the incident's timeline in
// order; the closing rules are listed before closing is possible.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;
let csrfToken: string;

async function api(method: 'post' | 'patch' | 'get', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('incidents in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
    // the owner holds the incident escalation role
    const roles = (await api('get', '/roles')).items as { id: string; key: string }[];
    const role = roles.find((r) => r.key === 'incident-escalation');
    await api('patch', `/roles/${role?.id}`, { holder: { userId: body.user.id } });
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'records an incident, adds a communication and shows both on the timeline',
    async () => {
      const { page } = e;
      const h = helpers(e, 'incidents');
      try {
        await page.goto(`/orgs/${orgId}/incidents`);
        await h.heading('AI incidents').waitFor();
        await page.getByText('No incidents recorded').waitFor();
        await page.getByRole('link', { name: 'Record incident' }).click();
        await h.heading('Record an incident').waitFor();
        await h.field('Title').fill('Chatbot gave wrong dosage advice');
        await h.field('What happened').fill('A customer was told to double the dose.');
        await page.getByRole('combobox', { name: /^Severity/ }).click();
        await page.getByRole('option', { name: 'High' }).click();
        await page.getByRole('button', { name: 'Record incident' }).click();

        await h.heading('Chatbot gave wrong dosage advice').waitFor();
        await page.getByText('Incident INC-001').first().waitFor();
        await page.getByLabel('Escalation').getByText('Ada Lead').waitFor();
        await page.screenshot({ path: screenshotPath('incident-page.png'), fullPage: true });
        // closing is explained before it is tried
        await page.getByText(/To close it, record the root cause, the lessons learned and a communication/).waitFor();

        await page.getByRole('button', { name: 'Add communication' }).click();
        const form = page.getByRole('form', { name: 'Add communication' });
        await form.getByLabel(/^Told whom/).fill('The customer');
        await form.getByLabel(/^What was said/).fill('Called the customer and corrected the advice.');
        await form.getByRole('button', { name: 'Save communication' }).click();
        await form.waitFor({ state: 'detached' });

        const timeline = page.getByLabel('Incident timeline');
        await timeline.getByText('Communicated to The customer').waitFor();
        const kinds = await timeline.locator('[data-kind]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
        expect(kinds).toEqual(['detected', 'created', 'escalated', 'communication']);
        await timeline.getByText('Called the customer and corrected the advice.').waitFor();
        await timeline.getByText(/Recorded as high severity/).waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('incident-timeline.png'), fullPage: false });

        // Close lists what is still missing and cannot be confirmed yet
        await page.getByRole('button', { name: 'Close', exact: true }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByText('Still needed').waitFor();
        await dialog.getByText('the root cause').waitFor();
        expect(await dialog.getByRole('button', { name: 'Close', exact: true }).isDisabled()).toBe(true);
        await page.waitForTimeout(400); // the dialog's opening transition
        await page.screenshot({ path: screenshotPath('incident-close.png'), fullPage: false });
        await dialog.getByRole('button', { name: 'Cancel' }).click();

        // the list shows it with its severity in words
        await page.goto(`/orgs/${orgId}/incidents`);
        await page.getByText('High', { exact: true }).first().waitFor();
        await page.getByText('INC-001').first().waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
