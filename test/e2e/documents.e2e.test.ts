// Document control in a real browser: the AI policy written from our
// template, edited with its preview, approved, changed into version 2 and
// compared line by line with version 1; a second member acknowledges the
// approved version and the count rises; on a phone the page does not scroll
// sideways.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const MEMBER = { name: 'Bo Reader', email: 'bo@example.com', password: 'another long passphrase here' };

let e: E2e;
let orgId: string;
let other: BrowserContext | undefined;

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/sign-in');
  await page.getByLabel(/^Email/).fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

describe('document control in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1100 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    const invited = await e.context.request.post(`/api/v1/orgs/${orgId}/members`, {
      headers: { 'x-csrf-token': body.csrfToken },
      data: { email: MEMBER.email, role: 'viewer' },
    });
    expect(invited.status()).toBe(202);
    // the member accepts from a browser of their own (creating the account), then signs out
    const browser = e.context.browser();
    if (!browser) throw new Error('no browser');
    const theirs = await browser.newContext({ baseURL: e.baseUrl });
    const token = (await invited.json()).acceptUrl.split('/invite/')[1];
    const accepted = await theirs.request.post(`/api/v1/invitations/${token}/accept`, {
      data: { name: MEMBER.name, password: MEMBER.password },
    });
    expect(accepted.status()).toBe(200);
    await theirs.close();
  }, TIMEOUT);
  afterAll(async () => {
    await other?.close();
    await e?.close();
  }, TIMEOUT);

  it(
    'writes the AI policy from the template, approves two versions, compares them and counts acknowledgements',
    async () => {
      const { page } = e;
      const h = helpers(e, 'documents');
      try {
        await page.goto(`/orgs/${orgId}/documents`);
        await h.heading('Documents').waitFor();
        const coreSet = page.getByRole('list', { name: 'Core documents' });
        const policyRow = coreSet.getByRole('listitem').filter({ hasText: 'AI policy' });
        await policyRow.getByText('Missing').waitFor();
        await policyRow.getByRole('button', { name: 'Start the AI policy' }).click();
        await page.getByRole('menuitem', { name: 'Write from template' }).click();
        const dialog = page.getByRole('dialog', { name: 'New document from a template' });
        expect(await dialog.getByRole('radio', { name: /^AI policy/ }).isChecked()).toBe(true);
        await dialog.getByRole('button', { name: 'Create the draft' }).click();
        await h.heading('AI policy').waitFor();
        h.mark('created from the template');

        // the draft, filled with the organization's name; edited with the preview beside it
        const text = page.getByRole('textbox', { name: 'Markdown' });
        await expect.poll(async () => (await text.inputValue()).includes(OWNER.orgName)).toBe(true);
        await text.fill(`${await text.inputValue()}\n\n## How we review this policy\n\nThe owner reviews it every year.\n`);
        const preview = page.getByRole('region', { name: 'Preview' });
        await preview.getByRole('heading', { name: 'How we review this policy' }).waitFor();
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.getByText(/^Draft saved\./).waitFor();
        await page.getByLabel('Note to the approvers').fill('Ready for the board meeting');
        await page.getByRole('button', { name: 'Submit for review' }).click();
        await page.getByText(/Draft in review since/).waitFor();

        await page.getByRole('button', { name: 'Approve…' }).click();
        await page.getByRole('dialog', { name: 'Approve version 1' }).getByRole('button', { name: 'Approve' }).click();
        await page.getByText(/^Version 1 approved by Ada Lead/).waitFor();
        h.mark('version 1 approved');

        // version 2 adds one line
        await text.fill(`${await text.inputValue()}Staff can raise concerns about any AI system with the owner.\n`);
        await page.getByLabel('Change note').fill('Concerns line added');
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.getByText(/^Draft saved\. Draft of version 2/).waitFor();
        await page.getByRole('button', { name: 'Approve…' }).click();
        await page.getByRole('dialog', { name: 'Approve version 2' }).getByRole('button', { name: 'Approve' }).click();
        await page.getByText(/^Version 2 approved by Ada Lead/).waitFor();
        h.mark('version 2 approved');

        // compare version 1 with version 2: the added line in green, nothing removed
        await page.getByLabel('Compare version').selectOption('1');
        await page.getByLabel('with version').selectOption('2');
        const added = page.locator('li[data-kind="add"]').filter({ hasText: 'Staff can raise concerns about any AI system' });
        await added.waitFor();
        expect(await added.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgba(0, 0, 0, 0)');
        await page.getByText('1 line added').waitFor();
        expect(await page.getByText('0 lines removed').isVisible()).toBe(true);
        // and the other way round it is a removal
        await page.getByLabel('Compare version').selectOption('2');
        await page.getByLabel('with version').selectOption('1');
        await page.locator('li[data-kind="remove"]').filter({ hasText: 'Staff can raise concerns' }).waitFor();
        await page.screenshot({ path: screenshotPath('document-compare.png'), fullPage: true });

        // acknowledgements: the owner first, then a second member
        await page.getByText('0 of 2 acknowledged version 2').waitFor();
        await page.getByRole('button', { name: 'I have read version 2' }).click();
        await page.getByText('1 of 2 acknowledged version 2').waitFor();
        const browser = e.context.browser();
        if (!browser) throw new Error('no browser');
        other = await browser.newContext({ baseURL: e.baseUrl, viewport: { width: 1280, height: 900 } });
        const bo = await other.newPage();
        await signIn(bo, MEMBER.email, MEMBER.password);
        await bo.goto(page.url());
        await bo.getByRole('heading', { name: 'AI policy', level: 1 }).waitFor();
        // a viewer reads the approved text, and cannot edit it
        expect(await bo.getByRole('textbox', { name: 'Markdown' }).count()).toBe(0);
        await bo.getByRole('heading', { name: 'How we review this policy' }).waitFor();
        await bo.getByRole('button', { name: 'I have read version 2' }).click();
        await bo.getByText('2 of 2 acknowledged version 2').waitFor();
        await page.reload();
        await page.getByText('2 of 2 acknowledged version 2').waitFor();
        h.mark('acknowledged by both');

        // the register lists it approved, at version 2
        await page.goto(`/orgs/${orgId}/documents`);
        const row = page.getByRole('row', { name: /AI policy/ });
        await row.getByText('Approved').waitFor();
        expect(await row.getByText('v2').isVisible()).toBe(true);
        await expect.poll(() => policyRow.getByText('Approved', { exact: true }).count()).toBe(1);
        await page.screenshot({ path: screenshotPath('documents.png'), fullPage: true });

        // a phone: the document page and the register stack, nothing scrolls sideways
        await page.setViewportSize({ width: 390, height: 844 });
        await row.getByRole('link', { name: 'AI policy' }).click();
        await h.heading('AI policy').waitFor();
        await page.getByRole('region', { name: 'Preview' }).waitFor();
        await page.screenshot({ path: screenshotPath('document-390.png') });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.goto(`/orgs/${orgId}/documents`);
        await h.heading('Documents').waitFor();
        await coreSet.waitFor();
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        ).toBeLessThanOrEqual(0);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );

  it(
    'uploads a signed PDF as a new document and edits its control data',
    async () => {
      const { page } = e;
      const h = helpers(e, 'documents-upload');
      try {
        await page.setViewportSize({ width: 1440, height: 1100 });
        await page.goto(`/orgs/${orgId}/documents`);
        await h.heading('Documents').waitFor();
        await page.getByRole('button', { name: 'Add a document' }).click();
        await page.getByRole('menuitem', { name: 'Upload' }).click();
        const dialog = page.getByRole('dialog', { name: 'Upload a document' });
        await dialog.getByLabel(/^Title/).fill('Signed AI use procedure');
        const chooser = page.waitForEvent('filechooser');
        await dialog.getByRole('button', { name: 'Choose the file' }).click();
        const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
        await (await chooser).setFiles({ name: 'ai-use-procedure-signed.pdf', mimeType: 'application/pdf', buffer: pdf });
        await dialog.getByText(/ai-use-procedure-signed\.pdf \(\d+ B\)/).waitFor();
        await dialog.getByRole('button', { name: 'Add the document' }).click();
        await h.heading('Signed AI use procedure').waitFor();
        // the draft is the file, with its download and fingerprint
        await page.getByRole('link', { name: 'ai-use-procedure-signed.pdf' }).waitFor();
        await page.getByText(/SHA-256 [0-9a-f]{12}/).waitFor();
        h.mark('uploaded');

        // control data: edited in place, saved with If-Match
        const control = page.getByRole('region', { name: 'Document control' });
        await control.getByRole('button', { name: 'Edit' }).click();
        await page.getByLabel('Review every (months)').fill('6');
        await page.getByRole('button', { name: 'Save', exact: true }).click();
        await control.getByText('6 months').waitFor();
        h.mark('control data saved');

        // the text instead of the file: tables render, raw HTML stays the text it is
        await page.getByRole('button', { name: 'Write the text here instead' }).click();
        await page
          .getByRole('textbox', { name: 'Markdown' })
          .fill(
            '# Use of AI\n\n| Step | Who |\n|---|---|\n| Ask | Requester |\n\n<img src=x onerror="window.__pwned=1"> <b>raw</b>\n',
          );
        const preview = page.getByRole('region', { name: 'Preview' });
        await preview.getByRole('cell', { name: 'Requester' }).waitFor();
        await preview.getByText('<b>raw</b>').waitFor();
        expect(await preview.locator('img, b, script').count()).toBe(0);
        expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
        await page.getByRole('button', { name: 'Save draft' }).click();
        await page.getByText(/^Draft saved\./).waitFor();

        // retired with a reason: read only from then on
        await page.getByRole('button', { name: 'Retire…' }).click();
        const retire = page.getByRole('dialog', { name: /^Retire DOC-/ });
        await retire.getByLabel(/^Reason/).fill('Replaced by the AI policy');
        await retire.getByRole('button', { name: 'Retire' }).click();
        await page.getByRole('alert', { name: 'Retired' }).getByText('Replaced by the AI policy').waitFor();
        await expect.poll(() => page.getByRole('textbox', { name: 'Markdown' }).count()).toBe(0);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );

  it(
    'with a second approver required, the author is told why they cannot approve their own draft',
    async () => {
      const { page } = e;
      const h = helpers(e, 'documents-second-approver');
      try {
        await page.setViewportSize({ width: 1440, height: 1100 });
        await page.goto(`/orgs/${orgId}/documents`);
        await h.heading('Documents').waitFor();
        const rule = page.getByRole('switch', { name: /Require a second approver/ });
        // the switch shows the stored rule: it turns on once the server has it
        await rule.click();
        await page.getByText('A second approver is now required').waitFor();
        await expect.poll(() => rule.isChecked()).toBe(true);
        await page
          .getByRole('row', { name: /AI policy/ })
          .getByRole('link', { name: 'AI policy' })
          .click();
        await h.heading('AI policy').waitFor();
        // the approved version as a Word file
        const download = page.waitForEvent('download');
        await page.getByRole('link', { name: 'DOCX', exact: true }).click();
        expect((await download).suggestedFilename()).toMatch(/\.docx$/);
        const text = page.getByRole('textbox', { name: 'Markdown' });
        await text.fill(`${await text.inputValue()}A third version.\n`);
        await page.getByRole('button', { name: 'Approve…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Approve version 3' });
        await dialog.getByRole('button', { name: 'Approve' }).click();
        await dialog.getByText(/requires a second approver/).waitFor();
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        // saved as a draft of version 3 on the way, not approved
        await page.getByText(/Draft of version 3, saved/).waitFor();
        expect(e.consoleErrors.filter((m) => !/40[03]/.test(m))).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
