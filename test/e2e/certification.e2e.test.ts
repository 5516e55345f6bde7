// Certification in a real browser at phone width: a prepared organization
// rehearses Stage 1 on the readiness page, holds Stage 1 and Stage 2 (a minor
// finding, closed through its nonconformity), records the decision, the
// certificate from it, publishes it and opens its public page signed out.
// The audits, the finding and the nonconformity are written through their
// APIs (their pages have their own browser tests); the certification steps
// are clicked.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../src/platform/dates.js';
import { type E2e, helpers, screenshotPath, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Analytics' };
const NUMBER = 'AIMS-2026-0042';

let e: E2e;
let orgId: string;
let ownerId: string;

const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('certification in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 390, height: 1000 });
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    ownerId = body.user.id;
  }, TIMEOUT);
  afterAll(() => e?.close());

  it(
    'rehearses Stage 1, holds the audits, records the decision and the certificate, and verifies it signed out',
    async () => {
      const { page } = e;
      const h = helpers(e, 'certification');
      const today = todayUtc();
      try {
        const { csrfToken } = await (await page.request.get('/api/v1/session')).json();
        const api = async (method: 'post' | 'patch' | 'put', path: string, data: unknown) => {
          const r = await page.request[method](`/api/v1/orgs/${orgId}${path}`, { headers: { 'x-csrf-token': csrfToken }, data });
          expect(r.status(), `${method} ${path}: ${await r.text()}`).toBeLessThan(300);
          return r.json();
        };
        const profile = await (await page.request.get(`/api/v1/orgs/${orgId}/profile`)).json();
        const { updatedAt: _u, ...input } = profile;
        await api('put', '/profile', {
          ...input,
          legalName: 'Acme Analytics GmbH',
          sites: [{ name: 'Berlin HQ', address: 'Street 1, Berlin', country: 'DE' }],
        });
        const body = await api('post', '/certification-bodies', { name: 'Example Cert GmbH' });
        const reasons = Object.fromEntries(
          (body.warnings as { code: string }[]).map((w) => [w.code, 'Checked with the body for this test']),
        );
        await api('post', `/certification-bodies/${body.id}/choose`, { reasons });

        // the Stage 1 rehearsal
        await page.goto(`/orgs/${orgId}/readiness`);
        await h.heading('Audit readiness').waitFor();
        h.mark('readiness rehearsed');

        // Stage 1 and Stage 2, a minor finding closed through its nonconformity
        const held = (type: string, start: string, end: string, outcome: string) =>
          api('post', '/certification-audits', {
            type,
            plannedStart: start,
            plannedEnd: end,
            actualStart: start,
            actualEnd: end,
            status: 'completed',
            outcome,
          });
        await held('stage-1', addDays(today, -40), addDays(today, -39), 'ready-for-stage-2');
        const stage2 = await held('stage-2', addDays(today, -10), addDays(today, -8), 'recommended-after-corrections');
        const finding = await api('post', `/certification-audits/${stage2.id}/findings`, {
          grade: 'minor',
          requirementId: '6.1.3',
          statement: 'The risk treatment plan names no owner for two AI systems.',
        });
        const nc = `/nonconformities/${finding.nonconformity.id}`;
        const action = await api('post', `${nc}/actions`, { title: 'Name the owners', owner: { userId: ownerId } });
        await api('patch', `${nc}/actions/${action.id}`, { status: 'done' });
        await api('patch', nc, {
          rootCause: { method: 'other', whys: [], categories: ['process'], summary: 'No owner assigned' },
          effectiveness: {
            plannedOn: today,
            method: 'Sample',
            result: 'effective',
            checkedOn: today,
            checkedBy: { userId: ownerId },
          },
          status: 'closed',
        });
        h.mark('audits held, finding closed');

        // the decision
        await page.goto(`/orgs/${orgId}/certificates`);
        await h.heading('Certificates').waitFor();
        await page.getByText('No decision recorded yet').waitFor();
        await page.getByRole('button', { name: 'Record decision' }).click();
        const form = page.getByRole('form', { name: 'Record a certification decision' });
        await form.getByRole('combobox', { name: /^Audit decided on/ }).click();
        await page.getByRole('option', { name: /CA-002 Stage 2/ }).click();
        await h.field('Decided by').fill('Dr. Body, certification manager');
        await form.getByText('Surveillance audit 1 by').waitFor();
        await form.getByRole('button', { name: 'Record decision' }).click();
        await page.getByRole('table', { name: 'Certification decisions' }).getByText('Granted').waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        h.mark('decision recorded');

        // the certificate, prefilled from the decision
        await page.getByRole('link', { name: 'New certificate from decision' }).click();
        await h.heading('New certificate from decision').waitFor();
        expect(await h.field('Certified organization').inputValue()).toBe('Acme Analytics GmbH');
        expect(await h.field('Issuing certification body').inputValue()).toBe('Example Cert GmbH');
        expect(await h.field('Issue date').inputValue()).toBe(today);
        await h.field('Certificate number').fill(NUMBER);
        await h.field('Certification scope').fill('Design and operation of AI analytics services');
        await h.field('How to verify with the issuing body').fill('https://cert.example/verify');
        await page.getByRole('button', { name: 'Record certificate' }).click();
        await h.heading(`Certificate ${NUMBER}`).waitFor();
        await page.getByText('Valid', { exact: true }).first().waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        h.mark('certificate recorded');

        // a correction: the accreditation the certificate shows
        await page.getByRole('link', { name: 'Correct', exact: true }).click();
        await h.heading(`Correct certificate ${NUMBER}`).waitFor();
        await h.field('Accreditation body').fill('DAkkS');
        await page.getByRole('button', { name: 'Save certificate' }).click();
        await h.heading(`Certificate ${NUMBER}`).waitFor();
        await page.getByText('DAkkS', { exact: true }).waitFor();

        // publish it
        await page.getByRole('switch', { name: `Published: ${NUMBER}` }).click({ force: true });
        await page.getByRole('link', { name: 'Public page' }).waitFor();
        await page.screenshot({ path: screenshotPath('certificate.png'), fullPage: true });

        await page.goto(`/orgs/${orgId}/surveillance`);
        await h.heading('Surveillance').waitFor();
        await page.getByLabel('Certification cycle').getByText('Surveillance audit 1', { exact: true }).waitFor();
        expect(await sideways(page)).toBeLessThanOrEqual(0);
        h.mark('published; cycle shown');

        // the public page, signed out
        const browser = e.context.browser();
        if (!browser) throw new Error('no browser');
        const visitor = await browser.newContext({ baseURL: e.baseUrl, viewport: { width: 390, height: 900 } });
        try {
          const v = await visitor.newPage();
          await v.goto(`/verify/${NUMBER}`);
          await v.getByRole('heading', { name: 'Acme Analytics GmbH', level: 1 }).waitFor();
          await v.getByText('Valid', { exact: true }).waitFor();
          await v.getByText('Example Cert GmbH').first().waitFor();
          await v.getByText('DAkkS', { exact: true }).waitFor();
          await v.getByText(/issuing certification body is the authority/).waitFor();
          await v.getByRole('link', { name: 'https://cert.example/verify' }).waitFor();
          expect(await sideways(v)).toBeLessThanOrEqual(0);
          await v.screenshot({ path: screenshotPath('verify-certificate.png'), fullPage: true });
          await v.goto('/verify/NOT-A-NUMBER');
          await v.getByText('No published certificate has the number NOT-A-NUMBER').waitFor();
        } finally {
          await visitor.close();
        }
        h.mark('verified signed out');
        expect(e.consoleErrors.filter((m) => !m.includes('404'))).toEqual([]);
      } catch (err) {
        await h.explainFailure(err);
      }
    },
    TIMEOUT,
  );
});
