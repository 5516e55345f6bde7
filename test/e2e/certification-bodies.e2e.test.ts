// Choosing a certification body in a real browser at phone width: add two
// candidates, compare them side by side, see the "partner as issuer"
// warning, choose one giving a reason for its open warning, and download the
// quote request pack as a PDF.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('certification bodies in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'adds two bodies, compares them, sees the partner warning, chooses one with a reason and downloads the quote pack',
    async () => {
      const { page } = e;
      const h = helpers(e, 'certification-bodies');
      const pick = async (label: string, option: string) => {
        await h.field(label).first().click();
        await page.getByRole('option', { name: option, exact: true }).click();
      };
      try {
        await page.goto(`/orgs/${orgId}/certification-bodies`);
        await h.heading('Certification bodies').waitFor();
        await page.getByText('No candidate bodies yet').waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);

        // an accredited body, its surveillance terms still unclear
        await page.getByRole('link', { name: 'Add a candidate' }).click();
        await h.heading('Add a candidate certification body').waitFor();
        await h.field('Name').fill('Accredited Cert GmbH');
        await pick('Accreditation covers ISO/IEC 42001', 'Yes');
        await h.field('Accreditation body').fill('DAkkS');
        await pick('Accreditation body signs the IAF MLA', 'Yes');
        await h.field('Verification route').fill('https://www.iafcertsearch.org');
        await h.field('Quote amount').fill('18500');
        await h.field('Currency').fill('EUR');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await h.heading('Accredited Cert GmbH').waitFor();
        await page.getByText('The surveillance audit terms are not clear yet', { exact: false }).waitFor();

        // a partner recorded as the issuer
        await page.goto(`/orgs/${orgId}/certification-bodies/new`);
        await h.field('Name').fill('Friendly Partners Ltd');
        await pick('Who issues the certificate', 'Partner or reseller');
        await page.getByRole('button', { name: 'Add candidate' }).click();
        await h.heading('Friendly Partners Ltd').waitFor();
        await page.getByText(/A partner or reseller is recorded as the issuer/).waitFor();

        // side by side: one column per body, the warning in the partner's
        await page.goto(`/orgs/${orgId}/certification-bodies/compare`);
        await h.heading('Compare certification bodies').waitFor();
        const table = page.getByRole('table', { name: 'Certification bodies side by side' });
        await table.getByRole('columnheader', { name: 'Accredited Cert GmbH' }).waitFor();
        await table.getByRole('columnheader', { name: 'Friendly Partners Ltd' }).waitFor();
        await table.getByText('Issuer is not a certification body').waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('certification-bodies-compare.png'), fullPage: true });

        // choose the accredited body: its one warning needs a reason
        await table.getByRole('link', { name: 'Accredited Cert GmbH' }).click();
        await h.heading('Accredited Cert GmbH').waitFor();
        await page.getByRole('button', { name: 'Choose this body' }).click();
        const dialog = page.getByRole('dialog', { name: 'Choose Accredited Cert GmbH' });
        await dialog.getByRole('button', { name: 'Choose this body' }).click();
        await dialog.getByText('Give a reason, or fix the body first').waitFor();
        await dialog
          .getByLabel(/^Surveillance terms unclear/)
          .fill('Terms promised in writing with the contract; we check them before signing');
        await dialog.getByRole('button', { name: 'Choose this body' }).click();
        await dialog.waitFor({ state: 'detached' });
        await page.getByText('Why it was chosen').waitFor();
        await page.getByText(/Reason: Terms promised in writing/).waitFor();
        await page.getByText('Chosen', { exact: true }).first().waitFor();
        expect(await page.getByRole('button', { name: 'Choose this body' }).count()).toBe(0);
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('certification-body.png'), fullPage: true });

        // the quote request pack, its caveat and the PDF
        await page.goto(`/orgs/${orgId}/certification-bodies/quote-request`);
        await h.heading('Quote request pack').waitFor();
        await page.getByText(/Planning estimate only/).waitFor();
        await page.getByRole('link', { name: 'Set the employee count' }).waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('certification-bodies-quote-request.png'), fullPage: true });
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: 'Download PDF' }).click();
        expect((await download).suggestedFilename()).toMatch(/^iso42001-quote-request-.*\.pdf$/);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
