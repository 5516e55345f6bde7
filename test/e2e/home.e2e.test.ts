// The organization's home page in a real browser: an organization prepared
// through the API (approved scope, gap assessment half answered, inventory
// with flags), then the page's step states and reasons, the next actions in
// order, the sidebar's check marks, and one next action followed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/catalogue/index.js';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const HALF = REQUIREMENTS.length / 2;

let e: E2e;
let orgId: string;
let csrf: string;

async function api(method: 'post' | 'put' | 'get', path: string, data?: unknown) {
  const res = await e.context.request[method](`/api/v1/orgs/${orgId}${path}`, {
    ...(data === undefined ? {} : { data }),
    headers: { 'x-csrf-token': csrf },
  });
  return { status: res.status(), body: await res.json().catch(() => null) };
}

/** Approves the scope draft, giving a reason for each open warning when approval asks for one. */
async function approveScope() {
  const first = await api('post', '/scope/draft/approve', {});
  if (first.status !== 400) return first;
  const draft = (await api('get', '/scope')).body.draft;
  const exceptions = draft.checks
    .filter((c: { severity: string }) => c.severity === 'warning')
    .map((c: { code: string; field: string }) => ({ code: c.code, field: c.field, reason: 'Accepted for the test' }));
  return api('post', '/scope/draft/approve', { exceptions });
}

describe('home page in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1300 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrf = body.csrfToken;
    const content = {
      boundaryStatement: 'The Acme Forecast demand prediction service and its support chatbot',
      aiSystems: [],
      productsAndServices: [],
      departments: [],
      siteIds: [],
      internalAiTools: { included: null, notes: '' },
      customerFacingAiFeatures: { included: null, notes: '' },
      thirdPartyAiSystems: { included: null, notes: '', vendors: [] },
      countriesOrBusinessUnits: [],
      exclusions: [],
      interestedParties: [],
      issues: [],
    };
    expect((await api('put', '/scope/draft', { content })).status).toBe(200);
    expect((await approveScope()).status).toBe(200);
    const assessment = await api('post', '/gap-assessments', { title: 'Baseline', assessmentDate: '2026-11-01' });
    for (const req of REQUIREMENTS.slice(0, HALF)) {
      expect(
        (await api('put', `/gap-assessments/${assessment.body.id}/answers/${req.id}`, { status: 'implemented' })).status,
      ).toBe(200);
    }
    for (const name of ['Support chatbot', 'Demand forecast'])
      expect((await api('post', '/ai-systems', { name })).status).toBe(201);
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'shows each step state with its reason, the next actions in order and the sidebar check marks',
    async () => {
      await home().catch(helpers(e, 'home').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function home() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'home');
  await page.goto(`/orgs/${orgId}`);
  await heading(OWNER.orgName).waitFor();

  const step = (id: string) => page.locator(`li[data-step="${id}"]`);
  await step('scope')
    .getByText(/^Scope v1 approved on \d{4}-\d{2}-\d{2}$/)
    .waitFor();
  expect(await step('scope').getAttribute('data-state')).toBe('done');
  await step('scope').getByText('Done', { exact: true }).waitFor();
  expect(await step('gap-assessment').getAttribute('data-state')).toBe('in-progress');
  await step('gap-assessment').getByText(`${HALF} of ${REQUIREMENTS.length} requirements answered in “Baseline”`).waitFor();
  expect(await step('ai-system-inventory').getAttribute('data-state')).toBe('in-progress');
  await step('ai-system-inventory').getByText('2 AI systems; 8 inventory flags to resolve').waitFor();
  expect(await step('internal-audit').getAttribute('data-state')).toBe('not-started');
  await step('internal-audit').getByText('No internal audit planned yet').waitFor();
  expect(await step('stage-1-audit').getAttribute('data-state')).toBe('not-started');
  await step('stage-1-audit').getByText('No Stage 1 audit planned yet').waitFor();
  mark('step states');

  const next = page.getByRole('region', { name: 'Next best actions' });
  // allTextContents() does not wait: poll until the list is drawn
  await expect
    .poll(() => next.getByRole('link').allTextContents())
    .toEqual([
      `Answer the gap assessment's remaining ${REQUIREMENTS.length - HALF} requirements`,
      'Give owners to 2 AI systems',
      'Give risk ratings to 2 AI systems',
      'Describe how 2 AI systems are monitored',
      'Review 2 AI systems not reviewed within the review interval',
    ]);
  // every member starts with the seven starting trainings to take, as one item
  await page.getByRole('region', { name: 'Due for you' }).getByRole('link', { name: 'Take 7 required trainings' }).waitFor();
  await page
    .getByRole('region', { name: 'Recent changes' })
    .getByRole('link', { name: 'AI system “Demand forecast” added' })
    .waitFor();

  // the sidebar: a check on the done step only
  const sidebar = page.getByRole('navigation', { name: 'Certification journey' });
  await sidebar.getByRole('link', { name: 'Define scope (done)' }).waitFor();
  expect(await sidebar.getByRole('link', { name: /\(done\)$/ }).count()).toBe(1);
  expect(await sidebar.getByRole('link', { name: 'Define scope (done)' }).textContent()).toContain('✓');
  expect(await sidebar.getByRole('link', { name: 'Gap assessment', exact: true }).getAttribute('data-state')).toBe('in-progress');
  await page.screenshot({ path: screenshotPath('home.png'), fullPage: true });
  mark('next actions and sidebar');

  // a next action goes to the page that does it
  await next.getByRole('link', { name: 'Give owners to 2 AI systems' }).click();
  await heading('AI system inventory').waitFor();
  expect(new URL(page.url()).search).toBe('?missing=owner');
  mark('followed a next action');
}
