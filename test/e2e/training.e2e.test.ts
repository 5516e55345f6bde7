// Training in a real browser, at phone width: a missing cell of the matrix
// opens "Record completion" for that person and topic, and once recorded the
// cell reads Complete; the matrix scrolls inside its frame, never the page.
// A CSV with an unknown email is checked first and every problem is listed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

let e: E2e;
let orgId: string;

const sideways = () => e.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('training in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'records a completion from a missing matrix cell and the cell turns Complete',
    async () => {
      const { page } = e;
      const h = helpers(e, 'training');
      try {
        await page.goto(`/orgs/${orgId}/training`);
        await h.heading('Training and competence').waitFor();
        const cellName = 'Ada Lead, TRN-001 AI systems in scope';
        const missing = page.getByRole('button', { name: `${cellName}: Missing. Record completion` });
        await missing.waitFor();
        // the matrix scrolls inside its frame: the page itself never scrolls sideways
        expect(await sideways()).toBeLessThanOrEqual(0);
        await missing.click();
        const dialog = page.getByRole('dialog', { name: 'Record completion' });
        await dialog.waitFor();
        // prefilled with the person and the topic of the cell
        expect(await dialog.getByLabel(/^Person/).inputValue()).toBe('Ada Lead');
        expect(
          await dialog
            .getByLabel(/^Topic/)
            .first()
            .inputValue(),
        ).toBe('TRN-001 AI systems in scope');
        await dialog.getByRole('button', { name: 'Record completion' }).click();
        await dialog.waitFor({ state: 'hidden' });
        const complete = page.getByRole('link', { name: `${cellName}: Complete` });
        await complete.waitFor();
        expect(await complete.textContent()).toBe('Complete');
        // the next topic is still missing
        await page.getByRole('button', { name: 'Ada Lead, TRN-002 Our AI policy: Missing. Record completion' }).waitFor();
        await page.getByText('1 of 7 required topics done').waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.screenshot({ path: screenshotPath('training-matrix.png'), fullPage: false });

        // a team set on the person shows in the per-team totals
        await page.getByRole('button', { name: 'Change team of Ada Lead' }).click();
        const teamDialog = page.getByRole('dialog', { name: 'Team of Ada Lead' });
        await teamDialog.getByLabel('Team').fill('Customer Support');
        await teamDialog.getByRole('button', { name: 'Save team' }).click();
        await teamDialog.waitFor({ state: 'hidden' });
        await page.getByRole('table', { name: 'Training by team' }).getByRole('cell', { name: 'Customer Support' }).waitFor();

        // the record is in the list, with its derived expiry a year on
        await page.goto(`/orgs/${orgId}/training/records`);
        await h.heading('Training records').waitFor();
        await page.getByText('TRN-001 AI systems in scope').first().waitFor();
        await page.getByText('Current').first().waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);

        // the topics, one topic with its history, and the criteria fit the phone too
        await page.goto(`/orgs/${orgId}/training/topics`);
        await h.heading('Training topics').waitFor();
        await page.getByRole('link', { name: /TRN-007 Keeping evidence/ }).click();
        await h.heading('Keeping evidence').waitFor();
        await page.getByText('Who must take it:').waitFor();
        await page.getByRole('heading', { name: 'Change history' }).waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        await page.goto(`/orgs/${orgId}/training/competence`);
        await h.heading('Competence criteria').waitFor();
        expect(await sideways()).toBeLessThanOrEqual(0);
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );

  it(
    'checks a CSV first and lists every bad row by row and column, importing nothing',
    async () => {
      const { page } = e;
      const h = helpers(e, 'training-import');
      try {
        await page.goto(`/orgs/${orgId}/training/records/import`);
        await h.heading('Import training records').waitFor();
        await h
          .field('CSV')
          .fill(
            ['email,topic,completed_on', 'ada@example.com,TRN-002,2026-01-15', 'ghost@example.com,TRN-003,2026-01-15'].join('\n'),
          );
        await page.getByRole('button', { name: 'Check' }).click();
        const problems = page.getByRole('table', { name: 'Problems found' });
        await problems.waitFor();
        const row = problems.getByRole('row').nth(1);
        expect(await row.textContent()).toContain('3');
        expect(await row.textContent()).toContain('email');
        expect(await row.textContent()).toContain('no member with this email');
        expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
        expect(await sideways()).toBeLessThanOrEqual(0);

        // fixed: the check passes and the import writes both rows
        await h.field('CSV').fill(['email,topic,completed_on', 'ada@example.com,TRN-002,2026-01-15'].join('\n'));
        await page.getByRole('button', { name: 'Check' }).click();
        await page.getByRole('button', { name: 'Import 1 record' }).click();
        await page.getByText('1 training record imported.').waitFor();
        await page.goto(`/orgs/${orgId}/training`);
        await page.getByRole('link', { name: 'Ada Lead, TRN-002 Our AI policy: Complete' }).waitFor();
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );

  it(
    'adds a topic through its form, then edits it, and the edit is saved on the version it opened',
    async () => {
      const { page } = e;
      const h = helpers(e, 'training-topic');
      try {
        await page.goto(`/orgs/${orgId}/training/topics/new`);
        await h.field('Title').fill('Prompt injection awareness');
        await h.field('What it covers').fill('How hostile input steers a model, and what to report.');
        await page.getByRole('button', { name: 'Add topic' }).click();
        await page.waitForURL(/\/training\/topics\/[0-9a-f-]{36}$/);
        const topicId = page.url().split('/').pop();
        await page.goto(`/orgs/${orgId}/training/topics/${topicId}/edit`);
        await expect.poll(() => h.field('Title').inputValue()).toBe('Prompt injection awareness');
        const edits: string[] = [];
        page.on('request', (r) => {
          if (r.method() === 'PATCH' && r.url().endsWith(`/trainings/${topicId}`)) edits.push(r.headers()['if-match'] ?? '');
        });
        await h.field('Title').fill('Prompt injection and data leakage');
        await page.getByRole('button', { name: 'Save changes' }).click();
        await page.waitForURL(new RegExp(`/training/topics/${topicId}$`));
        expect(edits).toHaveLength(1);
        expect(edits[0]).toMatch(/^W\/"/);
        const saved = await e.context.request.get(`/api/v1/orgs/${orgId}/trainings/${topicId}`);
        expect((await saved.json()).title).toBe('Prompt injection and data leakage');
        expect(e.consoleErrors).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
