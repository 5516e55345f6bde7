// Two browser contexts edit the same scope draft (issue 10, part 2): the
// second save is not taken over the first without a word; the conflict dialog
// names the field that differs with both values; "Reload theirs" shows the
// saved text (mine discarded by choice), "Overwrite with mine" saves mine
// over theirs by choice, and the other tab then learns of that in turn.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Nimbus' };

let e: E2e;
let orgId: string;
let other: BrowserContext;
let headers: Record<string, string>;

const CONTENT = {
  boundaryStatement: 'Initial boundary.',
  aiSystems: [],
  productsAndServices: [],
  departments: [],
  siteIds: [],
  internalAiTools: { included: true, notes: '' },
  customerFacingAiFeatures: { included: false, notes: '' },
  thirdPartyAiSystems: { included: false, notes: '', vendors: [] },
  countriesOrBusinessUnits: [],
  exclusions: [],
  interestedParties: [],
  issues: [],
};

describe('two tabs editing one scope draft', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const request = e.context.request;
    const res = await request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    headers = { 'x-csrf-token': body.csrfToken };
    const draft = await request.put(`/api/v1/orgs/${orgId}/scope/draft`, { headers, data: { content: CONTENT } });
    expect(draft.status()).toBe(200);
    // a second browser context with the same signed-in session: another tab, another window
    const browser = e.context.browser();
    if (!browser) throw new Error('no browser');
    other = await browser.newContext({
      baseURL: e.baseUrl,
      viewport: { width: 1440, height: 1000 },
      locale: 'en-US',
      timezoneId: 'UTC',
      storageState: await e.context.storageState(),
    });
  }, TIMEOUT);

  afterAll(async () => {
    await other?.close();
    await e?.close();
  }, TIMEOUT);

  it(
    'shows the conflict and loses nothing without the user saying so',
    async () => {
      await twoTabs().catch(helpers(e, 'scope-conflict').explainFailure);
      expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
    },
    TIMEOUT,
  );
});

async function savedBoundary() {
  const r = await e.context.request.get(`/api/v1/orgs/${orgId}/scope`);
  return (await r.json()).draft.content.boundaryStatement as string;
}

async function open(page: Page) {
  await page.goto(`/orgs/${orgId}/scope`);
  await page.getByRole('heading', { name: 'Define scope', level: 1 }).waitFor();
  const boundary = page.getByLabel(/^Boundary statement( \*)?$/);
  await expect.poll(() => boundary.inputValue()).toBe('Initial boundary.');
  return boundary;
}

async function save(page: Page) {
  await page.getByRole('button', { name: 'Save draft' }).click();
}

async function twoTabs() {
  const { mark } = helpers(e, 'scope-conflict');
  const a = e.page;
  const b = await other.newPage();
  b.setDefaultTimeout(15_000);
  const boundaryA = await open(a);
  const boundaryB = await open(b);
  mark('both tabs show the draft');

  await boundaryA.fill('Boundary from tab A.');
  await save(a);
  await a.getByText('Draft saved.').waitFor();
  expect(await savedBoundary()).toBe('Boundary from tab A.');

  // tab B still holds the copy from before A's save: its save is a conflict, not a silent win
  await boundaryB.fill('Boundary from tab B.');
  await save(b);
  let dialog = b.getByRole('dialog', { name: 'Changed by someone else' });
  await dialog.waitFor();
  const row = dialog.getByRole('row', { name: /Boundary statement/ });
  await expect.poll(() => row.textContent()).toContain('Boundary from tab B.');
  expect(await row.textContent()).toContain('Boundary from tab A.');
  expect(await savedBoundary()).toBe('Boundary from tab A.');
  mark('the second save opened the conflict dialog');

  // "Reload theirs": B now shows A's text; nothing was written
  await dialog.getByRole('button', { name: /Reload theirs/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(() => boundaryB.inputValue()).toBe('Boundary from tab A.');
  expect(await savedBoundary()).toBe('Boundary from tab A.');
  mark('reload theirs');

  // A saves again; B edits from the reloaded copy, which is stale again
  await boundaryA.fill('Second text from tab A.');
  await save(a);
  await expect.poll(savedBoundary).toBe('Second text from tab A.');
  await boundaryB.fill('Second text from tab B.');
  await save(b);
  dialog = b.getByRole('dialog', { name: 'Changed by someone else' });
  await dialog.waitFor();
  expect(await dialog.getByRole('row', { name: /Boundary statement/ }).textContent()).toContain('Second text from tab A.');
  expect(await savedBoundary()).toBe('Second text from tab A.');

  // "Overwrite with mine": B's text is saved, knowingly
  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await expect.poll(savedBoundary).toBe('Second text from tab B.');
  await b.getByText('Draft saved.').waitFor();
  mark('overwrite with mine');

  // and now A's copy is the stale one: its next save asks too
  await boundaryA.fill('Third text from tab A.');
  await save(a);
  const dialogA = a.getByRole('dialog', { name: 'Changed by someone else' });
  await dialogA.waitFor();
  expect(await dialogA.getByRole('row', { name: /Boundary statement/ }).textContent()).toContain('Second text from tab B.');
  expect(await savedBoundary()).toBe('Second text from tab B.');
  await dialogA.getByRole('button', { name: /Reload theirs/ }).click();
  await expect.poll(() => boundaryA.inputValue()).toBe('Second text from tab B.');
  mark('the other tab learns of the overwrite');
}
