import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config/config.js';
import { reportBrowserStats } from '../../src/platform/report/index.js';
import { PdfQueue } from '../../src/platform/report/pdf-queue.js';
import { Client, setupOwner } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/db.js';

// PDF reports through the real routes and the real Chromium, with the queue
// made small: one PDF printed at a time, and none or one allowed to wait.
// Printing is slow, so this runs on SQLite only; the queue is per process and
// holds nothing in the database.

type App = Awaited<ReturnType<typeof buildApp>>;

describe('the PDF queue', () => {
  let database: TestDatabase;
  const apps: Record<string, App> = {};
  let clients: Record<string, Client>;
  let report: string;

  async function appWith(queueMax: number): Promise<App> {
    const config = loadConfig(
      { logLevel: 'silent', dataDir: '/tmp', webDir: '/nonexistent', pdfConcurrency: 1, pdfQueueMax: queueMax },
      {},
    );
    const app = await buildApp(database, config);
    await app.ready();
    return app;
  }

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    apps.none = await appWith(0);
    apps.one = await appWith(1);
    const { client, orgId } = await setupOwner(apps.none);
    const id = (await client.post(`/api/v1/orgs/${orgId}/gap-assessments`, { title: 'Baseline', assessmentDate: '2026-01-15' }))
      .body.id;
    report = `/api/v1/orgs/${orgId}/gap-assessments/${id}/report?format=pdf`;
    // Both apps share the database, so the same session works on either.
    clients = {
      none: client,
      one: new Client(apps.one, client.cookie, client.csrf),
    };
    // Start Chromium once, so the requests below race only each other.
    expect((await client.get(report)).status).toBe(200);
  }, 60_000);
  afterAll(async () => {
    for (const app of Object.values(apps)) await app.close();
    await database.destroy();
  });

  /** Sends `n` PDF requests at once and watches the queue while they run. */
  async function burst(which: 'none' | 'one', n: number) {
    let maxActive = 0;
    let maxQueued = 0;
    const watch = setInterval(() => {
      const s = reportBrowserStats();
      maxActive = Math.max(maxActive, s.active);
      maxQueued = Math.max(maxQueued, s.queued);
    }, 5);
    const answers = await Promise.all(Array.from({ length: n }, () => clients[which].get(report)));
    clearInterval(watch);
    return { answers, maxActive, maxQueued };
  }

  it('with no queue, prints one and turns the others away at once with 503 and Retry-After', async () => {
    const { answers, maxActive, maxQueued } = await burst('none', 4);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 503, 503, 503]);
    expect(maxActive).toBe(1);
    expect(maxQueued).toBe(0);
    const refused = answers.find((a) => a.status === 503);
    expect(refused?.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused?.body).toMatchObject({ status: 503, title: 'PDF queue full' });
    expect(refused?.body.detail).toMatch(
      /^The PDF queue is full: 1 PDF report is printing and 0 waiting \(at most 0 wait\)\. Retry in about \d+ s, or choose XLSX or DOCX\.$/,
    );
    const retry = Number(refused?.headers['retry-after']);
    expect(Number.isInteger(retry)).toBe(true);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(30);
    expect(refused?.body.detail).toContain(`about ${retry} s`);
  }, 60_000);

  it('with one place in the queue, prints two in turn and turns the rest away', async () => {
    const { answers, maxActive, maxQueued } = await burst('one', 5);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 503, 503, 503]);
    expect(maxActive).toBe(1);
    expect(maxQueued).toBe(1);
    for (const a of answers.filter((x) => x.status === 200)) expect(a.raw.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(reportBrowserStats()).toMatchObject({ active: 0, queued: 0 });
  }, 60_000);

  it('other formats never queue', async () => {
    const xlsx = report.replace('format=pdf', 'format=xlsx');
    const answers = await Promise.all(Array.from({ length: 4 }, () => clients.none.get(xlsx)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
  });
});

describe('Retry-After', () => {
  it('estimates from the work ahead and how long recent PDFs took', async () => {
    const queue = new PdfQueue();
    const limits = { concurrency: 2, queueMax: 1 };
    const gates: (() => void)[] = [];
    const slow = () => new Promise<string>((resolve) => gates.push(() => resolve('ok')));
    const running = [queue.run(limits, slow), queue.run(limits, slow), queue.run(limits, slow)];
    await new Promise((r) => setImmediate(r));
    expect(queue.stats()).toMatchObject({ active: 2, queued: 1 });
    // 3 ahead shared by 2 slots: 2 rounds of the first guess (3 s) = 6 s.
    const refused = await queue.run(limits, slow).catch((e) => e);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('6');
    for (const open of gates.splice(0)) open();
    await new Promise((r) => setImmediate(r));
    for (const open of gates.splice(0)) open();
    expect(await Promise.all(running)).toEqual(['ok', 'ok', 'ok']);
    expect(queue.stats()).toMatchObject({ active: 0, queued: 0 });
  });
});
