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

const ctx = { sites: [site], countries: ['DE'] };
const codes = (c: ScopeContent) => scopeChecks(c, ctx).map((x) => x.code);

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
    const found = scopeChecks(c, ctx);
    expect(found.map((x) => x.code)).toEqual([
      'no-ai-systems',
      'unknown-site',
      'exclusion-unjustified',
      'third-party-no-vendors',
    ]);
    expect(found.find((x) => x.code === 'exclusion-unjustified')?.field).toBe('exclusions.0.justification');
  });
});

describe('over-broad scope (Stage 1: too broad)', () => {
  const broad =
    'The AIMS covers the entire organisation and every use of artificial intelligence across the whole group worldwide.';
  const nothingNamed = { ...good, aiSystems: [], productsAndServices: [], departments: [] };

  it('(a) flags a boundary that claims everything while the scope names nothing, in four languages', () => {
    const found = scopeChecks({ ...nothingNamed, boundaryStatement: broad }, ctx);
    const claim = found.find((c) => c.code === 'scope-claims-everything');
    expect(claim).toMatchObject({ severity: 'warning', field: 'boundaryStatement' });
    expect(claim?.message).toContain('"entire", "every", "whole", "worldwide"');
    for (const text of [
      'Das AIMS umfasst die gesamte Organisation und alle KI-Anwendungen der Gruppe weltweit.',
      "Le SMIA couvre l'entreprise entière et toutes les utilisations de l'IA dans chaque filiale.",
      'El SGIA cubre toda la organización y todos los usos de la IA en cada país.',
      'Covers the group-wide use of AI.',
    ]) {
      expect(codes({ ...nothingNamed, boundaryStatement: text })).toContain('scope-claims-everything');
    }
    // the same words are fine once the scope names what it covers
    expect(codes({ ...good, boundaryStatement: broad })).not.toContain('scope-claims-everything');
    expect(codes({ ...nothingNamed, boundaryStatement: 'Covers the FlowPilot assistant run from Berlin.' })).not.toContain(
      'scope-claims-everything',
    );
  });

  it('(b) flags countries, sites and "worldwide" beyond the organization profile', () => {
    const countries = scopeChecks({ ...good, countriesOrBusinessUnits: ['Germany', 'France', 'ES', 'Sales EMEA'] }, ctx);
    expect(countries.find((c) => c.code === 'countries-beyond-profile')).toMatchObject({
      field: 'countriesOrBusinessUnits',
      message: expect.stringContaining('(France, Spain)'),
    });
    const inBoundary = scopeChecks(
      { ...good, boundaryStatement: `${good.boundaryStatement} Also offered from our teams in Frankreich.` },
      ctx,
    );
    expect(inBoundary.find((c) => c.code === 'countries-beyond-profile')?.field).toBe('boundaryStatement');
    // a target market (in the context's countries) is not beyond the profile
    expect(codes({ ...good, countriesOrBusinessUnits: ['France'] })).toContain('countries-beyond-profile');
    const withMarket = scopeChecks({ ...good, countriesOrBusinessUnits: ['France'] }, { ...ctx, countries: ['DE', 'FR'] });
    expect(withMarket.map((c) => c.code)).not.toContain('countries-beyond-profile');
    const places = scopeChecks(
      { ...good, boundaryStatement: 'Covers FlowPilot as operated from our 12 offices in 5 countries worldwide.' },
      ctx,
    ).find((c) => c.code === 'places-beyond-profile');
    expect(places?.message).toBe(
      'The boundary reaches further than the organization profile: it says "worldwide" and it speaks of 12 sites and it speaks of 5 countries, while the profile has 1 site in 1 country. Name the sites and countries the AIMS covers instead, or complete the organization profile.',
    );
    expect(codes(good)).not.toContain('places-beyond-profile');
  });

  it('(c) flags third-party AI in use with nothing excluded, instead of the general no-exclusions', () => {
    const found = scopeChecks({ ...good, exclusions: [] }, ctx);
    expect(found.map((c) => c.code)).toContain('no-exclusions-third-party');
    expect(found.map((c) => c.code)).not.toContain('no-exclusions');
    expect(found.find((c) => c.code === 'no-exclusions-third-party')?.message).toContain('(OpenAI API)');
    // vendors listed while third-party AI is marked out of scope: still in use
    const excluded = {
      ...good,
      exclusions: [],
      thirdPartyAiSystems: { included: false, notes: '', vendors: ['GitHub Copilot'] },
    };
    expect(codes(excluded)).toContain('no-exclusions-third-party');
    const none = { ...good, exclusions: [], thirdPartyAiSystems: { included: false, notes: '', vendors: [] } };
    expect(codes(none)).toEqual(['no-exclusions']);
  });
});

describe('scope entries missing from the inventory', () => {
  const content = {
    ...good,
    aiSystems: [
      { name: 'FlowPilot assistant', description: '', aiSystemId: '0190a0a0-0000-7000-8000-0000000000a1' },
      { name: 'Lead scorer', description: '', aiSystemId: null },
    ],
    productsAndServices: [{ name: 'FlowPilot', description: '' }],
  };

  it('warns for each named system, product or service with no current record, by link or folded name', () => {
    const found = scopeChecks(content, {
      ...ctx,
      inventory: { started: true, activeIds: [], nameKeys: ['leadscorer'] },
    }).filter((c) => c.code === 'not-in-inventory');
    expect(found.map((c) => [c.severity, c.field])).toEqual([
      ['warning', 'aiSystems.0'],
      ['warning', 'productsAndServices.0'],
    ]);
    expect(found[0].message).toBe(
      'The scope names the AI system "FlowPilot assistant" but the AI system inventory has no current record of it. Add it to the inventory (or restore it if archived) and link this entry, or take it out of the scope.',
    );
    const linked = scopeChecks(content, {
      ...ctx,
      inventory: { started: true, activeIds: ['0190a0a0-0000-7000-8000-0000000000a1'], nameKeys: ['leadscorer', 'flowpilot'] },
    });
    expect(linked.filter((c) => c.code === 'not-in-inventory')).toEqual([]);
  });

  it('only notes them while the inventory is empty', () => {
    const found = scopeChecks(content, { ...ctx, inventory: { started: false, activeIds: [], nameKeys: [] } });
    expect(found.filter((c) => c.code === 'not-in-inventory').map((c) => c.severity)).toEqual(['info', 'info', 'info']);
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
    expect(s).not.toContain('accepted at approval');
  });

  it('lists the open checks accepted at approval with their reasons', () => {
    const s = renderStatement(good, { orgName: 'Acme AI GmbH', sites: [site] }, [
      { code: 'no-exclusions', field: 'exclusions', message: 'Nothing is excluded.', reason: 'Board decision.' },
    ]);
    expect(s).toContain(
      '## Open checks accepted at approval\n\n- Nothing is excluded. (no-exclusions, exclusions). Reason for approving: Board decision.',
    );
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
