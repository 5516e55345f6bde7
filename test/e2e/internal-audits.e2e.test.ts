// An internal audit in a real browser: plan it (an auditor who owns an AI
// system under audit is refused on the auditor's field), start it, work an
// item to a nonconformity and raise it, then on the nonconformity's page
// record the root cause, a corrective action and an effective check and
// close it; back on the audit, issue the report. The execution screen is
// checked at laptop width and at 390 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;
let csrfToken: string;
let ownerId: string;

async function api(method: 'post' | 'patch' | 'get', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return res.json();
}

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('internal audit in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1280, height: 900 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
    ownerId = body.user.id;
    await api('post', '/ai-systems', { name: 'Claims triage model', inScope: true, businessOwner: { userId: ownerId } });
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'plans an audit with independent auditors, runs an item to a nonconformity, closes the nonconformity and reports',
    async () => {
      const { page } = e;
      const h = helpers(e, 'internal-audits');
      try {
        // plan: the owner of the AI system under audit may not audit it
        await page.goto(`/orgs/${orgId}/internal-audits`);
        await h.heading('Internal audits').waitFor();
        await page.getByRole('link', { name: 'Plan audit' }).click();
        await h.heading('Plan an audit').waitFor();
        await h.field('Title').fill('Spring audit of risk management');
        await page.getByRole('checkbox', { name: 'Clause 6 Planning' }).check();
        await h.field('AI systems').first().fill('Claims');
        await page.getByRole('option', { name: 'Claims triage model' }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Add auditor' }).click();
        await page.getByRole('combobox', { name: 'Auditor 1' }).fill('Ada Lead');
        await page.keyboard.press('Escape');
        const plan = page.getByRole('button', { name: 'Plan audit' });
        await plan.click();
        await page.getByText("owns the AI system 'Claims triage model'").waitFor();
        expect(await page.getByRole('combobox', { name: 'Auditor 1' }).getAttribute('aria-invalid')).toBe('true');
        expect((await api('get', '/internal-audits')).items).toHaveLength(0);

        await page.getByRole('combobox', { name: 'Auditor 1' }).fill('Olga Outside');
        await page.keyboard.press('Escape');
        await plan.click();
        await h.heading('Spring audit of risk management').waitFor();
        await page.getByText('Internal audit IA-001').waitFor();

        // start: the checklist comes with the facts seen now
        await page.getByRole('button', { name: 'Start audit' }).click();
        const nav = page.getByRole('navigation', { name: 'Checklist items' });
        await nav.waitFor();
        await page.getByText('1 AI system in the inventory, 1 marked in scope.').first().waitFor();
        await nav.getByRole('button', { name: /6\.1\.2 / }).click();
        await page.getByRole('heading', { name: /^6\.1\.2 / }).waitFor();

        // a finding: result, notes, save, raise the nonconformity once
        await page
          .locator('label')
          .filter({ hasText: /^Nonconformity$/ })
          .click();
        await page.getByLabel('Notes').fill('Risk acceptance criteria were never approved by management.');
        await page.getByText('Not saved').waitFor();
        await page.getByRole('button', { name: 'Save item' }).click();
        await page.getByText('Not saved').waitFor({ state: 'detached' });
        await nav.getByRole('button', { name: /6\.1\.2 .*Nonconformity/ }).waitFor();
        await page.getByRole('button', { name: 'Raise nonconformity' }).click();
        const dialog = page.getByRole('dialog', { name: 'Raise nonconformity' });
        await dialog.getByRole('combobox', { name: /^Grade/ }).click();
        await page.getByRole('option', { name: 'Minor nonconformity' }).click();
        await dialog.getByRole('button', { name: 'Raise' }).click();
        const link = page.getByRole('link', { name: /^NC-001/ });
        await link.waitFor();
        await page.screenshot({ path: screenshotPath('internal-audit-checklist.png'), fullPage: true });

        // at 390 px the checklist folds into a select and nothing scrolls sideways
        await page.setViewportSize({ width: 390, height: 900 });
        await page.getByRole('combobox', { name: /^Item/ }).waitFor();
        // the layout settles after the resize
        await expect.poll(sideways).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('internal-audit-phone.png'), fullPage: true });
        await page.setViewportSize({ width: 1280, height: 900 });

        // the nonconformity: root cause, corrective action, effective check, closed
        await link.click();
        await page.getByText('Nonconformity NC-001').first().waitFor();
        const rootCause = page.getByRole('form', { name: 'Root cause' });
        await rootCause.getByLabel('Why 1').fill('Nobody was asked to approve the criteria');
        await rootCause.getByLabel(/^Root cause summary/).fill('Approval of the risk criteria was not assigned');
        await rootCause.getByRole('button', { name: 'Save root cause' }).click();
        await page.getByText('Summarise the root cause (step 3)').waitFor({ state: 'detached' });
        const add = page.getByRole('form', { name: 'Add corrective action' });
        await add.getByLabel(/^Action/).fill('Management approves the risk criteria');
        await add.getByRole('button', { name: 'Add action' }).click();
        const actions = page.getByRole('list', { name: 'Corrective actions' });
        await actions.getByText('Management approves the risk criteria').waitFor();
        await actions.getByRole('button', { name: 'Mark done' }).click();
        await actions.locator('[data-action-status="done"]').waitFor();
        const check = page.getByRole('form', { name: 'Effectiveness check' });
        await check.getByLabel(/^How it is checked/).fill('Criteria approved and used in the next assessment');
        await check.getByRole('combobox', { name: /^Result/ }).click();
        await page.getByRole('option', { name: 'Effective', exact: true }).click();
        await check.getByLabel(/^Checked on/).fill(new Date().toISOString().slice(0, 10));
        await check.getByLabel(/^Checked by/).fill('Ada Lead');
        await check.getByRole('button', { name: 'Record result' }).click();
        await page.getByLabel('Effectiveness result').getByText('Effective').waitFor();
        await page.getByRole('button', { name: 'Close nonconformity' }).click();
        await page.getByRole('button', { name: 'Reopen' }).waitFor();
        const nc = (await api('get', '/nonconformities')).items[0];
        expect({ status: nc.status, source: nc.source, requirementId: nc.requirementId }).toEqual({
          status: 'closed',
          source: { kind: 'internal-audit', id: expect.any(String), label: expect.stringMatching(/^IA-001 item \d+$/) },
          requirementId: '6.1.2',
        });

        // back on the audit: the report
        await page.goto(`/orgs/${orgId}/internal-audits`);
        await page
          .getByRole('link', { name: /IA-001/ })
          .first()
          .click();
        await h.heading('Spring audit of risk management').waitFor();
        await page.getByRole('tab', { name: 'Report' }).click();
        await page.getByLabel(/^Conclusions/).fill('Risk criteria were missing and are now approved; the rest conforms.');
        await page.getByRole('button', { name: 'Issue report' }).click();
        await page.getByRole('button', { name: 'Close audit' }).waitFor();
        await page.getByText('Reported', { exact: true }).first().waitFor();
        await page.getByRole('link', { name: 'Report (PDF)' }).waitFor();
        const audit = (await api('get', '/internal-audits')).items[0];
        expect(audit).toMatchObject({ status: 'reported', number: 'IA-001' });
        // the one refused plan above is the only failed request
        expect(e.consoleErrors.filter((c) => !/status of 400 .*\/internal-audits\)$/.test(c))).toEqual([]);
        expect(e.consoleErrors).toHaveLength(1);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
