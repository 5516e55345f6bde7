// The scope's AI systems linked to the inventory in a real browser: systems
// recorded through the API (two in scope, one out of scope, one archived),
// then in the scope editor one entry linked by keyboard from the inventory
// search (its name and description filled from the record), a free-text
// entry of the same name as an in-scope system linked and the remaining
// in-scope system appended by "Add in-scope systems from inventory". The
// draft is saved, the page reloaded, and the links are still there, in the
// page and in the API's draft.
import type { APIRequestContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const FORECAST = { name: 'Acme Forecast model', purpose: 'Predicts weekly retail demand for customer planners.', inScope: true };
const SUPPORT = { name: 'Support reply assistant', purpose: 'Suggests replies to customer support tickets.', inScope: true };
const HR = { name: 'HR screening pilot', purpose: 'Ranks job applications for recruiters.', inScope: false };
const ARCHIVED = { name: 'Legacy chatbot', purpose: 'The retired website chatbot.', inScope: true };

let e: E2e;
let orgId: string;
let csrfToken: string;
const ids: Record<string, string> = {};

async function createSystem(request: APIRequestContext, body: { name: string; purpose: string; inScope: boolean }) {
  const res = await request.post(`/api/v1/orgs/${orgId}/ai-systems`, { data: body, headers: { 'x-csrf-token': csrfToken } });
  expect(res.status()).toBe(201);
  return (await res.json()).id as string;
}

describe('scope AI systems linked to the inventory in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    // set up through the API; the browser context shares the session cookie
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
    for (const system of [FORECAST, SUPPORT, HR, ARCHIVED]) ids[system.name] = await createSystem(e.context.request, system);
    const archived = await e.context.request.post(`/api/v1/orgs/${orgId}/ai-systems/${ids[ARCHIVED.name]}/archive`, {
      headers: { 'x-csrf-token': csrfToken },
    });
    expect(archived.status()).toBe(200);
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'links entries to inventory records, saves the draft and keeps the links after a reload',
    async () => {
      await scopeLinks().catch(helpers(e, 'scope-links').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function scopeLinks() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'scope-links');
  const section = page.getByRole('region', { name: 'Which AI systems are covered?' });
  const record = (nth: number) => section.getByRole('combobox', { name: 'Inventory record', exact: true }).nth(nth);
  const names = section.getByRole('textbox', { name: /^AI system name/ });

  await page.goto(`/orgs/${orgId}/scope`);
  await heading('Define scope').waitFor();
  await page
    .getByLabel('Boundary statement')
    .fill('The AI management system covers the AI systems Acme Analytics builds and runs.');

  // 1. A first entry, linked by keyboard: search, arrow to the record, Enter
  await section.getByRole('button', { name: '+ Add AI system' }).click();
  await record(0).focus();
  await record(0).pressSequentially('legacy');
  // an archived record is not offered
  await page.getByText('No AI system in the inventory matches').waitFor();
  await record(0).fill('');
  await record(0).pressSequentially('forecast');
  const option = page.getByRole('option', { name: /^Acme Forecast model/ });
  // the earlier matches stay listed until the server has answered this search
  await expect.poll(() => page.getByRole('option').count()).toBe(1);
  await option.waitFor();
  await record(0).press('ArrowDown');
  await record(0).press('Enter');
  await option.waitFor({ state: 'detached' });
  expect(await record(0).inputValue()).toBe(FORECAST.name);
  expect(await names.nth(0).inputValue()).toBe(FORECAST.name);
  expect(await section.getByRole('textbox', { name: 'What it does and who uses it' }).nth(0).inputValue()).toBe(FORECAST.purpose);
  const forecastLink = section.getByRole('link', { name: `View ${FORECAST.name} in the inventory` });
  expect(await forecastLink.getAttribute('href')).toBe(`/orgs/${orgId}/inventory/${ids[FORECAST.name]}`);
  mark('first entry linked');

  // 2. A free-text entry of an in-scope system's name, then the inventory's in-scope systems brought in:
  // that entry is linked rather than listed twice, the forecast (already linked) is left alone
  await section.getByRole('button', { name: '+ Add AI system' }).click();
  await names.nth(1).fill('support reply assistant');
  await section.getByRole('button', { name: 'Add in-scope systems from inventory' }).click();
  await section.getByRole('status').getByText('Linked 1 entry of the same name to the inventory.', { exact: false }).waitFor();
  expect(await names.count()).toBe(2);
  expect(await record(1).inputValue()).toBe(SUPPORT.name);
  // what the person typed is kept; the empty description is filled from the record
  expect(await names.nth(1).inputValue()).toBe('support reply assistant');
  expect(await section.getByRole('textbox', { name: 'What it does and who uses it' }).nth(1).inputValue()).toBe(SUPPORT.purpose);

  // ...and a system newly marked in scope is appended as a linked entry
  const hrInScope = await e.context.request.patch(`/api/v1/orgs/${orgId}/ai-systems/${ids[HR.name]}`, {
    data: { inScope: true },
    headers: { 'x-csrf-token': csrfToken },
  });
  expect(hrInScope.status()).toBe(200);
  await section.getByRole('button', { name: 'Add in-scope systems from inventory' }).click();
  await section.getByRole('status').getByText('Added 1 AI system from the inventory.', { exact: false }).waitFor();
  expect(await names.count()).toBe(3);
  expect(await names.nth(2).inputValue()).toBe(HR.name);
  expect(await record(2).inputValue()).toBe(HR.name);
  await section.getByRole('button', { name: 'Add in-scope systems from inventory' }).click();
  await section.getByRole('status').getByText('Every AI system the inventory marks in scope is already listed.').waitFor();
  expect(await names.count()).toBe(3);
  mark('in-scope systems brought in');

  // 3. Save, reload: the links are kept in the editor, the statement side and the API's draft
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.getByText('Draft saved.', { exact: false }).waitFor();
  await page.reload();
  await heading('Define scope').waitFor();
  await forecastLink.waitFor();
  // each linked record's name shows once it has loaded
  for (const [i, name] of [FORECAST.name, SUPPORT.name, HR.name].entries()) {
    await expect.poll(() => record(i).inputValue()).toBe(name);
  }
  expect(await names.nth(1).inputValue()).toBe('support reply assistant');
  const inInventory = page.getByRole('list', { name: 'AI systems covered that are in the inventory' });
  await inInventory.waitFor();
  expect(await inInventory.getByRole('listitem').count()).toBe(3);
  await page.getByText('All 3 AI systems covered are in the inventory.').waitFor();
  mark('links kept after reload');

  const scope = await e.context.request.get(`/api/v1/orgs/${orgId}/scope`);
  expect(scope.status()).toBe(200);
  const draft = (await scope.json()).draft;
  expect(draft.content.aiSystems.map((a: { name: string; aiSystemId: string | null }) => [a.name, a.aiSystemId])).toEqual([
    [FORECAST.name, ids[FORECAST.name]],
    ['support reply assistant', ids[SUPPORT.name]],
    [HR.name, ids[HR.name]],
  ]);

  // 4. Unlinking by keyboard and saving (Ctrl+S) sends aiSystemId null; the name and description stay
  await section.getByRole('button', { name: `Unlink ${HR.name} from the inventory` }).press('Enter');
  expect(await record(2).inputValue()).toBe('');
  expect(await names.nth(2).inputValue()).toBe(HR.name);
  await page.keyboard.press('Control+s');
  await page.getByText('Draft saved.', { exact: false }).waitFor();
  await page.getByText('2 of 3 AI systems covered are linked to the inventory.').waitFor();
  const after = (await (await e.context.request.get(`/api/v1/orgs/${orgId}/scope`)).json()).draft;
  expect(after.content.aiSystems[2]).toEqual({ name: HR.name, description: HR.purpose, aiSystemId: null });
  expect(after.content.aiSystems[0].aiSystemId).toBe(ids[FORECAST.name]);

  // the link leads to the system's page
  await forecastLink.click();
  await heading(FORECAST.name).waitFor();
  mark('link followed');
}
