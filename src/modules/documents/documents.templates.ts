// Starter document templates (clause 7.5) and how their {{placeholders}} are
// filled from the organization's own records. Pure: the facts are read once by
// templateFacts (documents.template-facts.ts) and passed in, so filling is
// tested without a database and gives the same text for the same facts.
import { countryName } from '../../platform/text.js';
import { aiImpactAssessmentProcedure } from './templates/ai-impact-assessment-procedure.js';
import { aiIncidentHandling } from './templates/ai-incident-handling.js';
import { aiLifecycleControls } from './templates/ai-lifecycle-controls.js';
import { aiPolicy } from './templates/ai-policy.js';
import { aiRiskAssessmentMethod } from './templates/ai-risk-assessment-method.js';
import { dataGovernanceControls } from './templates/data-governance-controls.js';
import { supplierVendorControls } from './templates/supplier-vendor-controls.js';
import { type DocumentTemplate, TEMPLATE_ROLE_NAMES } from './templates/template.js';

export { type DocumentTemplate, TEMPLATE_ROLE_KEYS, TEMPLATE_ROLE_NAMES, type TemplateRoleKey } from './templates/template.js';

export const DOCUMENT_TEMPLATES: readonly DocumentTemplate[] = Object.freeze([
  aiPolicy,
  aiRiskAssessmentMethod,
  aiImpactAssessmentProcedure,
  aiIncidentHandling,
  dataGovernanceControls,
  aiLifecycleControls,
  supplierVendorControls,
]);

export function findTemplate(id: string): DocumentTemplate | undefined {
  return DOCUMENT_TEMPLATES.find((t) => t.id === id);
}

/** What the placeholders are filled from; templateFacts reads it from the organization's records. */
export interface TemplateFacts {
  org: { name: string; country: string | null; employees: number | null };
  /** the approved scope, else the draft (status says which), else status 'none' */
  scope: { status: 'approved' | 'draft' | 'none'; statement: string | null; aiSystems: string[] };
  /** the roles register's governance roles (active ones) */
  roles: { key: string | null; name: string; holder: { name: string } | null }[];
  /** the effective risk method: level names from lowest to highest */
  riskMethod: { levels: string[]; acceptableLevel: string; reviewIntervalMonths: number } | null;
  /** YYYY-MM-DD */
  today: string;
}

/** Every placeholder fillTemplate knows, for the editor's help text. `role.<key>` stands for one per key. */
export const TEMPLATE_PLACEHOLDERS: readonly { name: string; meaning: string }[] = [
  { name: 'org.name', meaning: 'legal name from the profile, else the organization name' },
  { name: 'org.country', meaning: 'country of the profile' },
  { name: 'org.employees', meaning: 'number of employees from the profile' },
  { name: 'scope.statement', meaning: 'boundary statement of the approved scope (else the draft, marked)' },
  { name: 'scope.aiSystems', meaning: 'AI systems the scope names' },
  { name: 'date.today', meaning: 'the date the document was created' },
  { name: 'riskMethod.levels', meaning: 'risk levels of the effective risk method' },
  { name: 'riskMethod.acceptableLevel', meaning: 'highest level a risk owner may accept' },
  { name: 'riskMethod.reviewInterval', meaning: 'how often risks are reviewed' },
  { name: 'role.<key>', meaning: `holder and name of a governance role; keys: ${Object.keys(TEMPLATE_ROLE_NAMES).join(', ')}` },
];

/**
 * The governance role keys a template body gives duties to ({{role.<key>}}),
 * once each in order: what a document made from it can record as its named
 * roles, so the register flags it when one of them falls vacant.
 */
export function templateRoleKeysOf(body: string): string[] {
  return [...new Set([...body.matchAll(/\{\{\s*role\.([^{}\s]+)\s*\}\}/g)].map((m) => m[1]))];
}

export const SCOPE_NOT_APPROVED = '[scope not yet approved]';
export const vacantRole = (roleName: string) => `[role vacant: ${roleName}]`;
const unknown = (name: string) => `[unknown: ${name}]`;

interface Resolved {
  text: string;
  /** true when the text is a stand-in (or unapproved data) someone must check */
  missing: boolean;
}

const known = (text: string): Resolved => ({ text, missing: false });
const gap = (text: string): Resolved => ({ text, missing: true });

function resolveRole(key: string, facts: TemplateFacts): Resolved | undefined {
  const role = facts.roles.find((r) => r.key === key);
  // A role the register no longer has (archived, never seeded) reads as vacant
  // under its usual name, so the gap shows in the text instead of vanishing.
  const name = role?.name ?? TEMPLATE_ROLE_NAMES[key as keyof typeof TEMPLATE_ROLE_NAMES];
  if (!name) return undefined;
  // Name the role next to its holder: the document keeps saying which role
  // carries the duty after the holder changes, and the documents register can
  // find the role's name in the text to flag it once it falls vacant.
  return role?.holder ? known(`${role.holder.name} (${name})`) : gap(vacantRole(name));
}

function resolve(name: string, facts: TemplateFacts): Resolved | undefined {
  if (name.startsWith('role.')) return resolveRole(name.slice(5), facts);
  const draft = facts.scope.status === 'draft' ? ` ${SCOPE_NOT_APPROVED}` : '';
  const method = facts.riskMethod;
  switch (name) {
    case 'org.name':
      return known(facts.org.name);
    case 'org.country':
      return facts.org.country ? known(countryName(facts.org.country)) : gap('[country not recorded]');
    case 'org.employees':
      return facts.org.employees ? known(String(facts.org.employees)) : gap('[number of employees not recorded]');
    case 'scope.statement':
      return facts.scope.statement?.trim()
        ? { text: `${facts.scope.statement.trim()}${draft}`, missing: draft !== '' }
        : gap(SCOPE_NOT_APPROVED);
    case 'scope.aiSystems':
      return facts.scope.aiSystems.length
        ? { text: `${facts.scope.aiSystems.join(', ')}${draft}`, missing: draft !== '' }
        : gap('[no AI systems named in the scope yet]');
    case 'date.today':
      return known(facts.today);
    case 'riskMethod.levels':
      return method ? known(method.levels.join(', ')) : undefined;
    case 'riskMethod.acceptableLevel':
      return method ? known(method.acceptableLevel) : undefined;
    case 'riskMethod.reviewInterval':
      return method ? known(`${method.reviewIntervalMonths} months`) : undefined;
    default:
      return undefined;
  }
}

/**
 * Fills {{placeholders}} in one pass (a value that itself contains braces is
 * not filled again). A value becomes one line, with table pipes escaped, so it
 * cannot break the Markdown around it. An unknown placeholder stays visible
 * as [unknown: name]; `missing` lists, once each in order of appearance, the
 * placeholders shown as a stand-in (vacant role, unapproved scope, unknown).
 */
export function fillTemplate(body: string, facts: TemplateFacts): { body: string; missing: string[] } {
  const missing = new Set<string>();
  const out = body.replace(/\{\{([^{}]*)\}\}/g, (_, raw: string) => {
    const name = raw.trim();
    const r = resolve(name, facts) ?? gap(unknown(name));
    if (r.missing) missing.add(name);
    return r.text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  });
  return { body: out, missing: [...missing] };
}
