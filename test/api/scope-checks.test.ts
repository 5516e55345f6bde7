// Issue 9 on the scope side, with the seed's example company: a 60-person
// SaaS company holding ISO/IEC 27001 that uses AI in customer support, sales
// lead scoring, coding assistance and its product. An over-broad scope warns;
// what the scope names but the inventory lacks is a check; approving with
// open warnings takes a reason for each, kept with the version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { emptyContent } from '../support/fixtures.js';

interface Check {
  code: string;
  severity: string;
  field: string;
  message: string;
}

const BROAD =
  'The AIMS covers the entire organisation and every use of artificial intelligence across the whole group worldwide.';

describe.each(testDialects())('scope checks of the example company (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let siteId: string;
  const url = (p = '') => `/api/v1/orgs/${orgId}/scope${p}`;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const warnings = (checks: Check[]) => checks.filter((c) => c.severity === 'warning');
  const auditCount = async () => (await t.database.db.selectFrom('audit_log').select('seq').execute()).length;

  /** The example company's scope once it is specific: what it runs, where, who. */
  const specific = () => ({
    ...emptyContent(),
    boundaryStatement:
      'The AIMS covers the Nimbus Desk helpdesk product with its AI reply suggestions, the AI that supports our customer support and sales teams, and AI coding assistance in engineering, run from Berlin.',
    aiSystems: [
      {
        name: 'Reply suggestions',
        description: 'LLM drafts answers in the Nimbus Desk product',
        aiSystemId: null as string | null,
      },
      { name: 'Support triage bot', description: 'Routes and answers customer tickets', aiSystemId: null },
      { name: 'Lead scoring model', description: 'Ranks inbound sales leads', aiSystemId: null },
      { name: 'GitHub Copilot', description: 'Coding assistance for engineers', aiSystemId: null },
    ],
    productsAndServices: [{ name: 'Nimbus Desk', description: 'Helpdesk SaaS with AI reply suggestions' }],
    departments: [
      { name: 'Customer support', description: '' },
      { name: 'Sales', description: '' },
      { name: 'Engineering', description: '' },
    ],
    siteIds: [siteId],
    internalAiTools: { included: true, notes: 'Coding assistance and lead scoring' },
    customerFacingAiFeatures: { included: true, notes: 'Reply suggestions in Nimbus Desk' },
    thirdPartyAiSystems: { included: true, notes: '', vendors: ['OpenAI', 'GitHub'] },
    countriesOrBusinessUnits: ['Germany'],
    exclusions: [
      { item: 'Model training by OpenAI and GitHub', justification: 'Done by the vendors; covered by supplier review.' },
    ],
    interestedParties: [
      { name: 'Customers', kind: 'external' as const, requirements: 'Trustworthy AI answers', addressedByAims: true },
    ],
    issues: [{ kind: 'external' as const, description: 'EU AI Act transparency duties', effect: 'Chat disclosure' }],
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app, 'lead@nimbus.example', 'Nimbus'));
    const profile = await owner.put(org('/profile'), {
      legalName: 'Nimbus Software GmbH',
      country: 'DE',
      employeeCount: 60,
      sector: 'Software as a service',
      aiRoles: ['provider', 'customer'],
      sites: [{ name: 'Berlin HQ', address: 'Torstr. 1, 10119 Berlin', country: 'DE' }],
      certifications: [{ standard: 'ISO/IEC 27001', certificateNumber: 'ISMS-0042' }],
      targetMarkets: ['EU', 'UK'],
    });
    expect(profile.status).toBe(200);
    siteId = profile.body.sites[0].id;
  });
  afterAll(() => t.close());

  it('warns on an over-broad scope: claims everything, places beyond the profile, third-party AI with nothing excluded', async () => {
    const draft = await owner.put(url('/draft'), {
      content: {
        ...emptyContent(),
        boundaryStatement: BROAD,
        siteIds: [siteId],
        internalAiTools: { included: true, notes: '' },
        customerFacingAiFeatures: { included: true, notes: '' },
        thirdPartyAiSystems: { included: true, notes: '', vendors: ['OpenAI', 'GitHub'] },
        countriesOrBusinessUnits: ['Germany', 'United Kingdom', 'France', 'USA'],
        interestedParties: specific().interestedParties,
        issues: specific().issues,
      },
    });
    expect(draft.status).toBe(200);
    const found = warnings(draft.body.checks);
    console.log(`example company, over-broad draft (${dialect}):\n${found.map((c) => `  ${c.code}: ${c.message}`).join('\n')}`);
    expect(found.map((c) => c.code)).toEqual([
      'no-ai-named',
      'no-exclusions-third-party',
      'scope-claims-everything',
      'countries-beyond-profile',
      'places-beyond-profile',
    ]);
    const byCode = new Map(found.map((c) => [c.code, c]));
    expect(byCode.get('scope-claims-everything')?.message).toContain('"entire", "every", "whole", "worldwide"');
    // Germany (site, registration) and the UK (target market) are the profile's; France and the USA are not
    expect(byCode.get('countries-beyond-profile')?.message).toContain('(France, United States)');
    expect(byCode.get('places-beyond-profile')?.message).toContain('the profile has 1 site in 2 countries');
    expect(byCode.get('no-exclusions-third-party')?.message).toContain('(OpenAI, GitHub)');

    const fixed = await owner.put(url('/draft'), { content: specific() });
    const codes = fixed.body.checks.map((c: Check) => c.code);
    for (const code of [
      'scope-claims-everything',
      'countries-beyond-profile',
      'places-beyond-profile',
      'no-exclusions-third-party',
    ])
      expect(codes).not.toContain(code);
  });

  it('names each scoped system, product or service the inventory lacks, until the inventory gets it', async () => {
    // Before the inventory is started the names are notes, not warnings.
    const before = (await owner.get(url())).body.draft.checks.filter((c: Check) => c.code === 'not-in-inventory');
    expect(before.map((c: Check) => [c.severity, c.field])).toEqual([
      ['info', 'aiSystems.0'],
      ['info', 'aiSystems.1'],
      ['info', 'aiSystems.2'],
      ['info', 'aiSystems.3'],
      ['info', 'productsAndServices.0'],
    ]);

    const create = async (name: string) => (await owner.post(org('/ai-systems'), { name })).body.id as string;
    const triage = await create('Support triage bot');
    await create('lead-scoring MODEL'); // matched by folded name
    await create('Nimbus Desk'); // the product's AI, recorded under the product's name
    const content = specific();
    content.aiSystems[1].aiSystemId = triage;
    await owner.put(url('/draft'), { content });
    // An archived record does not count, linked or by name.
    expect((await owner.post(org(`/ai-systems/${triage}/archive`))).status).toBe(200);

    const missing = warnings((await owner.get(url())).body.draft.checks).filter((c) => c.code === 'not-in-inventory');
    console.log(
      `example company, scope vs inventory (${dialect}):\n${missing.map((c) => `  ${c.field}: ${c.message}`).join('\n')}`,
    );
    expect(missing.map((c) => c.field)).toEqual(['aiSystems.0', 'aiSystems.1', 'aiSystems.3']);
    expect(missing[0].message).toBe(
      'The scope names the AI system "Reply suggestions" but the AI system inventory has no current record of it. Add it to the inventory (or restore it if archived) and link this entry, or take it out of the scope.',
    );

    expect((await owner.post(org(`/ai-systems/${triage}/restore`))).status).toBe(200);
    await create('Reply Suggestions');
    await create('GitHub Copilot');
    const after = (await owner.get(url())).body.draft.checks.map((c: Check) => c.code);
    expect(after).not.toContain('not-in-inventory');
  });

  it('refuses to approve with open warnings and no reasons, naming each, and changes nothing', async () => {
    const systems = (await owner.get(org('/ai-systems?limit=50'))).body.items as { id: string; name: string }[];
    const copilot = systems.find((s) => s.name === 'GitHub Copilot')!;
    expect((await owner.post(org(`/ai-systems/${copilot.id}/archive`))).status).toBe(200);
    const content = { ...specific(), exclusions: [] };
    await owner.put(url('/draft'), { content });
    const before = (await owner.get(url())).body;
    const open = warnings(before.draft.checks);
    expect(open.map((c) => [c.code, c.field])).toEqual([
      ['no-exclusions-third-party', 'exclusions'],
      ['not-in-inventory', 'aiSystems.3'],
    ]);
    const rows = await auditCount();

    for (const body of [
      {},
      { exceptions: [] },
      { exceptions: [{ code: 'not-in-inventory', field: 'aiSystems.3', reason: 'x' }] },
    ]) {
      const refused = await owner.post(url('/draft/approve'), body);
      expect(refused.status).toBe(400);
      expect(refused.headers['content-type']).toContain('application/problem+json');
      for (const e of refused.body.errors) expect(e.field).toBe('body.exceptions');
      expect(refused.body.errors.map((e: { message: string }) => e.message)).toContain(
        `give a reason to approve with the open check "no-exclusions-third-party" on exclusions: ${open[0].message}`,
      );
    }
    const noReasons = await owner.post(url('/draft/approve'), {});
    expect(noReasons.body.errors).toHaveLength(2);
    expect(noReasons.body.errors[1].message).toContain('"not-in-inventory" on aiSystems.3');
    // a blank reason is no reason
    const blank = await owner.post(url('/draft/approve'), {
      exceptions: open.map((c) => ({ code: c.code, field: c.field, reason: '  ' })),
    });
    expect(blank.status).toBe(400);
    expect(await owner.get(url())).toMatchObject({ body: before });
    expect(await auditCount()).toBe(rows);
  });

  it('approves with a reason per open warning: kept in the version, its history, the audit log and the statement', async () => {
    const reasons = [
      {
        code: 'no-exclusions-third-party',
        field: 'exclusions',
        reason: 'The vendors are assessed under the ISO 27001 supplier process; exclusions follow at the next review.',
      },
      { code: 'not-in-inventory', field: 'aiSystems.3', reason: 'Copilot licence renewal pending; re-added after renewal.' },
    ];
    const approved = await owner.post(url('/draft/approve'), { note: 'AI governance board, 2026-03-02', exceptions: reasons });
    expect(approved.status).toBe(200);
    const open = warnings((await owner.get(url('/versions/1'))).body.checks);
    const accepted = reasons.map((r) => ({ ...r, message: open.find((c) => c.code === r.code)!.message }));
    expect(approved.body).toMatchObject({ version: 1, status: 'approved', acceptedExceptions: accepted });
    // the approved version's checks are still shown, and still open
    expect(open.map((c) => c.code)).toEqual(['no-exclusions-third-party', 'not-in-inventory']);

    const history = (await owner.get(url('/versions'))).body.items;
    expect(history[0].acceptedExceptions).toEqual(accepted);
    const log = (await owner.get(org('/audit-log?entityType=scope'))).body.items;
    const approval = log.find((i: { action: string }) => i.action === 'approve');
    expect(approval.after.acceptedExceptions).toEqual(accepted);
    expect(approval.before.acceptedExceptions).toBeUndefined();

    const statement: string = approved.body.statement;
    expect(statement).toContain('## Open checks accepted at approval');
    expect(statement).toContain(
      `- ${accepted[1].message} (not-in-inventory, aiSystems.3). Reason for approving: Copilot licence renewal pending; re-added after renewal.`,
    );

    // The next version without open warnings approves with no exceptions, as before.
    const systems = (await owner.get(org('/ai-systems?includeArchived=true&limit=50'))).body.items as {
      id: string;
      name: string;
    }[];
    await owner.post(org(`/ai-systems/${systems.find((s) => s.name === 'GitHub Copilot')!.id}/restore`));
    await owner.put(url('/draft'), { content: specific() });
    expect(warnings((await owner.get(url())).body.draft.checks)).toEqual([]);
    const v2 = await owner.post(url('/draft/approve'), {});
    expect(v2.status).toBe(200);
    expect(v2.body.acceptedExceptions).toEqual([]);
    expect(v2.body.statement).not.toContain('accepted at approval');
    expect((await owner.get(url('/versions/1'))).body.acceptedExceptions).toEqual(accepted);
  });
});
