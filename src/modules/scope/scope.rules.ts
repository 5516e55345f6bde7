import { type DiffOptions, diffContent, type VersionChange } from '../../platform/versioned/versioned.diff.js';
import type { AcceptedException } from '../../platform/versioned/index.js';
import { fold } from '../../platform/text.js';
import { breadthChecks } from './scope.breadth-checks.js';
import type { ScopeCheck, ScopeContent } from './scope.schemas.js';

// Pure rules of the AIMS scope: the Stage 1 checks ("scope is too broad,
// unclear, or not tied to actual AI use"), the readable statement, and the
// comparison of two versions. No I/O, so they are unit-tested directly.

export interface ScopeSite {
  id: string;
  name: string;
  address: string;
  country: string;
}

/** Phrases that make a boundary impossible to audit: they name no thing. */
const VAGUE_PHRASES = [
  'all ai',
  'all systems',
  'all activities',
  'all products',
  'all services',
  'all operations',
  'everything',
  'various',
  'etc',
  'and so on',
  'any ai',
  'as appropriate',
  'as needed',
  'where applicable',
  'and more',
  'among others',
];
const MIN_BOUNDARY_WORDS = 12;

export function vaguePhrases(text: string): string[] {
  const normalized = ` ${text.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
  return VAGUE_PHRASES.filter((p) => normalized.includes(` ${p} `));
}

/** What the checks compare the scope with, loaded by the service. */
export interface ScopeCheckContext {
  /** the organization profile's sites */
  sites: ScopeSite[];
  /** ISO codes of the countries the profile names: registration, sites, target markets */
  countries: string[];
  /**
   * The inventory as far as the scope's names go; absent when not known.
   * started: it holds any current record; activeIds: linked records that are
   * current; nameKeys: fold() of the scope's names a current record bears.
   */
  inventory?: { started: boolean; activeIds: string[]; nameKeys: string[] };
}

export function scopeChecks(content: ScopeContent, ctx: ScopeCheckContext): ScopeCheck[] {
  const { sites } = ctx;
  const checks: ScopeCheck[] = [];
  const warn = (code: string, field: string, message: string) => checks.push({ code, severity: 'warning', field, message });
  const info = (code: string, field: string, message: string) => checks.push({ code, severity: 'info', field, message });

  const boundary = content.boundaryStatement.trim();
  const words = boundary ? boundary.split(/\s+/).length : 0;
  if (!boundary) {
    warn(
      'boundary-missing',
      'boundaryStatement',
      'Write the boundary: what the AIMS covers, in one or two sentences a buyer can read.',
    );
  } else {
    if (words < MIN_BOUNDARY_WORDS) {
      warn(
        'boundary-too-short',
        'boundaryStatement',
        `The boundary has ${words} words; name the AI systems, services and sites it covers.`,
      );
    }
    const vague = vaguePhrases(boundary);
    if (vague.length) {
      warn(
        'boundary-vague',
        'boundaryStatement',
        `The boundary uses vague wording (${vague.map((v) => `"${v}"`).join(', ')}); name what is covered instead.`,
      );
    }
  }

  if (content.aiSystems.length === 0 && content.productsAndServices.length === 0) {
    warn('no-ai-named', 'aiSystems', 'No AI system, product or service is named: the scope is not tied to actual AI use.');
  } else if (content.aiSystems.length === 0) {
    warn('no-ai-systems', 'aiSystems', 'Products are named but no AI system: list the AI systems behind them.');
  }

  if (content.siteIds.length === 0) {
    warn('no-sites', 'siteIds', 'No site is named. A certificate lists the sites it covers.');
  }
  const known = new Set(sites.map((s) => s.id));
  content.siteIds.forEach((id, i) => {
    if (!known.has(id)) warn('unknown-site', `siteIds.${i}`, 'This site is no longer in the organization profile.');
  });

  const thirdPartyInUse = content.thirdPartyAiSystems.included === true || content.thirdPartyAiSystems.vendors.length > 0;
  if (content.exclusions.length === 0 && thirdPartyInUse) {
    // The more specific form of no-exclusions: a vendor's AI is where the boundary needs drawing.
    const vendors = content.thirdPartyAiSystems.vendors;
    warn(
      'no-exclusions-third-party',
      'exclusions',
      `Third-party AI is in use${vendors.length ? ` (${vendors.join(', ')})` : ''} but nothing is listed as outside the scope. Say which part of it the AIMS does not cover (for example the vendor's own model development and hosting, handled through supplier controls), or say why nothing is excluded.`,
    );
  } else if (content.exclusions.length === 0) {
    warn('no-exclusions', 'exclusions', 'Nothing is listed as outside the scope. State what is excluded, or why nothing is.');
  }
  content.exclusions.forEach((e, i) => {
    if (!e.justification.trim()) {
      warn('exclusion-unjustified', `exclusions.${i}.justification`, `The exclusion "${e.item}" has no justification.`);
    }
  });

  const questions: [keyof Pick<ScopeContent, 'internalAiTools' | 'customerFacingAiFeatures' | 'thirdPartyAiSystems'>, string][] =
    [
      ['internalAiTools', 'Decide whether internal AI tools are in scope.'],
      ['customerFacingAiFeatures', 'Decide whether customer-facing AI features are in scope.'],
      ['thirdPartyAiSystems', 'Decide whether third-party AI systems and vendors are in scope.'],
    ];
  for (const [field, message] of questions) {
    if (content[field].included === null) warn(`undecided-${field}`, `${field}.included`, message);
  }
  if (content.thirdPartyAiSystems.included === true && content.thirdPartyAiSystems.vendors.length === 0) {
    warn('third-party-no-vendors', 'thirdPartyAiSystems.vendors', 'Third-party AI is in scope but no vendor is named.');
  }

  if (content.interestedParties.length === 0) {
    warn(
      'no-interested-parties',
      'interestedParties',
      'No interested party is recorded (clause 4.2): customers, regulators, staff...',
    );
  }
  if (content.issues.length === 0) {
    warn('no-issues', 'issues', 'No internal or external issue is recorded (clause 4.1).');
  }
  if (content.departments.length === 0) {
    info('no-departments', 'departments', 'No department or team is named; auditors interview the teams in scope.');
  }
  if (content.countriesOrBusinessUnits.length === 0) {
    info('no-countries', 'countriesOrBusinessUnits', 'No country or business unit is named.');
  }
  checks.push(...breadthChecks(content, ctx));
  if (ctx.inventory) checks.push(...inventoryChecks(content, ctx.inventory));
  return checks;
}

/** Each AI system, product or service the scope names that has no current inventory record. */
function inventoryChecks(content: ScopeContent, inventory: NonNullable<ScopeCheckContext['inventory']>): ScopeCheck[] {
  const ids = new Set(inventory.activeIds);
  const keys = new Set(inventory.nameKeys);
  const present = (name: string, id: string | null) => (id !== null && ids.has(id)) || keys.has(fold(name));
  // Before the inventory (step 3) is started, every name would be missing: a note, not a warning.
  const severity = inventory.started ? 'warning' : 'info';
  const entries = [
    ...content.aiSystems.map((a, i) => ({ name: a.name, id: a.aiSystemId, field: `aiSystems.${i}`, what: 'AI system' })),
    ...content.productsAndServices.map((p, i) => ({
      name: p.name,
      id: null,
      field: `productsAndServices.${i}`,
      what: 'product or service',
    })),
  ];
  return entries
    .filter((e) => !present(e.name, e.id))
    .map((e) => ({
      code: 'not-in-inventory',
      severity,
      field: e.field,
      message: inventory.started
        ? `The scope names the ${e.what} "${e.name}" but the AI system inventory has no current record of it. Add it to the inventory (or restore it if archived) and link this entry, or take it out of the scope.`
        : `The scope names the ${e.what} "${e.name}"; the AI system inventory is still empty. Record it there when you build the inventory (step 3).`,
    }));
}

const yesNo = (v: boolean | null) => (v === null ? 'not yet decided' : v ? 'included' : 'excluded');

function bullets(items: string[], empty: string): string {
  return items.length ? items.map((s) => `- ${s}`).join('\n') : `_${empty}_`;
}

const withDescription = (name: string, description: string) => (description.trim() ? `${name}: ${description.trim()}` : name);

/** The scope as a statement a buyer or auditor reads (Markdown). */
export function renderStatement(
  content: ScopeContent,
  ctx: { orgName: string; sites: ScopeSite[] },
  exceptions: AcceptedException[] = [],
): string {
  const byId = new Map(ctx.sites.map((s) => [s.id, s]));
  const sites = content.siteIds.map((id) => {
    const s = byId.get(id);
    return s ? `${s.name}, ${s.address.replace(/\s*\n\s*/g, ', ')} (${s.country})` : 'unknown site';
  });
  const third = content.thirdPartyAiSystems;
  const parts = [
    `# Scope of the AI management system of ${ctx.orgName}`,
    content.boundaryStatement.trim() || '_No boundary statement yet._',
    '## AI systems covered',
    bullets(
      content.aiSystems.map((a) => withDescription(a.name, a.description)),
      'None named.',
    ),
    '## Products and services',
    bullets(
      content.productsAndServices.map((p) => withDescription(p.name, p.description)),
      'None named.',
    ),
    '## Departments and teams',
    bullets(
      content.departments.map((d) => withDescription(d.name, d.description)),
      'None named.',
    ),
    '## Sites',
    bullets(sites, 'None named.'),
    '## Countries and business units',
    bullets(content.countriesOrBusinessUnits, 'None named.'),
    '## AI use covered',
    [
      `- Internal AI tools: ${yesNo(content.internalAiTools.included)}${content.internalAiTools.notes.trim() ? `. ${content.internalAiTools.notes.trim()}` : ''}`,
      `- Customer-facing AI features: ${yesNo(content.customerFacingAiFeatures.included)}${content.customerFacingAiFeatures.notes.trim() ? `. ${content.customerFacingAiFeatures.notes.trim()}` : ''}`,
      `- Third-party AI systems and vendors: ${yesNo(third.included)}${third.vendors.length ? ` (${third.vendors.join(', ')})` : ''}${third.notes.trim() ? `. ${third.notes.trim()}` : ''}`,
    ].join('\n'),
    '## Outside the scope',
    bullets(
      content.exclusions.map(
        (e) => `${e.item}${e.justification.trim() ? `. Justification: ${e.justification.trim()}` : ' (no justification given)'}`,
      ),
      'No exclusions stated.',
    ),
    '## Interested parties and their requirements (4.2)',
    bullets(
      content.interestedParties.map(
        (p) =>
          `${p.name} (${p.kind})${p.requirements.trim() ? `: ${p.requirements.trim()}` : ''}${p.addressedByAims === null ? '' : p.addressedByAims ? ' [addressed through the AIMS]' : ' [not addressed through the AIMS]'}`,
      ),
      'None recorded.',
    ),
    '## Internal and external issues (4.1)',
    bullets(
      content.issues.map(
        (i) =>
          `${i.kind === 'internal' ? 'Internal' : 'External'}: ${i.description}${i.effect.trim() ? `. Effect: ${i.effect.trim()}` : ''}`,
      ),
      'None recorded.',
    ),
  ];
  if (exceptions.length) {
    parts.push(
      '## Open checks accepted at approval',
      bullets(
        exceptions.map((e) => `${e.message} (${e.code}, ${e.field}). Reason for approving: ${e.reason}`),
        '',
      ),
    );
  }
  return `${parts.join('\n\n')}\n`;
}

export type ScopeChange = VersionChange;

// List items are matched by what a person calls them, so renaming shows as a
// removal plus an addition and editing a description shows as a change.
export const SCOPE_LISTS: DiffOptions['lists'] = {
  aiSystems: (i: { name: string }) => i.name,
  productsAndServices: (i: { name: string }) => i.name,
  departments: (i: { name: string }) => i.name,
  exclusions: (i: { item: string }) => i.item,
  interestedParties: (i: { name: string }) => i.name,
  issues: (i: { description: string }) => i.description,
};

export function compareScopes(before: ScopeContent, after: ScopeContent): ScopeChange[] {
  return diffContent(before, after, { lists: SCOPE_LISTS });
}
