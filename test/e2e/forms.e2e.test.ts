// Forms in a real browser (issue 10): a double click on "Add supplier" makes
// one supplier (the button is busy while saving, and a repeat carries the
// same Idempotency-Key, which the server replays); a form with unsaved
// changes asks before an in-app navigation, and before a reload.
import type { Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme Forms' };

let e: E2e;
let orgId: string;

async function supplierNames(): Promise<string[]> {
  const res = await e.context.request.get(`/api/v1/orgs/${orgId}/suppliers`);
  expect(res.status()).toBe(200);
  return (await res.json()).items.map((s: { name: string }) => s.name);
}

describe('forms in the browser', () => {
  beforeAll(async () => {
    e = await startE2e();
    const res = await e.context.request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    orgId = (await res.json()).organizations[0].id;
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'a double click on "Add supplier" creates one supplier, and the save leaves without asking',
    async () => {
      const h = helpers(e, 'forms-double-click');
      const { page } = e;
      const posts: Request[] = [];
      const onRequest = (r: Request) => {
        if (r.method() === 'POST' && r.url().endsWith(`/orgs/${orgId}/suppliers`)) posts.push(r);
      };
      page.on('request', onRequest);
      try {
        await page.goto(`/orgs/${orgId}/suppliers/new`);
        await h.field('Name').fill('Double Click Ltd');
        await page.getByRole('button', { name: 'Add supplier' }).dblclick();
        // the save navigates to the new record: the leave guard lets its own save through
        await page.waitForURL(new RegExp(`/orgs/${orgId}/suppliers/[0-9a-f-]{36}$`));
        await expect(page.getByRole('dialog', { name: 'Leave without saving?' }).count()).resolves.toBe(0);
        expect(posts.length).toBeGreaterThanOrEqual(1);
        const keys = await Promise.all(posts.map((p) => p.headerValue('idempotency-key')));
        expect(keys[0]).toBeTruthy();
        // a second POST, if the click got through before the button went busy, repeats the key
        expect(new Set(keys).size).toBe(1);
      } catch (err) {
        await h.explainFailure(err);
      } finally {
        page.off('request', onRequest);
      }
      expect((await supplierNames()).filter((n) => n === 'Double Click Ltd')).toHaveLength(1);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'leaving a form with unsaved changes asks first: in-app navigation and reload',
    async () => {
      const h = helpers(e, 'forms-leave-guard');
      const { page } = e;
      try {
        await page.goto(`/orgs/${orgId}/suppliers/new`);
        await h.field('Name').fill('Unsaved Supplier');
        const back = page
          .getByRole('main')
          .getByRole('link', { name: /Suppliers/ })
          .first();

        await back.click();
        const guard = page.getByRole('dialog', { name: 'Leave without saving?' });
        await guard.waitFor();
        await guard.getByRole('button', { name: 'Stay on page' }).click();
        await guard.waitFor({ state: 'detached' });
        expect(new URL(page.url()).pathname).toBe(`/orgs/${orgId}/suppliers/new`);
        await expect(h.field('Name').inputValue()).resolves.toBe('Unsaved Supplier');

        // a reload asks too (the browser's own prompt); staying keeps the typing
        const dialogs: string[] = [];
        page.once('dialog', (d) => {
          dialogs.push(d.type());
          void d.dismiss();
        });
        await page.reload({ timeout: 3000 }).catch(() => undefined);
        expect(dialogs).toEqual(['beforeunload']);
        await expect(h.field('Name').inputValue()).resolves.toBe('Unsaved Supplier');

        await back.click();
        await guard.waitFor();
        await guard.getByRole('button', { name: 'Leave page' }).click();
        await page.waitForURL(new RegExp(`/orgs/${orgId}/suppliers$`));

        // a form left untouched navigates without asking
        await page.goto(`/orgs/${orgId}/suppliers/new`);
        await h.field('Name').waitFor();
        await back.click();
        await page.waitForURL(new RegExp(`/orgs/${orgId}/suppliers$`));
      } catch (err) {
        await h.explainFailure(err);
      }
      expect(await supplierNames()).not.toContain('Unsaved Supplier');
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a save whose answer was lost ("Already saved") says so in plain words, and saving again reuses its key: one supplier',
    async () => {
      const h = helpers(e, 'forms-already-saved');
      const { page } = e;
      const keys: (string | null)[] = [];
      const before = e.consoleErrors.length;
      await page.route(`**/api/v1/orgs/${orgId}/suppliers`, async (route) => {
        const req = route.request();
        if (req.method() !== 'POST') return route.fallback();
        keys.push(await req.headerValue('idempotency-key'));
        if (keys.length > 1) return route.fallback();
        // The server saves it, but the answer is lost with the node that ran
        // it: what a repeat then hears is "Already saved" (idempotency.ts).
        await route.fetch();
        return route.fulfill({
          status: 409,
          contentType: 'application/problem+json',
          body: JSON.stringify({
            type: 'about:blank',
            title: 'Already saved',
            status: 409,
            detail: 'The first request with this Idempotency-Key was saved at 2026-12-02T10:00:00.000Z, but its answer was lost.',
            errors: [{ field: 'headers.idempotency-key', message: 'was used by a request whose change was saved' }],
          }),
        });
      });
      try {
        await page.goto(`/orgs/${orgId}/suppliers/new`);
        await h.field('Name').fill('Lost Answer Ltd');
        await page.getByRole('button', { name: 'Add supplier' }).click();
        const alert = page
          .getByRole('alert')
          .filter({ hasText: 'This was saved already, but the answer did not reach your browser' });
        await alert.waitFor();
        // titled for what happened, not as a failure
        await expect(alert.getByText('Already saved', { exact: true }).count()).resolves.toBe(1);
        await expect(alert.getByText('Not saved', { exact: true }).count()).resolves.toBe(0);
        // the header's field error is no form field of the user's
        await expect(page.getByText('was used by a request whose change was saved').count()).resolves.toBe(0);
        await page.getByRole('button', { name: 'Add supplier' }).click();
        // the same key: the server answers as it did the first time, and the form goes to the record
        await page.waitForURL(new RegExp(`/orgs/${orgId}/suppliers/[0-9a-f-]{36}$`));
        expect(keys).toHaveLength(2);
        expect(keys[0]).toBeTruthy();
        expect(keys[1]).toBe(keys[0]);
      } catch (err) {
        await h.explainFailure(err);
      } finally {
        await page.unroute(`**/api/v1/orgs/${orgId}/suppliers`);
      }
      expect((await supplierNames()).filter((n) => n === 'Lost Answer Ltd')).toHaveLength(1);
      // the browser reports the 409 it was sent; nothing else went wrong
      expect(e.consoleErrors.slice(before).filter((m) => !m.includes('409'))).toEqual([]);
    },
    TIMEOUT,
  );
});
