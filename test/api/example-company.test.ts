// Issue 9, done when: the seed's example company (a 60-person SaaS company
// holding ISO/IEC 27001, using AI in support, sales scoring, coding and its
// product), driven through the API from an empty database, is stopped at
// each Stage 1 failure point with a message a governance lead understands.
// The messages it gets are printed (OPENAIMS_PRINT_JOURNEY=1) for the notes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISMS_PROCESSES } from '../../src/catalogue/index.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { testDialects } from '../support/db.js';
import { factsBeside } from '../support/gap-facts.js';
import { emptyContent } from '../support/fixtures.js';

interface Check {
  code: string;
  severity: string;
  field: string;
  message: string;
}
interface Flag {
  code: string;
  message: string;
}

const said: string[] = [];
const say = (where: string, text: string) => said.push(`${where}: ${text}`);

describe.each(testDialects())('the example company meets every Stage 1 failure point (%s)', (dialect) => {
  let t: TestApp;
  let lead: Client;
  let orgId: string;
  let siteId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: lead, orgId } = await setupOwner(t.app, 'governance@nimbus.example', 'Nimbus'));
    const profile = await lead.put(org('/profile'), {
      legalName: 'Nimbus Software GmbH',
      country: 'DE',
      employeeCount: 60,
      sector: 'Software as a service',
      aiRoles: ['provider', 'customer'],
      sites: [{ name: 'Berlin HQ', address: 'Torstr. 1, 10119 Berlin', country: 'DE' }],
      certifications: [{ standard: 'ISO/IEC 27001', certificateNumber: 'ISMS-0042' }],
      targetMarkets: ['EU'],
    });
    expect(profile.status).toBe(200);
    siteId = profile.body.sites[0].id;
  });
  afterAll(async () => {
    await t.close();
    if (process.env.OPENAIMS_PRINT_JOURNEY) console.log(said.join('\n'));
  });

  it('walks scope, inventory, gap assessment and reports, stopped where an auditor would stop it', async () => {
    // 1. Step 1: an over-broad scope warns, and says what to change.
    const broad = await lead.put(org('/scope/draft'), {
      content: {
        ...emptyContent(),
        boundaryStatement:
          'Covers the entire organisation and every use of artificial intelligence across the whole group worldwide.',
        thirdPartyAiSystems: { included: true, notes: '', vendors: ['OpenAI', 'GitHub'] },
        countriesOrBusinessUnits: ['Germany', 'France', 'United States'],
      },
    });
    expect(broad.status).toBe(200);
    const warnings = (broad.body.checks as Check[]).filter((c) => c.severity === 'warning');
    for (const w of warnings) say(`scope warning ${w.code}`, w.message);
    expect(warnings.map((w) => w.code)).toEqual(
      expect.arrayContaining(['scope-claims-everything', 'countries-beyond-profile', 'no-exclusions-third-party']),
    );

    // 2. Approving it with the checks open is refused, each open check named.
    const refused = await lead.post(org('/scope/draft/approve'), {});
    expect(refused.status).toBe(400);
    expect(refused.body.errors.length).toBe(warnings.length);
    say('approval refused', refused.body.errors[0].message);
    expect((await lead.get(org('/scope'))).body.approved).toBeNull();

    // 3. A specific scope, approved with a reason for what is still open.
    const specific = await lead.put(org('/scope/draft'), {
      content: {
        ...emptyContent(),
        boundaryStatement:
          'The AIMS covers Nimbus Desk with its AI reply suggestions, the AI used by customer support and sales, and AI coding assistance in engineering, run from Berlin.',
        aiSystems: [
          { name: 'Reply suggestions', description: 'Drafts answers in Nimbus Desk', aiSystemId: null },
          { name: 'Lead scoring model', description: 'Ranks inbound sales leads', aiSystemId: null },
          { name: 'GitHub Copilot', description: 'Coding assistance', aiSystemId: null },
        ],
        productsAndServices: [{ name: 'Nimbus Desk', description: 'Helpdesk SaaS' }],
        departments: [
          { name: 'Customer support', description: '' },
          { name: 'Sales', description: '' },
          { name: 'Engineering', description: '' },
        ],
        siteIds: [siteId],
        internalAiTools: { included: true, notes: '' },
        customerFacingAiFeatures: { included: true, notes: '' },
        thirdPartyAiSystems: { included: true, notes: '', vendors: ['OpenAI', 'GitHub'] },
        countriesOrBusinessUnits: ['Germany'],
        exclusions: [{ item: 'Model training by OpenAI and GitHub', justification: 'Done by the vendors.' }],
        interestedParties: [{ name: 'Customers', kind: 'external', requirements: 'Trustworthy answers', addressedByAims: true }],
        issues: [{ kind: 'external', description: 'EU AI Act transparency duties', effect: 'Disclose AI replies' }],
      },
    });
    expect(specific.status).toBe(200);
    const open = (specific.body.checks as Check[]).filter((c) => c.severity === 'warning');
    const approved = await lead.post(org('/scope/draft/approve'), {
      exceptions: open.map((c) => ({ code: c.code, field: c.field, reason: 'Accepted by the governance lead for v1' })),
    });
    expect(approved.status).toBe(200);

    // 4. Step 3: the inventory holds the support bot twice and lacks two scoped systems.
    const add = async (body: object) => {
      const r = await lead.post(org('/ai-systems'), body);
      expect(r.status).toBe(201);
      return r.body.id as string;
    };
    const replies = await add({ name: 'Reply suggestions', purpose: 'Draft replies to customer tickets in Nimbus Desk' });
    const twin = await add({ name: 'Reply suggestion', purpose: 'Draft replies to customer tickets in Nimbus Desk' });
    const summary = (await lead.get(org('/ai-systems/summary'))).body;
    expect(summary.namedInScopeMissing).toBe(3);
    const gaps = (await lead.get(org('/ai-systems/scope-gaps'))).body.items.map((g: { name: string }) => g.name);
    expect(gaps).toEqual(expect.arrayContaining(['Lead scoring model', 'GitHub Copilot', 'Nimbus Desk']));
    say('inventory summary', `named in scope, not in the inventory: ${summary.namedInScopeMissing} (${gaps.join(', ')})`);
    const scopeChecks = (await lead.get(org('/scope'))).body.approved.checks as Check[];
    const missing = scopeChecks.filter((c) => c.code === 'not-in-inventory');
    expect(missing.map((c) => c.message).join(' ')).toContain('Lead scoring model');
    say('scope check not-in-inventory', missing[0].message);

    // 5. The duplicate is flagged on both records, and not risk-rated is a flag too.
    for (const id of [replies, twin]) {
      const flags = (await lead.get(org(`/ai-systems/${id}`))).body.flags as Flag[];
      const dup = flags.find((f) => f.code === 'possible-duplicate');
      expect(dup?.message).toBeTruthy();
      say('AI system flag possible-duplicate', dup?.message ?? '');
    }
    expect(summary.duplicateGroups).toBe(1);
    expect(summary.missing.risk).toBe(2);

    // 6. Step 2: the gap assessment pre-fills only what the ISMS gives.
    const created = await lead.post(org('/gap-assessments'), {
      title: 'Initial AIMS gap assessment',
      assessmentDate: '2026-11-02',
      reusedIsmsProcesses: ISMS_PROCESSES.map((p) => p.id),
    });
    expect(created.status).toBe(201);
    const assessment = created.body;
    const status = (req: string) => assessment.answers.find((a: { requirementId: string }) => a.requirementId === req)?.status;
    for (const req of ['5.2', '6.1.2', '6.1.3', '6.1.4', '6.2', '8.2', '8.3', '8.4'])
      expect(status(req), req).toBe('not-started');
    expect(assessment.progress.aiSpecificInPlace).toBe(0);
    expect(assessment.progress.reusedFromIsms).toBeGreaterThan(0);
    say(
      'gap dashboard',
      `reused from the ISMS ${assessment.progress.reusedFromIsms}, AI-specific work in place ${assessment.progress.aiSpecificInPlace}, of ${assessment.progress.total}`,
    );
    const fact = (await factsBeside(lead, orgId, assessment.id))('4.3').find((f) => f.includes('missing from the inventory'));
    expect(fact).toContain('Lead scoring model');
    say('gap fact beside 4.3', String(fact));

    // 7. A clause is never "not applicable".
    const na = await lead.put(org(`/gap-assessments/${assessment.id}/answers/9.2.1`), {
      status: 'not-applicable',
      justification: 'We have no internal audit yet',
    });
    expect(na.status).toBe(400);
    expect(na.body.errors[0].field).toBe('body.status');
    say('gap answer refused', na.body.errors[0].message);

    // 8. The action plan starts with the AI policy, the risk method and the impact assessment.
    const plan = await lead.post(org(`/gap-assessments/${assessment.id}/action-plan`), {});
    expect(plan.status).toBeLessThan(300);
    const first = (await lead.get(org(`/gap-assessments/${assessment.id}/actions`))).body.items.slice(0, 5);
    expect(first.map((a: { requirementId: string }) => a.requirementId)).toEqual(
      expect.arrayContaining(['5.2', '6.1.2', '6.1.4']),
    );
    for (const a of first.slice(0, 3)) say('action plan', `${a.requirementId} ${a.title} (priority ${a.priority})`);

    // 9. Reports name the legal entity.
    const report = await lead.request('GET', org(`/gap-assessments/${assessment.id}/report?format=html`));
    expect(report.status).toBe(200);
    expect(String(report.body)).toContain('Nimbus Software GmbH (Nimbus)');
    say('gap report', 'names "Nimbus Software GmbH (Nimbus)"');
  });
});
