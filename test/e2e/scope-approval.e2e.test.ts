// Approving a scope while warnings are open, in a real browser: the approve
// dialog lists each open warning with a required reason; without reasons it
// does not approve; with them version 1 is approved, the history says how
// many warnings were accepted and the version page lists them with their
// reasons and its statement. Set up through the API (the inventory holds one
// of the two systems the scope names, and the profile has no site).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2e, helpers, startE2e, TIMEOUT } from './harness.js';

const OWNER = { name: 'Ada Lead', email: 'ada@example.com', password: 'correct horse battery staple', orgName: 'Nimbus' };

let e: E2e;
let orgId: string;

describe('scope approval with open warnings in the browser', () => {
  beforeAll(async () => {
    e = await startE2e({ width: 1440, height: 1000 });
    const request = e.context.request;
    const res = await request.post('/api/v1/setup', { data: OWNER });
    expect(res.status()).toBe(201);
    const body = await res.json();
    orgId = body.organizations[0].id;
    const headers = { 'x-csrf-token': body.csrfToken };
    const system = await request.post(`/api/v1/orgs/${orgId}/ai-systems`, {
      data: { name: 'Support reply assistant', purpose: 'Suggests replies to support tickets.', inScope: true },
      headers,
    });
    expect(system.status()).toBe(201);
    const draft = await request.put(`/api/v1/orgs/${orgId}/scope/draft`, {
      headers,
      data: {
        content: {
          boundaryStatement:
            'The AIMS covers the Support reply assistant and the Lead scorer that our customer support and sales teams run.',
          aiSystems: [
            { name: 'Support reply assistant', description: '', aiSystemId: null },
            { name: 'Lead scorer', description: 'Ranks inbound sales leads', aiSystemId: null },
          ],
          productsAndServices: [],
          departments: [{ name: 'Customer support', description: '' }],
          siteIds: [],
          internalAiTools: { included: true, notes: '' },
          customerFacingAiFeatures: { included: true, notes: '' },
          thirdPartyAiSystems: { included: false, notes: '', vendors: [] },
          countriesOrBusinessUnits: [],
          exclusions: [{ item: 'HR screening pilot', justification: 'Paused.' }],
          interestedParties: [{ name: 'Customers', kind: 'external', requirements: '', addressedByAims: true }],
          issues: [{ kind: 'external', description: 'EU AI Act', effect: '' }],
        },
      },
    });
    expect(draft.status()).toBe(200);
  }, TIMEOUT);

  afterAll(async () => {
    await e?.close();
  }, TIMEOUT);

  it(
    'asks a reason for each open warning and keeps them with the approved version',
    async () => {
      await approval().catch(helpers(e, 'scope-approval').explainFailure);
      expect(e.consoleErrors).toEqual([]);
    },
    TIMEOUT,
  );
});

async function approval() {
  const { page } = e;
  const { heading, mark } = helpers(e, 'scope-approval');
  await page.goto(`/orgs/${orgId}/scope`);
  await heading('Define scope').waitFor();
  await page.getByRole('button', { name: 'Approve…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Approve version 1' });
  await dialog.getByRole('heading', { name: '2 warnings are open' }).waitFor();
  const sites = dialog.getByRole('textbox', { name: /^Reason for approving with the warning: No site is named/ });
  const lead = dialog.getByRole('textbox', {
    name: /^Reason for approving with the warning: The scope names the AI system "Lead scorer"/,
  });

  // Without reasons nothing is sent: each field says what is missing.
  await dialog.getByRole('button', { name: 'Approve with these reasons' }).click();
  await dialog.getByText('Give a reason, or fix this in the draft first.').first().waitFor();
  expect(await dialog.getByText('Give a reason, or fix this in the draft first.').count()).toBe(2);
  mark('refused without reasons');

  await sites.fill('The Berlin office is added to the profile at the next review.');
  await lead.fill('The lead scorer is recorded in the inventory in step 3.');
  await dialog.getByRole('button', { name: 'Approve with these reasons' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  const row = page.getByRole('table', { name: 'Scope versions' }).getByRole('row', { name: /Version 1/ });
  await row.getByText('approved', { exact: true }).waitFor();
  await row.getByText('2 warnings accepted with reasons').waitFor();
  mark('approved with reasons');

  await row.getByRole('link', { name: 'Version 1' }).click();
  await heading('Scope version 1').waitFor();
  const accepted = page.getByRole('list', { name: 'Warnings accepted at approval' });
  await accepted.getByText('The lead scorer is recorded in the inventory in step 3.', { exact: false }).waitFor();
  await page.getByRole('heading', { name: 'Open checks accepted at approval' }).waitFor();
  mark('version page shows them');
}
