// Nonconformities in a real browser at phone width: raise one from an
// incident's page (the source comes prefilled), record its root cause and a
// corrective action, mark the action done, record an effective check, and
// close it; Close is disabled with the reasons listed until then.
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

describe('nonconformities in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
    await api('post', '/incidents', {
      title: 'Scoring model used without review',
      detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
      severity: 'medium',
    });
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'raises a nonconformity from an incident, takes it through root cause, an action and an effective check, and closes it',
    async () => {
      const { page } = e;
      const h = helpers(e, 'nonconformities');
      try {
        const incidents = (await api('get', '/incidents')).items as { id: string }[];
        await page.goto(`/orgs/${orgId}/incidents/${incidents[0].id}`);
        await h.heading('Scoring model used without review').waitFor();
        await page.getByRole('link', { name: 'Raise nonconformity' }).click();

        await h.heading('Raise a nonconformity').waitFor();
        expect(await h.field('Reference').inputValue()).toBe('INC-001');
        await h.field('Title').fill('No review before a model went live');
        await page.getByRole('combobox', { name: /^Grade/ }).click();
        await page.getByRole('option', { name: 'Minor nonconformity' }).click();
        await h.field('Requirement or control').fill('A.6.2.5');
        await h.field('Objective evidence').fill('Deployment log of 2 December shows no reviewer.');
        await page.getByRole('button', { name: 'Raise nonconformity' }).click();

        await h.heading('No review before a model went live').waitFor();
        await page.getByText('Nonconformity NC-001').first().waitFor();
        await page.getByText('Minor nonconformity').first().waitFor();
        await page.getByText('Incident INC-001').first().waitFor();
        // Close says what is missing and cannot be pressed yet
        const close = page.getByRole('button', { name: 'Close nonconformity' });
        expect(await close.isDisabled()).toBe(true);
        await page.getByText('Summarise the root cause (step 3)').waitFor();

        // 3. root cause by five whys
        const rootCause = page.getByRole('form', { name: 'Root cause' });
        await rootCause.getByLabel('Why 1').fill('The release checklist has no review step');
        await rootCause.getByLabel('Why 2').fill('The checklist predates the AI policy');
        await rootCause.getByLabel(/^Root cause summary/).fill('Release checklist not updated for the AI policy');
        await rootCause.getByRole('button', { name: 'Save root cause' }).click();
        await page.getByText('Summarise the root cause (step 3)').waitFor({ state: 'detached' });

        // 4. a corrective action, then done
        const add = page.getByRole('form', { name: 'Add corrective action' });
        await add.getByLabel(/^Action/).fill('Add a review step to the release checklist');
        await add.getByRole('button', { name: 'Add action' }).click();
        const actions = page.getByRole('list', { name: 'Corrective actions' });
        await actions.getByText('Add a review step to the release checklist').waitFor();
        await actions.getByRole('button', { name: 'Mark done' }).click();
        await actions.locator('[data-action-status="done"]').waitFor();

        // 5. an effective check
        const check = page.getByRole('form', { name: 'Effectiveness check' });
        await check.getByLabel(/^How it is checked/).fill('Reviewed the next three releases');
        await check.getByRole('combobox', { name: /^Result/ }).click();
        await page.getByRole('option', { name: 'Effective', exact: true }).click();
        await check.getByLabel(/^Checked on/).fill(new Date().toISOString().slice(0, 10));
        await check.getByLabel(/^Checked by/).fill('Ada Lead');
        await check.getByRole('button', { name: 'Record result' }).click();
        await page.getByLabel('Effectiveness result').getByText('Effective').waitFor();

        await page.getByText('Still needed before closing:').waitFor({ state: 'detached' });
        expect(await close.isDisabled()).toBe(false);
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('nonconformity-steps.png'), fullPage: true });
        await close.click();
        await page.getByRole('button', { name: 'Reopen' }).waitFor();
        await page.getByText('Closed', { exact: true }).first().waitFor();

        const timeline = page.getByLabel('Nonconformity timeline');
        await timeline.getByText(/Status changed from .* to closed/).waitFor();
        const kinds = await timeline.locator('[data-kind]').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')));
        expect(kinds[0]).toBe('raised');
        expect(kinds).toEqual(
          expect.arrayContaining(['root-cause', 'action-added', 'action-done', 'effectiveness-checked', 'status']),
        );

        // the list shows it with its grade and status in words
        await page.goto(`/orgs/${orgId}/nonconformities`);
        await page.getByText('NC-001').first().waitFor();
        await page.getByText('Minor nonconformity').first().waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        const stored = await api('get', '/nonconformities');
        expect(stored.items[0]).toMatchObject({
          status: 'closed',
          source: { kind: 'incident', id: incidents[0].id, label: 'INC-001' },
          effectiveness: { result: 'effective', checkedBy: { name: 'Ada Lead' } },
        });
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
