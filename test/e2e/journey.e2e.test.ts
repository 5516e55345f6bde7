// The first-run journey in a real browser against the real server: setup,
// sign-out and sign-in, the organization profile, and step 1 (scope) from an
// empty draft to approved version 1. Any console error in the page fails it.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const SCREENSHOT = screenshotPath('screenshot.png');
const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', org: 'Acme Analytics' };

let e: E2e;

describe('first-run journey in the browser', () => {
  beforeAll(async () => {
    e = await startE2e();
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'sets up, signs in, fills the profile and approves scope version 1',
    async () => {
      await journey().catch(helpers(e, 'journey').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'ships the sign-in page with under 250 KB of JavaScript, gzipped',
    async () => {
      // a fresh context: nothing cached, no session
      const browser = e.context.browser();
      if (!browser) throw new Error('no browser');
      const context = await browser.newContext({ baseURL: e.baseUrl });
      try {
        const page = await context.newPage();
        const bodies: Promise<{ url: string; gzipped: number }>[] = [];
        page.on('response', (res) => {
          const type = res.headers()['content-type'] ?? '';
          if (res.request().resourceType() === 'script' || type.includes('javascript')) {
            bodies.push(res.body().then((b) => ({ url: res.url(), gzipped: gzipSync(b).length })));
          }
        });
        await page.goto('/sign-in');
        await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
        await page.waitForLoadState('networkidle');
        const scripts = await Promise.all(bodies);
        const total = scripts.reduce((n, s) => n + s.gzipped, 0);
        console.log(`first-load JS: ${(total / 1024).toFixed(1)} KB gzipped in ${scripts.length} files`);
        expect(scripts.length).toBeGreaterThan(0);
        expect(total).toBeLessThan(250 * 1024);
      } finally {
        await context.close();
      }
    },
    TIMEOUT,
  );
});

async function journey() {
  const { page } = e;
  const { heading, field, mark, navLink } = helpers(e, 'journey');
  const pickOption = async (label: string, nth: number, search: string, option: string) => {
    const input = field(label).nth(nth);
    await input.click();
    await input.fill(search);
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  // 1. First run: a fresh install goes to setup
  await page.goto('/');
  await heading('Set up OpenAIMS').waitFor();
  await field('Your name').fill(OWNER.name);
  await field('Email').fill(OWNER.email);
  await field('Password').fill(OWNER.password);
  await field('Organization name').fill(OWNER.org);
  await page.getByRole('button', { name: 'Create account and organization' }).click();
  await heading('Organization profile').waitFor();
  mark('setup done');

  // 2. Sign out and back in
  await page.getByRole('button', { name: `Account: ${OWNER.name}` }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await heading('Sign in').waitFor();
  await field('Email').fill(OWNER.email);
  await field('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // sign-in lands on the organization's home: where it stands and what to do next
  await heading(OWNER.org).waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/orgs\/[0-9a-f-]{36}$/);
  await page.getByRole('region', { name: 'Next best actions' }).waitFor();
  mark('signed in');

  // The journey lists the 14 steps, each leading to its page
  await navLink('Choose certification body').click();
  await heading('Certification bodies').waitFor();

  // 3. Organization profile
  await navLink('Organization profile').click();
  await heading('Organization profile').waitFor();
  await field('Legal name').fill('Acme Analytics GmbH');
  await pickOption('Country of registration', 0, 'Germany', 'Germany (DE)');
  await field('Number of employees').fill('120');
  await field('Sector').fill('Software as a service');
  await page.getByRole('checkbox', { name: 'AI provider' }).check();
  await page.getByRole('checkbox', { name: 'AI producer (developer)' }).check();
  await page.getByRole('button', { name: '+ Add site' }).click();
  await field('Site name').fill('Berlin HQ');
  await field('Site address').fill('Friedrichstraße 1\n10117 Berlin');
  await pickOption('Site country', 0, 'Germany', 'Germany (DE)');
  await page.getByRole('button', { name: '+ Add certification' }).click();
  await field('Standard').selectOption('ISO/IEC 27001');
  await field('Certificate number').fill('ISMS-2024-0117');
  await field('Certification body').fill('Example Cert GmbH');
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByText(/^Saved /).waitFor();
  mark('profile saved');

  // 4. Scope: a first draft without exclusions...
  await navLink('Define scope').click();
  await heading('Define scope').waitFor();
  await page
    .getByLabel('Boundary statement')
    .fill(
      'The AI management system covers the design, development and operation of the Acme Forecast demand prediction service and its AI features, delivered from the Berlin headquarters.',
    );
  await page.getByRole('button', { name: '+ Add AI system' }).click();
  await field('AI system name').fill('Acme Forecast model');
  await field('What it does and who uses it').fill('Predicts weekly retail demand for customer planners.');
  await page.getByRole('button', { name: '+ Add product or service' }).click();
  await field('Product or service name').fill('Acme Forecast SaaS');
  await page.getByRole('checkbox', { name: /Berlin HQ/ }).check();
  await page.getByRole('radiogroup', { name: 'Internal AI tools' }).getByLabel('Excluded from scope').check();
  await page.getByRole('radiogroup', { name: 'Customer-facing AI features' }).getByLabel('Included in scope').check();
  await page.getByRole('radiogroup', { name: 'Third-party AI systems' }).getByLabel('Excluded from scope').check();
  await page.getByRole('button', { name: '+ Add interested party' }).click();
  await field('Interested party').fill('Retail customers');
  await field('Their requirements').fill('Accurate, explainable forecasts; notice of model changes.');
  await page.getByRole('button', { name: '+ Add issue' }).click();
  await field('Issue').fill('EU AI Act obligations for providers');
  await field('Effect on the AIMS').fill('Transparency and record-keeping duties shape the controls.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  const exclusionCheck = page.getByText('Nothing is listed as outside the scope', { exact: false });
  await exclusionCheck.waitFor();
  mark('first draft saved');

  // ...then an exclusion with its justification makes that check disappear
  await page.getByRole('button', { name: '+ Add exclusion' }).click();
  await field('Excluded item').fill('Internal HR chatbot pilot');
  await field('Justification').fill('A time-boxed pilot with no personal data; reviewed again before any rollout.');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await exclusionCheck.waitFor({ state: 'detached' });
  await page.getByText('Outside the scope', { exact: false }).first().waitFor();
  mark('second draft saved, check gone');

  // 5. Approve with a note: version 1 is approved in the history
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve version 1' });
  await dialog.getByLabel('Approval note').fill('Approved in the AI governance board meeting.');
  await dialog.getByRole('button', { name: 'Approve', exact: true }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const history = page.getByRole('table', { name: 'Scope versions' });
  const row = history.getByRole('row', { name: /Version 1/ });
  await row.getByText('approved', { exact: true }).waitFor();
  await row.getByText(OWNER.name).waitFor();
  mark('approved');

  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(0, 0);
  await page.screenshot({ path: SCREENSHOT });
}
