import { describe, expect, it } from 'vitest';
import { compareScopes, renderStatement, scopeChecks, vaguePhrases } from './scope.rules.js';
import { EMPTY_SCOPE, type ScopeContent } from './scope.schemas.js';

const site = {
  id: '0190a0a0-0000-7000-8000-000000000001',
  name: 'Berlin HQ',
  address: 'Hauptstr. 1\n10115 Berlin',
  country: 'DE',
};

const good: ScopeContent = {
  ...EMPTY_SCOPE,
  boundaryStatement:
    'The AIMS covers the design, development and operation of the FlowPilot workflow automation assistant and the Insights analytics service, delivered from Berlin.',
  aiSystems: [{ name: 'FlowPilot assistant', description: 'LLM-based workflow suggestions', aiSystemId: null }],
  productsAndServices: [{ name: 'FlowPilot', description: 'SaaS workflow automation' }],
  departments: [{ name: 'Product engineering', description: '' }],
  siteIds: [site.id],
  internalAiTools: { included: false, notes: 'Covered by the IT acceptable-use policy.' },
  customerFacingAiFeatures: { included: true, notes: '' },
  thirdPartyAiSystems: { included: true, notes: '', vendors: ['OpenAI API'] },
  countriesOrBusinessUnits: ['Germany'],
  exclusions: [{ item: 'HR screening pilot', justification: 'Paused; not in production.' }],
  interestedParties: [
    { name: 'Enterprise customers', kind: 'external', requirements: 'Evidence of AI governance', addressedByAims: true },
  ],
  issues: [{ kind: 'external', description: 'EU AI Act obligations', effect: 'Transparency duties for chat features' }],
};

const codes = (c: ScopeContent) => scopeChecks(c, [site]).map((x) => x.code);

describe('scope checks (Stage 1: too broad, unclear, not tied to AI use)', () => {
  it('passes a specific, complete scope', () => {
    expect(codes(good)).toEqual([]);
  });

  it('flags an empty scope on every question', () => {
    expect(codes(EMPTY_SCOPE)).toEqual([
      'boundary-missing',
      'no-ai-named',
      'no-sites',
      'no-exclusions',
      'undecided-internalAiTools',
      'undecided-customerFacingAiFeatures',
      'undecided-thirdPartyAiSystems',
      'no-interested-parties',
      'no-issues',
      'no-departments',
      'no-countries',
    ]);
  });

  it('flags vague and short boundaries', () => {
    expect(codes({ ...good, boundaryStatement: 'All AI systems of the company.' })).toEqual([
      'boundary-too-short',
      'boundary-vague',
    ]);
    expect(vaguePhrases('Covers various tools, APIs etc.')).toEqual(['various', 'etc']);
    expect(vaguePhrases('Covers the Etcetera service')).toEqual([]);
  });

  it('flags products without AI systems, unknown sites, unjustified exclusions, vendors missing', () => {
    const c = {
      ...good,
      aiSystems: [],
      siteIds: ['0190a0a0-0000-7000-8000-000000000009'],
      exclusions: [{ item: 'Legacy app', justification: ' ' }],
      thirdPartyAiSystems: { included: true, notes: '', vendors: [] },
    };
    const found = scopeChecks(c, [site]);
    expect(found.map((x) => x.code)).toEqual([
      'no-ai-systems',
      'unknown-site',
      'exclusion-unjustified',
      'third-party-no-vendors',
    ]);
    expect(found.find((x) => x.code === 'exclusion-unjustified')?.field).toBe('exclusions.0.justification');
  });
});

describe('scope statement', () => {
  it('names the organization, systems, sites and exclusions', () => {
    const s = renderStatement(good, { orgName: 'Acme AI GmbH', sites: [site] });
    expect(s).toContain('# Scope of the AI management system of Acme AI GmbH');
    expect(s).toContain('- FlowPilot assistant: LLM-based workflow suggestions');
    expect(s).toContain('- Berlin HQ, Hauptstr. 1, 10115 Berlin (DE)');
    expect(s).toContain('- Internal AI tools: excluded. Covered by the IT acceptable-use policy.');
    expect(s).toContain('- Third-party AI systems and vendors: included (OpenAI API)');
    expect(s).toContain('- HR screening pilot. Justification: Paused; not in production.');
  });
});

describe('scope comparison', () => {
  it('reports added, removed and changed items by name', () => {
    const next: ScopeContent = {
      ...good,
      aiSystems: [
        { name: 'FlowPilot assistant', description: 'LLM suggestions and summaries', aiSystemId: null },
        { name: 'Insights forecaster', description: '', aiSystemId: null },
      ],
      exclusions: [],
      internalAiTools: { included: true, notes: 'Copilot now in scope' },
    };
    expect(compareScopes(good, next)).toEqual([
      { field: 'aiSystems', change: 'changed', before: good.aiSystems[0], after: next.aiSystems[0] },
      { field: 'aiSystems', change: 'added', before: null, after: next.aiSystems[1] },
      { field: 'internalAiTools.included', change: 'changed', before: false, after: true },
      { field: 'internalAiTools.notes', change: 'changed', before: good.internalAiTools.notes, after: 'Copilot now in scope' },
      { field: 'exclusions', change: 'removed', before: good.exclusions[0], after: null },
    ]);
    expect(compareScopes(good, good)).toEqual([]);
  });
});
