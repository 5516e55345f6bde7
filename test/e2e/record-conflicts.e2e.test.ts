// Every editable record's form sends If-Match (issue 10, part 2): two
// browser contexts edit the same AI system and the second save opens the
// conflict dialog naming only the field that differs; "Reload theirs" then a
// new edit keeps both tabs' changes, "Overwrite with mine" saves over theirs
// knowingly. Then a supplier edit, a supplier review, the organization's risk
// settings, a gap answer and a certification audit (a form on the shared
// record-form hook), each changed by someone else while open, ask before
// saving and lose nothing.
import type { BrowserContext, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Conflicts' };

let e: E2e;
let orgId: string;
let other: BrowserContext;
let headers: Record<string, string>;
let systemId: string;
let supplierId: string;

async function api(method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, {
    headers,
    ...(data === undefined ? {} : { data }),
  });
  return { status: res.status(), body: await res.json().catch(() => null), etag: res.headers().etag };
}

describe('stale edits in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    headers = { 'x-csrf-token': body.csrfToken };
    const supplier = await api('post', '/suppliers', { name: 'Model vendor', kinds: ['api'], riskRating: 'low' });
    expect(supplier.status).toBe(201);
    supplierId = supplier.body.id;
    // owners and a supplier link: fields the form holds differently from the API, which must not show as changed
    const system = await api('post', '/ai-systems', {
      name: 'Support assistant',
      purpose: 'Initial purpose.',
      businessOwner: { userId: body.user.id },
      technicalOwner: { name: 'Grace Ops', email: 'grace@example.com' },
      suppliers: [{ supplierId, dependency: 'api' }],
      tags: ['support'],
    });
    expect(system.status).toBe(201);
    systemId = system.body.id;
    const browser = e.context.browser();
    if (!browser) throw new Error('no browser');
    // another tab of the same signed-in user
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
    'two tabs editing one AI system: the second save asks, and nothing is lost',
    async () => {
      await twoTabs().catch(helpers(e, 'record-conflicts-ai-system').explainFailure);
      expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a supplier edit, a supplier review, the risk settings and a gap answer changed meanwhile ask before saving',
    async () => {
      await otherRecords().catch(helpers(e, 'record-conflicts-others').explainFailure);
      expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a register form on the shared record-form hook (a certification audit) asks too, and "Reload theirs" keeps both edits',
    async () => {
      await auditConflict().catch(helpers(e, 'record-conflicts-audit').explainFailure);
      expect(e.consoleErrors.filter((m) => !m.includes('409'))).toEqual([]);
    },
    TIMEOUT,
  );
});

const system = async () => (await api('get', `/ai-systems/${systemId}`)).body;
const purposeOf = (page: Page) => page.getByLabel(/^Purpose$/);
const conflictDialog = (page: Page) => page.getByRole('dialog', { name: 'Changed by someone else' });
/** The dialog's rows of differing fields, as "Field|Yours|Theirs". */
async function differences(page: Page) {
  const rows = conflictDialog(page).getByRole('table', { name: 'Differences' }).getByRole('row');
  await rows.nth(1).waitFor();
  const cells = await rows.evaluateAll((trs) =>
    trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join('|')),
  );
  return cells;
}

async function openEdit(page: Page, purpose: string) {
  await page.goto(`/orgs/${orgId}/inventory/${systemId}/edit`);
  await page.getByRole('heading', { name: 'Edit Support assistant', level: 1 }).waitFor();
  await expect.poll(() => purposeOf(page).inputValue()).toBe(purpose);
}

async function saveSystem(page: Page) {
  await page.getByRole('button', { name: 'Save changes' }).click();
}

async function twoTabs() {
  const { mark } = helpers(e, 'record-conflicts-ai-system');
  const a = e.page;
  const b = await other.newPage();
  b.setDefaultTimeout(15_000);
  const opened = await system();
  await openEdit(a, 'Initial purpose.');
  await openEdit(b, 'Initial purpose.');
  mark('both tabs edit the system');

  // A saves first, with the version it opened on
  const patches: Request[] = [];
  a.on('request', (r) => {
    if (r.method() === 'PATCH' && r.url().endsWith(`/ai-systems/${systemId}`)) patches.push(r);
  });
  await purposeOf(a).fill('Purpose from tab A.');
  await saveSystem(a);
  await a.waitForURL(new RegExp(`/inventory/${systemId}$`));
  expect(await patches[0].headerValue('if-match')).toBe(`W/"${opened.updatedAt}"`);
  expect((await system()).purpose).toBe('Purpose from tab A.');

  // B still holds the copy from before: its save is a conflict naming only the purpose
  await purposeOf(b).fill('Purpose from tab B.');
  await saveSystem(b);
  await conflictDialog(b).waitFor();
  expect(await differences(b)).toEqual(['Purpose|Purpose from tab B.|Purpose from tab A.']);
  expect((await system()).purpose).toBe('Purpose from tab A.');
  await b.screenshot({ path: screenshotPath('ai-system-conflict.png') });
  mark('the second save opened the conflict dialog');

  // "Reload theirs": B shows A's purpose and edits on from it; both changes are kept
  await conflictDialog(b)
    .getByRole('button', { name: /Reload theirs/ })
    .click();
  await conflictDialog(b).waitFor({ state: 'hidden' });
  await expect.poll(() => purposeOf(b).inputValue()).toBe('Purpose from tab A.');
  await b.getByLabel(/^Monitoring method$/).fill('Weekly sample review from tab B.');
  await saveSystem(b);
  await b.waitForURL(new RegExp(`/inventory/${systemId}$`));
  expect(await system()).toMatchObject({
    purpose: 'Purpose from tab A.',
    monitoringMethod: 'Weekly sample review from tab B.',
    technicalOwner: { name: 'Grace Ops', email: 'grace@example.com' },
    suppliers: [{ supplierId, dependency: 'api' }],
    tags: ['support'],
  });
  mark('reload theirs kept both edits');

  // both open again; B saves, then A's save asks and A overwrites knowingly
  await openEdit(a, 'Purpose from tab A.');
  await openEdit(b, 'Purpose from tab A.');
  await purposeOf(b).fill('Second purpose from tab B.');
  await saveSystem(b);
  await b.waitForURL(new RegExp(`/inventory/${systemId}$`));
  await purposeOf(a).fill('Second purpose from tab A.');
  await saveSystem(a);
  await conflictDialog(a).waitFor();
  expect(await differences(a)).toEqual(['Purpose|Second purpose from tab A.|Second purpose from tab B.']);
  await conflictDialog(a).getByRole('button', { name: 'Overwrite with mine' }).click();
  await a.waitForURL(new RegExp(`/inventory/${systemId}$`));
  expect((await system()).purpose).toBe('Second purpose from tab A.');
  // the history holds B's change too: overwritten by choice, not lost without a word
  const history = (await api('get', `/ai-systems/${systemId}/history`)).body.items as { after: { purpose?: string } }[];
  expect(history.map((h) => h.after?.purpose)).toContain('Second purpose from tab B.');
  await b.close();
  mark('overwrite with mine');
}

async function otherRecords() {
  const { page } = e;
  const { mark, field } = helpers(e, 'record-conflicts-others');
  const supplier = async () => (await api('get', `/suppliers/${supplierId}`)).body;

  // Supplier edit: someone changes the description while the form is open
  await page.goto(`/orgs/${orgId}/suppliers/${supplierId}/edit`);
  await page.getByRole('heading', { name: 'Edit Model vendor', level: 1 }).waitFor();
  await field('Description').fill('Hosts our language model.');
  expect((await api('patch', `/suppliers/${supplierId}`, { description: 'Their description.' })).status).toBe(200);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await conflictDialog(page).waitFor();
  expect(await differences(page)).toEqual(['Description|Hosts our language model.|Their description.']);
  expect((await supplier()).description).toBe('Their description.');
  await conflictDialog(page).getByRole('button', { name: 'Overwrite with mine' }).click();
  await page.waitForURL(new RegExp(`/suppliers/${supplierId}$`));
  expect((await supplier()).description).toBe('Hosts our language model.');
  mark('supplier edit');

  // Supplier review: someone rates the supplier while the review is being written
  await page.goto(`/orgs/${orgId}/suppliers/${supplierId}/review`);
  await page.getByRole('heading', { name: 'Review Model vendor', level: 1 }).waitFor();
  const groups = page.getByRole('radiogroup');
  await expect.poll(() => groups.count()).toBe(6);
  for (let i = 0; i < 6; i++) await groups.nth(i).getByRole('radio', { name: 'Yes', exact: true }).check();
  expect((await api('patch', `/suppliers/${supplierId}`, { riskRating: 'high' })).status).toBe(200);
  await page.getByRole('button', { name: 'Record review' }).click();
  await conflictDialog(page).waitFor();
  expect((await differences(page)).find((d) => d.startsWith('Risk rating|'))).toBe('Risk rating|low|high');
  expect((await api('get', `/suppliers/${supplierId}/reviews`)).body.items).toEqual([]);
  // "Reload theirs" takes the current rating and keeps the answers; recording then goes through
  await conflictDialog(page)
    .getByRole('button', { name: /Reload theirs/ })
    .click();
  await conflictDialog(page).waitFor({ state: 'hidden' });
  await page.getByRole('button', { name: 'Record review' }).click();
  await page.waitForURL(new RegExp(`/suppliers/${supplierId}$`));
  const reviews = (await api('get', `/suppliers/${supplierId}/reviews`)).body.items;
  expect(reviews).toHaveLength(1);
  expect(reviews[0]).toMatchObject({ riskRating: 'high', answers: { dataLocation: { answer: 'yes' } } });
  mark('supplier review');

  // Risk settings: someone changes the review interval while the profile is open
  await page.goto(`/orgs/${orgId}/profile`);
  const interval = page.getByLabel(/^Review interval \(days\)$/);
  await expect.poll(() => interval.inputValue()).toBe('365');
  await interval.fill('200');
  expect((await api('put', '/settings', { reviewIntervalDays: 100, riskScale: ['low', 'medium', 'high'] })).status).toBe(200);
  await page.getByRole('button', { name: 'Save risk scale and interval' }).click();
  await conflictDialog(page).waitFor();
  expect(await differences(page)).toEqual(['Review interval days|200|100']);
  await conflictDialog(page)
    .getByRole('button', { name: /Reload theirs/ })
    .click();
  await expect.poll(() => interval.inputValue()).toBe('100');
  expect((await api('get', '/settings')).body.reviewIntervalDays).toBe(100);
  mark('risk settings');

  // Gap answer: someone answers 4.1 while the assessor writes notes on it
  const assessment = await api('post', '/gap-assessments', { title: 'Baseline', assessmentDate: '2026-11-01', assessor: 'Ada' });
  expect(assessment.status).toBe(201);
  const answerUrl = `/gap-assessments/${assessment.body.id}/answers/4.1`;
  await page.goto(`/orgs/${orgId}/gap-assessment/${assessment.body.id}/answer?req=4.1`);
  const form = page.getByRole('form', { name: 'Answer to 4.1' });
  await form.getByRole('radio', { name: 'Partially implemented', exact: true }).check();
  await form.getByLabel(/^Notes/).fill('Context reviewed by the board.');
  expect((await api('put', answerUrl, { status: 'implemented', notes: 'Their notes.' })).status).toBe(200);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await conflictDialog(page).waitFor();
  expect(await differences(page)).toEqual([
    'Status|Partially implemented|Implemented',
    'Notes|Context reviewed by the board.|Their notes.',
  ]);
  const current = async () =>
    (await api('get', `/gap-assessments/${assessment.body.id}`)).body.answers.find(
      (a: { requirementId: string }) => a.requirementId === '4.1',
    );
  expect((await current()).notes).toBe('Their notes.');
  await conflictDialog(page).getByRole('button', { name: 'Overwrite with mine' }).click();
  await conflictDialog(page).waitFor({ state: 'hidden' });
  await expect.poll(async () => (await current()).notes).toBe('Context reviewed by the board.');
  expect((await current()).status).toBe('partial');
  mark('gap answer');
}

async function auditConflict() {
  const { mark } = helpers(e, 'record-conflicts-audit');
  const page = e.page;
  const created = await api('post', '/certification-audits', {
    type: 'stage-1',
    plannedStart: '2027-02-01',
    plannedEnd: '2027-02-02',
    notes: 'Remote audit.',
  });
  expect(created.status).toBe(201);
  const auditUrl = `/certification-audits/${created.body.id}`;
  await page.goto(`/orgs/${orgId}${auditUrl}/edit`);
  await page.getByRole('heading', { name: `Edit ${created.body.number}`, level: 1 }).waitFor();
  const notes = page.getByLabel(/^Notes/);
  await expect.poll(() => notes.inputValue()).toBe('Remote audit.');
  // someone moves the audit's last day while the form is open
  expect((await api('patch', auditUrl, { plannedEnd: '2027-02-03' })).status).toBe(200);
  await notes.fill('Remote audit; the lead auditor asked for the risk register in advance.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await conflictDialog(page).waitFor();
  // the fields that differ: theirs moved the end, mine changed the notes
  expect((await differences(page)).sort()).toEqual([
    'Notes|Remote audit; the lead auditor asked for the risk register in advance.|Remote audit.',
    'Planned end|2027-02-02|2027-02-03',
  ]);
  expect((await api('get', auditUrl)).body.notes).toBe('Remote audit.');
  await conflictDialog(page)
    .getByRole('button', { name: /Reload theirs/ })
    .click();
  await conflictDialog(page).waitFor({ state: 'hidden' });
  await expect.poll(() => notes.inputValue()).toBe('Remote audit.');
  await notes.fill('Remote audit; risk register sent ahead.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.waitForURL(new RegExp(`${auditUrl}$`));
  expect((await api('get', auditUrl)).body).toMatchObject({
    plannedEnd: '2027-02-03',
    notes: 'Remote audit; risk register sent ahead.',
  });
  mark('certification audit');
}
