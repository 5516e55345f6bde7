// The AI system impact assessment (6.1.4, A.5) in a real browser: started
// from the AI system's page, the five wizard steps with the method's scales,
// approval raising a risk for the high residual impact, and the assessment
// asking for a reassessment once the system moves to another life-cycle stage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const SCREENSHOT = screenshotPath('impact-assessment.png');
const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Lending' };

let e: E2e;
let orgId: string;
let systemId: string;
let headers: Record<string, string>;

describe('AI system impact assessment in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1100 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const setup = await res.json();
    orgId = setup.organizations[0].id;
    headers = { 'x-csrf-token': setup.csrfToken };
    const sys = await e.context.request.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      headers,
      data: {
        name: 'Credit scoring',
        purpose: 'Scores consumer loan applications for a first decision',
        intendedUse: 'Loan officers see the score and decide',
        foreseeableMisuse: 'Officers approve or refuse on the score alone',
        lifecycleStage: 'development',
        businessOwner: { userId: setup.user.id },
      },
    });
    expect(sys.status()).toBe(201);
    systemId = (await sys.json()).id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'walks the wizard from the AI system page to an approved assessment that raised a risk',
    async () => {
      await walk().catch(helpers(e, 'impact-assessment').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function choose(label: string, option: RegExp) {
  await e.page.getByRole('combobox', { name: label, exact: true }).click();
  await e.page.getByRole('option', { name: option }).click();
}

async function walk() {
  const { page } = e;
  const { heading, field, mark } = helpers(e, 'impact-assessment');

  // The AI system page offers to start its impact assessment
  await page.goto(`/orgs/${orgId}/inventory/${systemId}`);
  await heading('Credit scoring').waitFor();
  const card = page.getByRole('region', { name: 'Impact assessment' });
  await card.getByText('Not assessed yet').waitFor();
  await card.getByRole('link', { name: 'Start an impact assessment' }).click();
  await heading('New impact assessment').waitFor();

  // 1. System and context, taken from the inventory
  expect(await page.getByRole('combobox', { name: 'AI system' }).inputValue()).toBe('Credit scoring');
  expect(await field('Intended purpose').inputValue()).toBe('Scores consumer loan applications for a first decision');
  expect(await field('Context of use').inputValue()).toBe('Loan officers see the score and decide');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  mark('draft started');

  // 2. Who is affected
  const tags = (label: string) => page.getByRole('combobox', { name: label, exact: true });
  await tags('Individuals').fill('Loan applicants');
  await tags('Individuals').press('Enter');
  await tags('Groups of individuals').fill('Applicants from rural postcodes');
  await tags('Groups of individuals').press('Enter');
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // 3. A potential impact rated on the method's scales
  await page.getByRole('button', { name: '+ Add impact' }).click();
  await field('What could happen').fill('Applicants from rural postcodes are refused more often for the same income');
  await choose('Likelihood', /^4 · Likely/);
  await choose('Severity', /^4 · Major/);
  await page.getByText('Level before mitigation:').getByText('High · above threshold').waitFor();
  await page.getByRole('button', { name: 'Save and continue' }).click();

  // 4. Misuse (from the inventory) and what remains after mitigation
  expect(await field('Foreseeable misuse').inputValue()).toBe('Officers approve or refuse on the score alone');
  await field('Mitigations').fill('Monthly bias test by postcode; officers review every refusal');
  await choose('Residual likelihood', /^3 · Possible/);
  await choose('Residual severity', /^4 · Major/);
  await page.getByText('Residual level:').getByText('High · above threshold').waitFor();
  await page.getByRole('button', { name: 'Save and continue' }).click();
  mark('impacts rated');

  // 5. Review and approve: the assessor is whoever started it; the high residual impact will raise a risk
  expect(await page.getByRole('combobox', { name: 'Assessor' }).inputValue()).toBe('Ada Lead');
  await field('Next review').fill('2099-06-30');
  await page.getByText('Approving raises a risk in the risk register').waitFor();
  await page.mouse.move(0, 0);
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await heading('Impact assessment of Credit scoring').waitFor();
  await page.getByText('approved', { exact: true }).first().waitFor();
  const impacts = page.getByRole('table', { name: 'Potential impacts' });
  await impacts.getByRole('link', { name: 'Risk in the register' }).waitFor();
  mark('approved');

  // the risk is in the register, on this AI system, once
  const risks = await (await page.request.get(`/api/v1/orgs/${orgId}/risks?aiSystemId=${systemId}`)).json();
  expect(risks.items).toHaveLength(1);
  expect(risks.items[0].residualLevel).toBe('high');

  // The system moves to deployment: the assessment asks to be redone, and says why
  const moved = await page.request.patch(`/api/v1/orgs/${orgId}/ai-systems/${systemId}`, {
    headers,
    data: { lifecycleStage: 'deployment' },
  });
  expect(moved.status()).toBe(200);
  await page.goto(`/orgs/${orgId}/impact-assessments`);
  await heading('Impact assessments').waitFor();
  const row = page.getByRole('table', { name: 'Impact assessments' }).getByRole('row', { name: /Credit scoring/ });
  await row.getByText('Reassessment needed').waitFor();
  await row.getByText('Life-cycle stage changed from development to deployment').waitFor();
  await page.goto(`/orgs/${orgId}/inventory/${systemId}`);
  const card2 = page.getByRole('region', { name: 'Impact assessment' });
  await card2.getByText('Reassessment needed').waitFor();
  mark('reassessment asked for');

  // The reassessment starts from the approved one; approving it supersedes that one and raises no second risk
  await card2.getByRole('link', { name: 'Start a reassessment' }).click();
  await heading('Reassess an AI system').waitFor();
  expect(await field('AI system').inputValue()).toBe('Credit scoring');
  await page.getByRole('button', { name: 'Start the assessment' }).click();
  await page.getByRole('combobox', { name: 'Individuals', exact: true }).waitFor();
  await page.getByText('Loan applicants', { exact: true }).waitFor();
  await page.getByRole('button', { name: /Review & approve/ }).click();
  await field('Next review').fill('2099-12-31');
  await page.getByRole('button', { name: 'Approve', exact: true }).click();
  await heading('Impact assessment of Credit scoring').waitFor();
  const versions = page.getByRole('region', { name: 'Assessments of this AI system' });
  await versions.getByText('superseded').waitFor();
  await page.getByRole('region', { name: 'Approval' }).getByText('Next review: 2099-12-31').waitFor();
  const after = await (await page.request.get(`/api/v1/orgs/${orgId}/risks?aiSystemId=${systemId}`)).json();
  expect(after.items.map((r: { id: string }) => r.id)).toEqual(risks.items.map((r: { id: string }) => r.id));
  mark('reassessed');

  // A new assessment from the list searches the inventory and says the system already has one in force
  await page.goto(`/orgs/${orgId}/impact-assessments`);
  await page.getByRole('link', { name: 'New impact assessment' }).click();
  await heading('New impact assessment').waitFor();
  await page.getByRole('combobox', { name: 'AI system' }).fill('Credit');
  await page.getByRole('option', { name: 'Credit scoring' }).click();
  await page.getByText('This will be a reassessment').waitFor();
  expect(await field('Intended purpose').inputValue()).toBe('Scores consumer loan applications for a first decision');
}
