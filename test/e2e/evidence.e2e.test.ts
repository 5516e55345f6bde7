// Evidence in a real browser: upload a file against A.6.2.6 through the Add
// evidence form and see that control's coverage rise on the dashboard; link
// an item to an AI system and a risk, edit its validity, and see the links by
// name on its page, and record a risk itself as evidence, all at phone width
// without sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;
let csrfToken: string;

async function post(path: string, data: unknown) {
  const res = await e.context.request.post(`/api/v1/orgs/${orgId}${path}`, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status(), await res.text()).toBe(201);
  return res.json();
}

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('evidence in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
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

  it(
    'links evidence to an AI system and a risk, edits its validity and shows the links by name',
    async () => {
      const { page } = e;
      const h = helpers(e, 'evidence-links');
      try {
        const system = await post('/ai-systems', { name: 'Support chatbot', inScope: true });
        const risk = await post('/risks', {
          title: 'Chat gives wrong refund rules',
          aiSystemIds: [system.id],
          sourceCategory: 'robustness',
          inherentLikelihood: 2,
          inherentImpact: 2,
        });

        await page.goto(`/orgs/${orgId}/evidence/new`);
        await h.heading('Add evidence').waitFor();
        await page.getByRole('radiogroup').getByText('Link', { exact: true }).click();
        await h.field('Address').fill('https://example.com/red-team-report');
        await h.field('Title').fill('Chatbot red-team report');
        await h.field('AI systems').first().fill('Support');
        await page.getByRole('option', { name: 'Support chatbot' }).click();
        await page.keyboard.press('Escape');
        await h.field('Risks').first().fill('refund');
        await page.getByRole('option', { name: new RegExp(`^${risk.number} Chat gives wrong refund rules`) }).click();
        await page.keyboard.press('Escape');
        await page.getByRole('button', { name: 'Add evidence' }).click();
        await h.heading('Chatbot red-team report').waitFor();

        // the links read as names and open their records
        const systemLink = page.getByRole('link', { name: 'Support chatbot' });
        expect(await systemLink.getAttribute('href')).toBe(`/orgs/${orgId}/inventory/${system.id}`);
        const riskLink = page.getByRole('link', { name: `${risk.number} Chat gives wrong refund rules` });
        expect(await riskLink.getAttribute('href')).toBe(`/orgs/${orgId}/risks/${risk.id}`);
        await page.getByText(/no end date/).waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);

        await page.getByRole('link', { name: 'Edit' }).click();
        await h.heading('Edit Chatbot red-team report').waitFor();
        // the form opens on the item's links, by name
        await page.getByText('Support chatbot').first().waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        // someone else changes the item meanwhile: the save is refused (If-Match) and the conflict shows
        const editedId = page.url().split('/evidence/')[1].split('/')[0];
        const theirs = await e.context.request.patch(`/api/v1/orgs/${orgId}/evidence/${editedId}`, {
          data: { description: 'Reviewed by the board' },
          headers: { 'x-csrf-token': csrfToken },
        });
        expect(theirs.status()).toBe(200);
        await h.field('Valid until').fill('2027-06-30');
        await page.getByRole('button', { name: 'Save changes' }).click();
        const dialog = page.getByRole('dialog', { name: 'Changed by someone else' });
        await dialog.getByText('Reviewed by the board').waitFor();
        await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
        await h.heading('Chatbot red-team report').waitFor();
        await page.getByText(/valid until .*2027/).waitFor();
        await page.getByRole('link', { name: 'Support chatbot' }).waitFor();

        const saved = await (await e.context.request.get(`/api/v1/orgs/${orgId}/evidence?aiSystemId=${system.id}`)).json();
        expect(saved.items.map((i: { validUntil: string }) => i.validUntil)).toEqual(['2027-06-30']);
        await page.screenshot({ path: screenshotPath('evidence-links.png'), fullPage: false });

        // evidence that is another record: the risk, picked from its register
        await page.goto(`/orgs/${orgId}/evidence/new`);
        await h.heading('Add evidence').waitFor();
        await page.getByRole('radiogroup').getByText('Record', { exact: true }).click();
        await page.getByRole('combobox', { name: 'Register' }).click();
        await page.getByRole('option', { name: 'Risk', exact: true }).click();
        await page.getByRole('combobox', { name: 'Record' }).fill('refund');
        await page.getByRole('option', { name: /Chat gives wrong refund rules/ }).click();
        await page.getByRole('button', { name: 'Add evidence' }).click();
        await page.getByText('Record:').waitFor();
        const recordLink = page.getByRole('link', { name: /Chat gives wrong refund rules/ }).first();
        expect(await recordLink.getAttribute('href')).toBe(`/orgs/${orgId}/risks/${risk.id}`);

        // an archived item opens read-only: no way to save, and no Edit on its page
        const id = saved.items[0].id;
        const archived = await e.context.request.post(`/api/v1/orgs/${orgId}/evidence/${id}/archive`, {
          headers: { 'x-csrf-token': csrfToken },
        });
        expect(archived.status()).toBe(200);
        await page.goto(`/orgs/${orgId}/evidence/${id}/edit`);
        await page.getByText('This evidence is archived').waitFor();
        expect(await page.getByRole('button', { name: 'Save changes' }).count()).toBe(0);
        expect(await h.field('Valid until').isDisabled()).toBe(true);
        await page.goto(`/orgs/${orgId}/evidence/${id}`);
        await page.getByText('Archived', { exact: true }).waitFor();
        expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
        // the refused save's 409 is the browser's own log line, expected here
        expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
