// The first-run journey in a real browser against the real server: setup,
// sign-out and sign-in, the organization profile, and step 1 (scope) from an
// empty draft to approved version 1. Any console error in the page fails it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

const TIMEOUT = 120_000;
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIR = path.join(ROOT, 'web', 'dist');
const SCREENSHOT = path.join(ROOT, 'docs', 'screenshot.png');
const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = path.join(ROOT, 'test', '.artifacts');

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', org: 'Acme Analytics' };

let dataDir: string;
let database: Database;
let app: FastifyInstance;
let baseUrl: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const consoleErrors: string[] = [];

function ensureWebBuild() {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

async function startServer() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openaims-e2e-'));
  const config = loadConfig({ dataDir, logLevel: 'silent', webDir: WEB_DIR, host: '127.0.0.1', port: 0 }, {});
  database = openDatabase({ dataDir });
  await migrateToLatest(database);
  app = await buildApp(database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

async function startBrowser() {
  // chromium.launch gives every run a fresh temporary profile (its own
  // --user-data-dir); Playwright refuses that flag in args for launch().
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    baseURL: baseUrl,
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
}

const heading = (name: string | RegExp) => page.getByRole('heading', { name, level: 1 });

/** On failure: where the page was, what it said, and a screenshot in test/.artifacts. */
async function explainFailure(err: unknown): Promise<never> {
  const url = page.url();
  // the accessibility tree: roles and names, as the test's locators see the page
  const text = (await page.locator('body').ariaSnapshot().catch(() => '')).slice(0, 4000);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, 'journey-failure.png'), fullPage: true }).catch(() => undefined);
  const message = err instanceof Error ? err.message : String(err);
  throw new Error(`${message}\n--- at ${url}\n--- console errors: ${JSON.stringify(consoleErrors)}\n--- page (accessibility tree):\n${text}`);
}

/** An input by its whole label; required inputs' labels end in " *". */
function field(label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

async function pickOption(label: string, nth: number, search: string, option: string) {
  const input = field(label).nth(nth);
  await input.click();
  await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('first-run journey in the browser', () => {
  beforeAll(async () => {
    ensureWebBuild();
    await startServer();
    await startBrowser();
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  }, TIMEOUT);

  it(
    'sets up, signs in, fills the profile and approves scope version 1',
    async () => {
      await journey().catch(explainFailure);
      expect(consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function journey() {
  const started = Date.now();
  const mark = (step: string) => console.log(`[e2e] ${step} at ${((Date.now() - started) / 1000).toFixed(1)} s`);

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
  await page.getByRole('button', { name: 'Sign in' }).click();
  await heading('Define scope').waitFor();
  mark('signed in');

  // The journey lists the 14 steps; an unbuilt step says so plainly
  await page.getByRole('link', { name: 'Gap assessment' }).click();
  await page.getByText('This step is not built yet in this version').waitFor();

  // 3. Organization profile
  await page.getByRole('link', { name: 'Organization profile' }).click();
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
  await page.getByRole('link', { name: 'Define scope' }).click();
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
  fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
  await page.screenshot({ path: SCREENSHOT });
}
