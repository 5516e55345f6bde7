// Shared set-up of the browser tests: the real app on a fresh SQLite data
// dir serving the built web app, and Chromium (OPENAIMS_CHROMIUM) driven by
// playwright-core. Every console error in the page is collected; a failure
// reports where the page was and what it showed.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { buildApp } from '../../src/app.js';
import { loadConfig, resolveChromiumPath } from '../../src/platform/config/config.js';
import { type Database, openDatabase } from '../../src/platform/db/db.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';

export const TIMEOUT = 120_000;
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIR = path.join(ROOT, 'web', 'dist');
/** OPENAIMS_CHROMIUM, else the platform's usual Chromium: the same setting the PDF reports use. */
const CHROMIUM = resolveChromiumPath();
const ARTIFACTS = path.join(ROOT, 'test', '.artifacts');
const DOCS = path.join(ROOT, 'docs');

/**
 * Where the tests' screenshots go: a temporary folder, so `npm test` leaves
 * the tracked docs/*.png alone. `npm run screenshots` sets
 * OPENAIMS_SCREENSHOTS_DIR=docs to refresh the README's pictures.
 */
export const SCREENSHOTS_DIR = process.env.OPENAIMS_SCREENSHOTS_DIR
  ? path.resolve(ROOT, process.env.OPENAIMS_SCREENSHOTS_DIR)
  : path.join(os.tmpdir(), 'openaims-screenshots');

export function screenshotPath(file: string): string {
  fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  return path.join(SCREENSHOTS_DIR, file);
}

export interface E2e {
  baseUrl: string;
  page: Page;
  context: BrowserContext;
  consoleErrors: string[];
  close(): Promise<void>;
}

function ensureWebBuild() {
  if (fs.existsSync(path.join(WEB_DIR, 'index.html'))) return;
  execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
}

async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openaims-e2e-'));
  const config = loadConfig(
    { dataDir, logLevel: 'silent', webDir: WEB_DIR, host: '127.0.0.1', port: 0, chromiumPath: CHROMIUM },
    {},
  );
  const database: Database = openDatabase({ dataDir });
  await migrateToLatest(database);
  const app: FastifyInstance = await buildApp(database, config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { dataDir, database, app, baseUrl: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
}

async function startBrowser(baseUrl: string, viewport: { width: number; height: number }) {
  // chromium.launch gives every run a fresh temporary profile (its own
  // --user-data-dir); Playwright refuses that flag in args for launch().
  const browser: Browser = await chromium.launch({
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
  const context = await browser.newContext({
    viewport,
    baseURL: baseUrl,
    locale: 'en-US',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  // A test that names docs/<file>.png gets SCREENSHOTS_DIR/<file>.png instead.
  const screenshot = page.screenshot.bind(page);
  page.screenshot = (options = {}) =>
    screenshot(
      options.path && path.dirname(path.resolve(options.path)) === DOCS
        ? { ...options, path: screenshotPath(path.basename(options.path)) }
        : options,
    );
  return { browser, context, page };
}

/** The app on a fresh database and a browser page pointed at it. */
export async function startE2e(viewport = { width: 1440, height: 900 }): Promise<E2e> {
  ensureWebBuild();
  const server = await startServer();
  const { browser, context, page } = await startBrowser(server.baseUrl, viewport);
  const consoleErrors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') consoleErrors.push(`console: ${msg.text()} (${msg.location().url})`);
  });
  page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
  return {
    baseUrl: server.baseUrl,
    page,
    context,
    consoleErrors,
    close: async () => {
      await browser.close();
      await server.app.close();
      await server.database.close();
      fs.rmSync(server.dataDir, { recursive: true, force: true });
    },
  };
}

/** Locators and reports that read the page as a person (and a screen reader) would. */
export function helpers(e: E2e, name: string) {
  const { page } = e;
  const started = Date.now();
  return {
    heading: (text: string | RegExp) => page.getByRole('heading', { name: text, level: 1 }),

    /**
     * A sidebar link by its whole name (a done step's ends in " (done)"): the
     * home page repeats the steps' names in its own links, so a bare
     * getByRole('link', { name }) may match two.
     */
    navLink(name: string) {
      const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return page.getByRole('navigation').getByRole('link', { name: new RegExp(`^${escaped}( \\(done\\))?$`) });
    },

    /** An input by its whole label; required inputs' labels end in " *". */
    field(label: string) {
      const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return page.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
    },

    mark: (step: string) => console.log(`[e2e ${name}] ${step} at ${((Date.now() - started) / 1000).toFixed(1)} s`),

    /** On failure: where the page was, what it said, and a screenshot in test/.artifacts. */
    async explainFailure(err: unknown): Promise<never> {
      const url = page.url();
      // the accessibility tree: roles and names, as the test's locators see the page
      const text = (
        await page
          .locator('body')
          .ariaSnapshot()
          .catch(() => '')
      ).slice(0, 4000);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-failure.png`), fullPage: true }).catch(() => undefined);
      const message = err instanceof Error ? err.message : String(err);
      throw new Error(
        `${message}\n--- at ${url}\n--- console errors: ${JSON.stringify(e.consoleErrors)}\n--- page (accessibility tree):\n${text}`,
      );
    },
  };
}
