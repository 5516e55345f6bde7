import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUIREMENTS, REVIEW_AREAS } from '../../src/catalogue/index.js';
import { ACTION_STATUSES, ANSWER_STATUSES, ASSESSMENT_STATUSES, EFFORTS, LINK_TYPES } from '../../src/modules/gap/gap.rules.js';
import {
  AI_SYSTEM_KINDS,
  DATA_SENSITIVITIES,
  LIFECYCLE_STAGES,
  USER_IMPACTS,
} from '../../src/modules/inventory/inventory.schemas.js';
import { DEFAULT_RISK_METHOD } from '../../src/modules/risks/risk-method.rules.js';
import { IMPLEMENTATION_STATUSES } from '../../src/modules/soa/soa.schemas.js';
import { ROLES } from '../../src/platform/auth/roles.js';
import { type Client, createTestApp, setupOwner, type TestApp } from '../support/app.js';
import { approveScope } from '../support/approve-scope.js';
import { testDialects } from '../support/db.js';

// Issue 10, part 6: every report people read (HTML, and so PDF, DOCX and
// XLSX, rendered from the same model) names statuses and review areas in
// words and dates in the organization's locale; CSV and JSON keep values and
// ISO 8601. Each report is rendered as HTML and read cell by cell.

/** Every machine value a report could leak. */
const RAW = new Set<string>([
  ...ANSWER_STATUSES,
  ...ACTION_STATUSES,
  ...ASSESSMENT_STATUSES,
  ...EFFORTS,
  ...LINK_TYPES,
  ...REVIEW_AREAS.map((a) => a.id),
  ...IMPLEMENTATION_STATUSES,
  ...AI_SYSTEM_KINDS,
  ...USER_IMPACTS,
  ...DATA_SENSITIVITIES,
  ...LIFECYCLE_STAGES,
  ...ROLES,
  'clause',
  'annex-a',
  'draft',
  'approved',
  'superseded',
]);

const decode = (s: string) =>
  s
    .replace(/<br\s*\/?>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();

/** The text of every table cell, list item and paragraph line of an HTML report. */
function pieces(html: string): string[] {
  const body = html.replace(/<style>[\s\S]*?<\/style>/, '');
  return [...body.matchAll(/<(td|th|li|p|h2|caption|figcaption|text)[^>]*>([\s\S]*?)<\/\1>/g)].flatMap((m) =>
    decode(m[2]).split('\n'),
  );
}

/** Raw values in a report: a whole cell (or line) that is one, or a hyphenated one anywhere in the text. */
function rawValues(html: string): string[] {
  const found = new Set<string>();
  for (const piece of pieces(html)) {
    if (RAW.has(piece.trim())) found.add(piece.trim());
    for (const token of piece.match(/\b[a-z0-9]+(?:-[a-z0-9]+)+\b/g) ?? []) if (RAW.has(token)) found.add(token);
  }
  return [...found];
}

describe.each(testDialects())('reports in words and the organization’s dates (%s)', (dialect) => {
  let t: TestApp;
  let owner: Client;
  let orgId: string;
  let assessmentId: string;
  const org = (p: string) => `/api/v1/orgs/${orgId}${p}`;
  const html = async (p: string) => {
    const res = await owner.request('GET', org(p));
    expect(res.status, p).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    return res.raw.body;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ client: owner, orgId } = await setupOwner(t.app));
    const profile = (await owner.get(org('/profile'))).body;
    const { updatedAt: _u, ...rest } = profile;
    const saved = await owner.put(org('/profile'), {
      ...rest,
      legalName: 'Acme Analytics GmbH',
      country: 'DE',
      sites: [{ name: 'Berlin office', address: 'Unter den Linden 1, Berlin', country: 'DE' }],
    });
    expect(saved.status).toBe(200);
    const siteId = saved.body.sites[0].id;
    const content = {
      boundaryStatement: 'The Acme demand forecast service',
      aiSystems: [],
      productsAndServices: [],
      departments: [],
      siteIds: [siteId],
      internalAiTools: { included: true, notes: '' },
      customerFacingAiFeatures: { included: false, notes: '' },
      thirdPartyAiSystems: { included: null, notes: '', vendors: [] },
      countriesOrBusinessUnits: [],
      exclusions: [],
      interestedParties: [],
      issues: [],
    };
    expect((await owner.put(org('/scope/draft'), { content })).status).toBe(200);
    await approveScope(owner, orgId);

    const a = await owner.post(org('/gap-assessments'), { title: 'Baseline', assessmentDate: '2026-11-01' });
    assessmentId = a.body.id;
    // every answer status, on clauses and controls of several review areas
    const statuses = ['implemented', 'partial', 'not-started', 'not-applicable'];
    for (const [i, r] of REQUIREMENTS.filter((_, k) => k % 5 === 0).entries()) {
      // a clause cannot be not applicable; a control can
      const wanted = statuses[i % statuses.length];
      const status = wanted === 'not-applicable' && r.kind === 'clause' ? 'partial' : wanted;
      const body = status === 'not-applicable' ? { status, justification: 'Not used here' } : { status };
      expect((await owner.put(org(`/gap-assessments/${assessmentId}/answers/${r.id}`), body)).status, r.id).toBe(200);
    }
    const plan = await owner.post(org(`/gap-assessments/${assessmentId}/action-plan`), {});
    const action = plan.body.items[0];
    expect((await owner.patch(org(`/gap-actions/${action.id}`), { status: 'in-progress' })).status).toBe(200);

    const system = await owner.post(org('/ai-systems'), {
      name: 'Demand forecast',
      kind: 'own-model',
      lifecycleStage: 'operation-and-monitoring',
      deploymentDate: '2026-03-14',
    });
    expect(system.status).toBe(201);
  });
  afterAll(() => t.close());

  it('the gap report: statuses, efforts, kinds and review areas in words, dates as in Germany', async () => {
    const report = await html(`/gap-assessments/${assessmentId}/report?format=html`);
    expect(rawValues(report)).toEqual([]);
    // review areas by their titles
    for (const area of REVIEW_AREAS.slice(0, 3)) expect(report).toContain(area.title);
    expect(report).toContain('Partially implemented');
    expect(report).toContain('In progress');
    // dates in the organization's locale (de-DE), ISO nowhere
    expect(report).toContain('01.11.2026');
    expect(report).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
    expect(report).toMatch(/Generated<\/th><td>\d\d\.\d\d\.20\d\d, \d\d:\d\d UTC/);
  });

  it('the scope statement: decisions and countries in words, the approval date as in Germany', async () => {
    const report = await html('/scope/versions/1/statement?format=html');
    expect(rawValues(report)).toEqual([]);
    expect(report).toContain('<td>Germany</td>');
    expect(report).not.toContain('<td>DE</td>');
    expect(report).toMatch(/Approved<\/th><td>\d\d\.\d\d\.20\d\d, \d\d:\d\d UTC by /);
    expect(report).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('the Statement of Applicability: implementation statuses in words, dates as in Germany', async () => {
    const report = await html('/soa/export?format=html');
    expect(rawValues(report)).toEqual([]);
    expect(report).toMatch(/Generated<\/th><td>\d\d\.\d\d\.20\d\d, \d\d:\d\d UTC/);
  });

  it('the risk method document: roles and levels in words, the approval date as in Germany', async () => {
    expect((await owner.put(org('/risk-method/draft'), { content: DEFAULT_RISK_METHOD })).status).toBe(200);
    expect((await owner.post(org('/risk-method/draft/approve'), {})).status).toBe(200);
    const report = await html('/risk-method/versions/1/document?format=html');
    expect(rawValues(report)).toEqual([]);
    expect(report).toMatch(/Approved<\/th><td>\d\d\.\d\d\.20\d\d, \d\d:\d\d UTC by /);
  });

  it('CSV and JSON keep machine values and ISO 8601 dates', async () => {
    const csv = (await owner.request('GET', org('/ai-systems/export?format=csv'))).raw.body;
    expect(csv).toContain('own-model');
    expect(csv).toContain('operation-and-monitoring');
    expect(csv).toContain('2026-03-14');
    expect(csv).not.toContain('14.03.2026');
    const json = (await owner.get(org(`/gap-assessments/${assessmentId}`))).body;
    expect(json.assessmentDate).toBe('2026-11-01');
  });

  it('finds a raw value when one is there (the check can fail)', () => {
    expect(
      rawValues('<table><tr><td>partial</td><td>Owner: policy-objectives</td><td>Partially implemented</td></tr></table>'),
    ).toEqual(['partial', 'policy-objectives']);
  });
});
