// Single sign-on in a real browser against a real OpenID Connect provider:
// the owner sets the provider up on the settings page, then a colleague
// signs in with "Sign in with single sign-on", goes through the provider and
// lands in the app as a new member; a refused sign-in shows its reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Acme' };

let e: E2e;
let idp: TestProvider;

describe('single sign-on in the browser', () => {
  beforeAll(async () => {
    e = await startE2e();
    idp = await startTestProvider(`${e.baseUrl}/api/v1/sso/callback`);
    const res = await fetch(`${e.baseUrl}/api/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(OWNER),
    });
    if (res.status !== 201) throw new Error(`setup failed: ${res.status}`);
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
    await idp?.close();
  }, TIMEOUT);

  it(
    'the owner sets up the provider; a colleague signs in through it and becomes a member; a refusal is explained',
    async () => {
      const h = helpers(e, 'sso');
      const { page } = e;
      try {
        await page.goto('/sign-in');
        await h.field('Email').fill(OWNER.email);
        await h.field('Password').fill(OWNER.password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await h.navLink('Single sign-on').click();
        await expect.poll(() => h.heading('Single sign-on').isVisible()).toBe(true);
        await h.field('Issuer URL').fill(idp.issuer);
        await h.field('Client ID').fill(idp.clientId);
        await h.field('Client secret').fill(idp.clientSecret);
        await page.getByPlaceholder('example.com', { exact: true }).fill('acme.test');
        await page.getByPlaceholder('example.com', { exact: true }).press('Enter');
        await page.getByRole('button', { name: 'Save' }).click();
        await expect.poll(() => page.getByText('A secret is stored').isVisible()).toBe(true);
        h.mark('provider saved');

        const browser = e.context.browser()!;
        const colleague = await browser.newContext({ baseURL: e.baseUrl });
        const other = await colleague.newPage();
        try {
          idp.accounts.set('cole', { email: 'cole@acme.test', email_verified: true, name: 'Cole Worker' });
          idp.nextLogin = 'cole';
          await other.goto('/sign-in');
          await other.getByRole('button', { name: 'Sign in with single sign-on' }).click();
          await other.getByLabel(/^Work email/).fill('cole@acme.test');
          await other.getByRole('button', { name: 'Continue to your identity provider' }).click();
          await other.waitForURL(/\/orgs\//);
          expect(other.url()).not.toContain('/sign-in');
          h.mark('colleague signed in through the provider');

          await other.context().clearCookies();
          idp.accounts.set('dora', { email: 'dora@acme.test', email_verified: false });
          idp.nextLogin = 'dora';
          await other.goto('/sign-in');
          await other.getByRole('button', { name: 'Sign in with single sign-on' }).click();
          await other.getByLabel(/^Work email/).fill('dora@acme.test');
          await other.getByRole('button', { name: 'Continue to your identity provider' }).click();
          await other.waitForURL(/sso_error=/);
          await expect.poll(() => other.getByRole('alert').textContent()).toMatch(/not verified your email/);
        } finally {
          await colleague.close();
        }
        // the colleague is now a member (added on first sign-in), as the owner's members list says
        const orgId = new URL(page.url()).pathname.split('/')[2];
        const members = await page.evaluate(async (url) => (await fetch(url)).json(), `/api/v1/orgs/${orgId}/members`);
        expect(JSON.stringify(members)).toContain('cole@acme.test');
      } catch (err) {
        await h.explainFailure(err);
      }
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});
