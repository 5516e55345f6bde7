// Certification audits in a real browser at phone width: plan a Stage 1,
// give the body's auditor access for its days, sign in as the auditor and
// raise a request, answer it as the owner with a link to a record, record a
// minor finding and follow it to the nonconformity it opened.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const AUDITOR = { name: 'Rita Auditor', email: 'rita@body.example', password: 'auditors long passphrase' };

let e: E2e;
let orgId: string;
let other: BrowserContext | undefined;

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

describe('certification audits in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(async () => {
    await other?.close();
    await e?.close();
  });

  it(
    'plans a Stage 1, opens the room to the auditor, answers a request and follows a finding to its nonconformity',
    async () => {
      const { page } = e;
      const h = helpers(e, 'certification-audits');
      try {
        // a record to answer with
        const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
        const imp = await page.request.post(`/api/v1/orgs/${orgId}/improvements`, {
          headers: { 'x-csrf-token': csrfToken },
          data: { title: 'Risk owners named for every AI system' },
        });
        expect(imp.status()).toBe(201);

        // plan the Stage 1
        await page.goto(`/orgs/${orgId}/certification-audits`);
        await h.heading('Certification audits').waitFor();
        await page.getByText('No certification audit planned yet').waitFor();
        await page.getByRole('link', { name: 'Plan an audit' }).click();
        await h.heading('Plan a certification audit').waitFor();
        await h.field('Planned start').fill(todayUtc());
        await h.field('Planned end').fill(addDays(todayUtc(), 1));
        await page.getByRole('button', { name: 'Plan audit' }).click();
        await h.heading('Stage 1 audit').waitFor();
        await page.getByText('CA-001 · Certification').waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        h.mark('planned');

        // give the body's auditor access for the audit's days
        await page.getByRole('tab', { name: /Audit room/ }).click();
        await page.getByText('No auditor has access yet').waitFor();
        await h.field("Auditor's email").fill(AUDITOR.email);
        await h.field('Name').fill(AUDITOR.name);
        await h.field('Initial password').fill(AUDITOR.password);
        await page.getByRole('button', { name: 'Give access' }).click();
        await page.getByText('Has access now').waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        h.mark('access given');

        // the auditor signs in, sees the room, raises a request, and can edit nothing else
        const browser = e.context.browser();
        if (!browser) throw new Error('no browser');
        other = await browser.newContext({ baseURL: e.baseUrl, viewport: { width: 390, height: 1000 } });
        const rita = await other.newPage();
        await signIn(rita, AUDITOR.email, AUDITOR.password);
        await rita.goto(`${page.url().replace(e.baseUrl, '')}`);
        await rita.getByRole('heading', { name: 'Stage 1 audit', level: 1 }).waitFor();
        await rita.getByText('No requests yet').waitFor();
        expect(await rita.getByRole('link', { name: 'Edit' }).count()).toBe(0);
        expect(await rita.getByRole('button', { name: 'Give access' }).count()).toBe(0);
        await rita.getByLabel(/^Request( \*)?$/).fill('The risk records of three AI systems');
        await rita.getByRole('button', { name: 'Raise request' }).click();
        await rita.getByText('R1 · The risk records of three AI systems').waitFor();
        expect(await rita.getByRole('button', { name: 'Answer' }).count()).toBe(0);
        h.mark('request raised by the auditor');

        // back as the owner: answer it with a link to the improvement
        await page.reload();
        await page.getByText('R1 · The risk records of three AI systems').waitFor();
        await page.getByText('1 open · 0 answered, waiting for the auditor').waitFor();
        await page.getByRole('button', { name: 'Answer' }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel(/^Answer/).fill('The owners are named in the improvement log.');
        await dialog.getByLabel(/^Link records from/).click();
        await page.getByRole('option', { name: 'Improvement', exact: true }).click();
        await dialog.getByLabel(/^Improvement records/).fill('Risk owners');
        await page.getByRole('option', { name: /IMP-001 Risk owners named/ }).click();
        await page.keyboard.press('Escape');
        await dialog.getByRole('button', { name: 'Send answer' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByRole('link', { name: 'IMP-001 Risk owners named for every AI system' }).waitFor();
        await page.getByText('0 open · 1 answered, waiting for the auditor').waitFor();
        h.mark('answered with a link');

        // a minor finding opens a nonconformity; follow its link
        const findingForm = page.getByRole('form', { name: 'Record a finding' });
        await findingForm.getByRole('combobox', { name: 'Grade' }).click();
        await page.getByRole('option', { name: 'Minor nonconformity' }).click();
        await findingForm.getByRole('combobox', { name: /^Requirement/ }).fill('6.1.3');
        await page.getByRole('option', { name: /^6\.1\.3 / }).click();
        await findingForm
          .getByRole('textbox', { name: /^Statement/ })
          .fill('The risk treatment plan names no owner for two AI systems.');
        await page.getByRole('button', { name: 'Record finding' }).click();
        const ncLink = page.getByRole('link', { name: 'NC-001' });
        await ncLink.waitFor();
        await page.getByText('Minor nonconformity', { exact: true }).first().waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        await ncLink.click();
        await page.waitForURL(/\/nonconformities\//);
        await h.heading(/CA-001 Stage 1 F1/).waitFor();
        h.mark('finding followed to its nonconformity');
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
