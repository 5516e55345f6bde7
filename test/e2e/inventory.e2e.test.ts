// Journey step 3 in a real browser: an organization set up through the API,
// then the import wizard (a dry run that lists a bad row's error by row and
// field, then a good file), the inventory's summary counts and its flagged
// duplicate, the merge, and the kept system's history showing it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyContent } from '../support/fixtures.js';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const SCREENSHOT = screenshotPath('inventory.png');
const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };

const HEADER =
  'Name,Business owner,Technical owner,Purpose,User impact,Data used,Supplier dependency,Risk level,Monitoring method,Kind';
const GOOD_ROWS = [
  'ChatGPT Enterprise,Ada Lead,IT platform team,Drafting and summarising internal documents,internal,internal documents;emails,OpenAI (platform),medium,Monthly sample review of outputs,third-party-saas',
  'chatgpt-enterprise,,,Drafting and summarising internal documents,internal,,OpenAI,,,third-party-saas',
  'Acme Forecast model,Ada Lead,ML platform team,Predicts weekly retail demand for customer planners,customer-facing;decision-support,sales history,,high,Weekly accuracy dashboard and drift alerts,own-model',
  'Support reply assistant,Ada Lead,Support tooling team,Suggests replies to customer support tickets,customer-facing,support tickets,Anthropic (api),medium,,product-feature',
];
// the same file with one impossible risk level on its third line (row 3, the header being row 1)
const BAD_ROWS = GOOD_ROWS.map((r, i) => (i === 1 ? r.replace(',,,third-party-saas', ',extreme,,third-party-saas') : r));

let e: E2e;
let orgId: string;
let dir: string;

describe('AI system inventory in the browser', () => {
  beforeAll(async () => {
    // a window tall enough for the whole inventory in its screenshot
    e = await startE2e({ width: 1440, height: 1200 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openaims-e2e-files-'));
    // set up through the API; the browser context shares the session cookie
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'imports a CSV through the wizard, flags the duplicate and merges it',
    async () => {
      await inventory().catch(helpers(e, 'inventory').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

/** Drafts and approves a scope naming these AI systems, through the API (open warnings accepted with a reason). */
async function approveScopeNaming(names: string[]) {
  const request = e.page.request;
  const { csrfToken } = await (await request.get('/api/v1/session')).json();
  const headers = { 'x-csrf-token': csrfToken };
  const draft = await request.put(`/api/v1/orgs/${orgId}/scope/draft`, {
    headers,
    data: { content: { ...emptyContent(), aiSystems: names.map((name) => ({ name, description: '', aiSystemId: null })) } },
  });
  expect(draft.status()).toBe(200);
  const url = `/api/v1/orgs/${orgId}/scope/draft/approve`;
  let res = await request.post(url, { headers, data: {} });
  if (res.status() === 400) {
    const exceptions = (((await res.json()).errors ?? []) as { message: string }[]).flatMap((err) => {
      const m = /open check "([^"]+)" on ([^:]+):/.exec(err.message);
      return m ? [{ code: m[1], field: m[2], reason: 'Accepted in the browser test' }] : [];
    });
    res = await request.post(url, { headers, data: { exceptions } });
  }
  expect(res.status()).toBe(200);
}

function csv(name: string, rows: string[]) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${[HEADER, ...rows].join('\n')}\n`);
  return file;
}

async function inventory() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'inventory');

  // The journey's step 3 is the inventory, empty at first
  await page.goto(`/orgs/${orgId}/scope`);
  await heading('Define scope').waitFor();
  await page.getByRole('link', { name: 'AI system inventory' }).click();
  await heading('AI system inventory').waitFor();
  await page.getByText('No AI systems recorded yet').waitFor();
  await page.getByRole('link', { name: 'Import a spreadsheet or CycloneDX file' }).click();
  await heading('Import AI systems').waitFor();
  mark('import wizard open');

  // 1. A dry run of a file with a bad row lists its error by row and field; nothing can be imported
  await page.locator('input[type="file"]').setInputFiles(csv('inventory-bad.csv', BAD_ROWS));
  await page.getByRole('button', { name: 'Check file' }).click();
  const errors = page.getByRole('table', { name: 'Import errors' });
  await errors.waitFor();
  const badRow = errors.getByRole('row').filter({ hasText: 'Risk level' });
  expect(await badRow.getByRole('cell').first().textContent()).toBe('3');
  await badRow.getByText(/extreme/).waitFor();
  expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
  mark('bad file rejected in the dry run');

  // 2. The good file: the mapping shows where each column goes; then import
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.locator('input[type="file"]').setInputFiles(csv('inventory.csv', GOOD_ROWS));
  await page.getByRole('button', { name: 'Check file' }).click();
  await page.getByText('Ready to import').waitFor();
  const mapping = page.getByRole('table', { name: 'Column mapping' });
  await mapping.getByRole('row', { name: /Supplier dependency\s+Supplier dependency/ }).waitFor();
  await page.getByRole('button', { name: 'Import 4 AI systems' }).click();
  await page.getByText('4 AI systems created').waitFor();
  mark('imported');

  // 3. The inventory opens with its counts: four systems, one likely duplicate
  await page.getByRole('link', { name: 'Open the inventory' }).click();
  await heading('AI system inventory').waitFor();
  const summary = page.getByRole('region', { name: 'Inventory summary' });
  await summary.getByRole('button', { name: '4 AI systems' }).waitFor();
  await summary.getByRole('button', { name: '1 Likely duplicates' }).waitFor();
  const table = page.getByRole('table', { name: 'AI systems' });
  await table.getByRole('link', { name: 'Support reply assistant' }).waitFor();
  await table
    .getByRole('row', { name: /Support reply assistant/ })
    .getByText('No monitoring')
    .waitFor();

  // a count filters the table to what it counts
  await summary.getByRole('button', { name: '1 Not risk-rated' }).click();
  await table.getByRole('link', { name: 'Acme Forecast model' }).waitFor({ state: 'detached' });
  expect(await table.getByRole('link').allTextContents()).toEqual(['chatgpt-enterprise']);
  await summary.getByRole('button', { name: '4 AI systems' }).click();
  await table.getByRole('link', { name: 'Acme Forecast model' }).waitFor();
  mark('summary and filters');

  // both records of the likely duplicate carry the flag in the list
  for (const name of ['ChatGPT Enterprise', 'chatgpt-enterprise'])
    await table
      .getByRole('row')
      .filter({ has: page.getByRole('link', { name, exact: true }) })
      .getByText('Possible duplicate')
      .waitFor();

  const duplicates = page.getByRole('region', { name: 'Likely duplicates' });
  await duplicates.getByText(/^Same name/).waitFor();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: SCREENSHOT });

  // 4. Merge, keeping "ChatGPT Enterprise"
  await duplicates.getByRole('button', { name: /^Merge/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Merge likely duplicates' });
  await dialog.getByRole('radio', { name: 'Keep ChatGPT Enterprise' }).check();
  await dialog.getByRole('button', { name: 'Merge into “ChatGPT Enterprise”' }).click();
  await dialog.waitFor({ state: 'detached' });
  await duplicates.waitFor({ state: 'detached' });
  await summary.getByRole('button', { name: '3 AI systems' }).waitFor();
  await table.getByRole('link', { name: 'chatgpt-enterprise' }).waitFor({ state: 'detached' });
  mark('merged');

  // 5. The kept system's history shows the merge
  await page.getByRole('status').getByRole('link', { name: 'ChatGPT Enterprise' }).click();
  await heading('ChatGPT Enterprise').waitFor();
  const history = page.getByRole('region', { name: 'Change history' });
  await history.getByText('Merged “chatgpt-enterprise” into this record').waitFor();
  await history.getByText('“chatgpt-enterprise” merged into this record and archived').waitFor();
  mark('history shows the merge');

  // 5b. A named business owner (not a member) with an optional email, shown beside the name
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  const form = page.getByRole('form', { name: 'Edit ChatGPT Enterprise' });
  await form.getByRole('combobox', { name: 'Business owner' }).fill('Priya Shah');
  await form.getByRole('textbox', { name: 'Business owner email' }).fill('priya@example.com');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await heading('ChatGPT Enterprise').waitFor();
  const mail = page.getByRole('link', { name: 'priya@example.com' });
  expect(await mail.getAttribute('href')).toBe('mailto:priya@example.com');
  mark('named owner with an email');

  // 5c. The approved scope names a system the inventory lacks: the summary counts it, and adding it starts from its name
  await approveScopeNaming(['Support reply assistant', 'Sales lead scorer']);
  await page.goto(`/orgs/${orgId}/inventory`);
  await heading('AI system inventory').waitFor();
  await summary.getByRole('button', { name: '1 Named in scope, not in the inventory' }).click();
  const gaps = page.getByRole('dialog', { name: 'Named in scope, not in the inventory' });
  await gaps.getByText('Sales lead scorer').waitFor();
  await gaps.getByRole('link', { name: 'Add Sales lead scorer to inventory' }).click();
  await heading('Add an AI system').waitFor();
  const newForm = page.getByRole('form', { name: 'New AI system' });
  expect(await newForm.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Sales lead scorer');
  await newForm.getByRole('button', { name: 'Add AI system' }).click();
  await heading('Sales lead scorer').waitFor();
  await page.goto(`/orgs/${orgId}/inventory`);
  await summary.getByRole('button', { name: '0 Named in scope, not in the inventory' }).waitFor();
  mark('scope names missing from the inventory, added from the list');

  // 6. The supplier register lists the imported suppliers; one is archived from its row, after a confirmation
  await page.goto(`/orgs/${orgId}/suppliers`);
  await heading('Suppliers').waitFor();
  const suppliers = page.getByRole('table', { name: 'Suppliers' });
  await suppliers.getByRole('link', { name: 'OpenAI' }).waitFor();
  await suppliers.getByRole('button', { name: 'Archive Anthropic' }).click();
  const confirm = page.getByRole('dialog', { name: 'Archive “Anthropic”?' });
  await confirm.getByRole('button', { name: 'Archive', exact: true }).click();
  await confirm.waitFor({ state: 'detached' });
  await suppliers.getByRole('link', { name: 'Anthropic' }).waitFor({ state: 'detached' });
  // the box follows the address, which changes a moment after the click
  await page.getByRole('checkbox', { name: 'Show archived' }).click();
  await suppliers
    .getByRole('row', { name: /Anthropic/ })
    .getByText('archived', { exact: true })
    .waitFor();
  mark('supplier archived from the register');
}
