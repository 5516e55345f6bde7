// A control many risks rely on, in a real browser: the SoA row lists the
// first 20 risks and "and N more", which opens the risk register filtered by
// the control (GET /risks?controlId=), listing every one of them.
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

describe('a control with many linked risks in the Statement of Applicability', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1600, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    csrfToken = body.csrfToken;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'lists 20 risks on the row and links "and 2 more" to the register filtered by the control',
    async () => {
      await manyRisks().catch(helpers(e, 'soa-linked-risks').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function manyRisks() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'soa-linked-risks');
  const system = await post('/ai-systems', { name: 'CV screening', inScope: true });
  const numbers: string[] = [];
  for (let i = 0; i < 22; i++) {
    const risk = await post('/risks', {
      title: `Risk ${i}`,
      aiSystemIds: [system.id],
      sourceCategory: 'fairness',
      inherentLikelihood: 3,
      inherentImpact: 3,
    });
    await post(`/risks/${risk.id}/actions`, { title: 'Re-validate', controlIds: ['A.6.2.6'] });
    numbers.push(risk.number);
  }
  // one more risk, treated with another control: the filtered register leaves it out
  const other = await post('/risks', {
    title: 'Unrelated risk',
    aiSystemIds: [system.id],
    sourceCategory: 'fairness',
    inherentLikelihood: 3,
    inherentImpact: 3,
  });
  await post(`/risks/${other.id}/actions`, { title: 'Log', controlIds: ['A.6.2.8'] });
  mark('22 risks rely on A.6.2.6');

  await page.goto(`/orgs/${orgId}/soa`);
  await heading('Statement of Applicability').waitFor();
  const a626 = page.getByRole('table', { name: 'Statement of Applicability' }).locator('tr[data-control="A.6.2.6"]');
  await a626.getByRole('link', { name: numbers[0] }).waitFor();
  expect(await a626.getByRole('link', { name: /^R-\d+$/ }).count()).toBe(20);
  expect(await a626.getByRole('link', { name: numbers[21] }).count()).toBe(0);
  const more = a626.getByRole('link', { name: 'All 22 risks relying on A.6.2.6' });
  expect(await more.textContent()).toBe('and 2 more');
  await more.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('soa-linked-risks.png') });
  mark('20 listed and 2 more');

  await more.click();
  await heading('AI risks').waitFor();
  expect(new URL(page.url()).searchParams.get('controlId')).toBe('A.6.2.6');
  await page.getByText('Showing the risks whose treatment relies on A.6.2.6.').waitFor();
  await page.getByText('22 risks shown (filtered)').waitFor();
  await page.getByRole('link', { name: `${numbers[21]} Risk 21` }).waitFor();
  expect(await page.getByText('Unrelated risk').count()).toBe(0);
  mark('the register lists them all');
  await page.screenshot({ path: screenshotPath('risks-by-control.png') });
}
