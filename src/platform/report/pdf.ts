import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { resolveChromiumPath } from '../config/config.js';
import { AppError } from '../http/errors.js';
import { renderHtml } from './html.js';
import type { Report } from './model.js';
import { DEFAULT_PDF_LIMITS, type PdfLimits, PdfQueue } from './pdf-queue.js';
import { importPackage } from '../packages.js';

// PDFs are the report's HTML page printed by Chromium: one renderer for screen
// and paper. Chromium is the system's: the config's chromiumPath, which is
// OPENAIMS_CHROMIUM or the platform's usual place (config.ts).
//
// Starting Chromium costs seconds, so a process keeps ONE browser: launched
// on the first PDF, reused by every later one, relaunched if it crashed, shut
// after a few idle minutes and by closeReportBrowser() when the app closes.
// Each render gets its own browser context (nothing shared between reports),
// and takes a slot of the process's PDF queue (pdf-queue.ts): at most
// pdfConcurrency at once, pdfQueueMax waiting, the rest a 503 with Retry-After.

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LAUNCH_TIMEOUT_MS = 30_000;
const RENDER_TIMEOUT_MS = 60_000;
const IDLE_CLOSE_MS = 5 * 60_000;

/** The Chromium to use when the caller names none: OPENAIMS_CHROMIUM, else the platform's usual place. */
export function chromiumPath(): string {
  return resolveChromiumPath(process.env);
}

const unavailable = (detail: string, retryAfter?: number) =>
  new AppError(503, 'Service Unavailable', detail, [], retryAfter ? { 'retry-after': String(retryAfter) } : {});

/** How to point OpenAIMS at a Chromium, or get one: one sentence for messages. */
export const CHROMIUM_FIX = 'set OPENAIMS_CHROMIUM=/path/to/chromium or install it (Debian: apt-get install chromium)';

function chromiumMissing(path: string): AppError {
  return unavailable(`PDF export needs Chromium, and there is none at ${path}; ${CHROMIUM_FIX}, or choose XLSX or DOCX.`);
}

// One shared browser per executable: a process normally has one configured
// path, but tests (and a changed setting) may ask for another.
const browsers = new Map<string, Promise<Browser>>();
let launches = 0;
const queue = new PdfQueue();
let idleTimer: NodeJS.Timeout | null = null;

/** For tests and diagnostics: how often this process started Chromium, and the current load. */
export function reportBrowserStats() {
  const { active, queued } = queue.stats();
  return { launches, active, queued, running: browsers.size > 0 };
}

/** 503 unless `path` is an executable file; cheap, so checked before every render. */
function assertChromium(path: string): void {
  try {
    fs.accessSync(path, fs.constants.X_OK);
    if (!fs.statSync(path).isFile()) throw new Error('not a file');
  } catch {
    throw chromiumMissing(path);
  }
}

/** playwright-core takes about a second to load: loaded with the first PDF, not at start-up. */
async function chromium() {
  return (await importPackage<typeof import('playwright-core')>('playwright-core')).chromium;
}

function launch(path: string): Promise<Browser> {
  launches++;
  const started = chromium()
    .then((c) => c.launch({ executablePath: path, args: FLAGS, timeout: LAUNCH_TIMEOUT_MS }))
    .then((b) => {
      b.on('disconnected', () => {
        if (browsers.get(path) === started) browsers.delete(path);
      });
      return b;
    })
    .catch((e: Error) => {
      if (browsers.get(path) === started) browsers.delete(path);
      throw unavailable(
        `Chromium at ${path} did not start (${e.message.split('\n')[0]}); check it, or set OPENAIMS_CHROMIUM to another Chromium (\`aims doctor\` tests it), or choose XLSX or DOCX.`,
      );
    });
  browsers.set(path, started);
  return started;
}

function currentBrowser(path: string): Promise<Browser> {
  return browsers.get(path) ?? launch(path);
}

/** Once nothing is printing, the browser is closed after a while. */
function scheduleIdleClose(): void {
  if (queue.stats().active > 0 || browsers.size === 0 || idleTimer) return;
  idleTimer = setTimeout(() => void closeReportBrowser(), IDLE_CLOSE_MS);
  idleTimer.unref();
}

export interface PdfOptions {
  /** left side of every page's footer, e.g. the organization's legal name; the right side is "Page X of Y" */
  footer?: string;
  /** the Chromium executable (the app passes its config's chromiumPath); default chromiumPath() */
  chromiumPath?: string;
  /** the app's pdfConcurrency and pdfQueueMax; default the config's defaults */
  limits?: PdfLimits;
}

function footerTemplate(footer: string): string {
  const e = footer.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  // Header and footer templates start at font-size 0 and know no page styles.
  return `<div style="font:8pt 'DejaVu Sans',Arial,sans-serif;color:#555;width:100%;margin:0 16mm;display:flex;justify-content:space-between;gap:12pt"><span style="overflow:hidden;text-overflow:ellipsis;white-space:nowrap">${e}</span><span style="white-space:nowrap">Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
}

async function printOnce(b: Browser, html: string, options: PdfOptions): Promise<Buffer> {
  const context = await b.newContext({ javaScriptEnabled: false });
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await context.newPage();
    // The document is self-contained: no network requests are needed or made.
    await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
    const print = (async () => {
      await page.setContent(html, { waitUntil: 'load', timeout: RENDER_TIMEOUT_MS });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(options.footer ?? ''),
        margin: { top: '16mm', bottom: '20mm', left: '16mm', right: '16mm' },
      });
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(unavailable(`Printing the PDF took longer than ${RENDER_TIMEOUT_MS / 1000} s; retry or choose XLSX/DOCX.`)),
        RENDER_TIMEOUT_MS,
      );
    });
    print.catch(() => {});
    return await Promise.race([print, timeout]);
  } finally {
    clearTimeout(timer);
    await context.close().catch(() => {});
  }
}

/** Prints a self-contained HTML page to an A4 PDF on the shared browser. */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Buffer> {
  const path = options.chromiumPath ?? chromiumPath();
  // Before taking a slot: a missing Chromium is answered at once, never queued.
  assertChromium(path);
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  try {
    return await queue.run(options.limits ?? DEFAULT_PDF_LIMITS, async () => {
      const b = await currentBrowser(path);
      try {
        return await printOnce(b, html, options);
      } catch (e) {
        if (b.isConnected() || e instanceof AppError) throw e;
        // The browser died under this render (crash, OOM kill): once more on a fresh one.
        const running = browsers.get(path);
        if (running && (await running.catch(() => null)) === b) browsers.delete(path);
        return await printOnce(await currentBrowser(path), html, options);
      }
    });
  } finally {
    scheduleIdleClose();
  }
}

/** The report as PDF: its HTML page, with the organization's legal name and page numbers in every footer. */
export function renderPdf(report: Report, options: Pick<PdfOptions, 'chromiumPath' | 'limits'> = {}): Promise<Buffer> {
  return htmlToPdf(renderHtml(report), { ...options, footer: report.metadata.organization });
}

/** Closes the shared browsers (the app calls this on close); the next PDF launches a new one. */
export async function closeReportBrowser(): Promise<void> {
  if (idleTimer) {
    clearTimeout(idleTimer);
    idleTimer = null;
  }
  const running = [...browsers.values()];
  browsers.clear();
  await Promise.all(
    running.map(async (b) => {
      const open = await b.catch(() => null);
      await open?.close().catch(() => {});
    }),
  );
}

/**
 * For `aims doctor`: starts Chromium at `path` headless, opens a page and
 * closes it again, within `timeoutMs`. Resolves with the browser's version;
 * rejects with the reason it did not start.
 */
export async function probeChromium(path: string, timeoutMs = 20_000): Promise<string> {
  const b = await (await chromium()).launch({ executablePath: path, args: FLAGS, timeout: timeoutMs });
  try {
    const context = await b.newContext({ javaScriptEnabled: false });
    await (await context.newPage()).setContent('<p>ok</p>', { timeout: timeoutMs });
    return b.version();
  } finally {
    await b.close().catch(() => {});
  }
}
