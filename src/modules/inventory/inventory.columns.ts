import { fold } from '../../platform/text.js';
import { AI_ROLES } from '../organizations/index.js';
import {
  AI_SYSTEM_KINDS,
  type AiSystemInput,
  DATA_SENSITIVITIES,
  DEPENDENCIES,
  LIFECYCLE_STAGES,
  USER_IMPACTS,
} from './inventory.schemas.js';

// The spreadsheet form of an AI system, shared by the import template, the
// import and the export. The first nine columns are the inventory table of
// the guidance an auditor expects, in its order; the rest serve Annex A.
// Headers and enum values match ignoring case, spaces, hyphens and
// underscores, so "user_impact" and "Customer Facing" are understood.

export type ImportField = keyof AiSystemInput;

export interface Column {
  header: string;
  field: ImportField;
  /** other headers people write for this column */
  aliases?: string[];
  /** what the template's help sheet says goes in it */
  help: string;
}

export const COLUMNS: Column[] = [
  {
    header: 'Name',
    field: 'name',
    aliases: ['AI system or tool name', 'AI system', 'AI system name', 'System name', 'Tool name'],
    help: 'Name of the AI-enabled system, tool, model or platform. Required.',
  },
  { header: 'Business owner', field: 'businessOwner', help: 'A member’s email or name, or a person or team outside OpenAIMS.' },
  { header: 'Technical owner', field: 'technicalOwner', help: 'A member’s email or name, or a person or team outside OpenAIMS.' },
  { header: 'Purpose', field: 'purpose', help: 'What the AI system is used for.' },
  { header: 'User impact', field: 'userImpact', help: `One or more, separated by ";": ${USER_IMPACTS.join(', ')}.` },
  { header: 'Data used', field: 'dataCategories', aliases: ['Data categories'], help: 'Data categories, separated by ";".' },
  {
    header: 'Supplier dependency',
    field: 'suppliers',
    aliases: ['Suppliers', 'Supplier'],
    help: `Suppliers separated by ";", each optionally with its dependency in brackets: "OpenAI (api)". Dependencies: ${DEPENDENCIES.join(', ')}; vendor when left out. Unknown suppliers are created.`,
  },
  {
    header: 'Risk level',
    field: 'riskLevel',
    aliases: ['Risk', 'Risk rating'],
    help: 'A level of the organization’s risk scale.',
  },
  {
    header: 'Monitoring method',
    field: 'monitoringMethod',
    aliases: ['Monitoring'],
    help: 'How performance, incidents or outputs are reviewed.',
  },
  {
    header: 'External id',
    field: 'externalId',
    help: 'Your own identifier. Importing a row whose external id is already in the inventory updates that system.',
  },
  { header: 'Kind', field: 'kind', aliases: ['System kind'], help: `One of: ${AI_SYSTEM_KINDS.join(', ')}.` },
  { header: 'AI role', field: 'aiRole', help: `The organization’s role for this system: ${AI_ROLES.join(', ')}.` },
  { header: 'Life-cycle stage', field: 'lifecycleStage', aliases: ['Stage'], help: `One of: ${LIFECYCLE_STAGES.join(', ')}.` },
  { header: 'In scope', field: 'inScope', aliases: ['In AIMS scope', 'Scope'], help: 'yes, no, or empty while undecided.' },
  {
    header: 'Data sensitivity',
    field: 'dataSensitivity',
    aliases: ['Sensitivity'],
    help: `One of: ${DATA_SENSITIVITIES.join(', ')}.`,
  },
  { header: 'Data source', field: 'dataSource', help: 'Where the data comes from.' },
  { header: 'Intended use', field: 'intendedUse', help: 'The use the system is designed and approved for.' },
  {
    header: 'Foreseeable misuse',
    field: 'foreseeableMisuse',
    aliases: ['Reasonably foreseeable misuse', 'Misuse'],
    help: 'Uses it is not meant for that someone could reasonably attempt.',
  },
  { header: 'Human oversight', field: 'humanOversight', aliases: ['Oversight'], help: 'How people oversee and can override it.' },
  { header: 'Deployment date', field: 'deploymentDate', aliases: ['Deployed', 'Deployed on'], help: 'YYYY-MM-DD.' },
  { header: 'Last review date', field: 'lastReviewDate', aliases: ['Last reviewed', 'Last review'], help: 'YYYY-MM-DD.' },
  { header: 'Tags', field: 'tags', aliases: ['Labels'], help: 'Tags separated by ";".' },
];

export const TEMPLATE_HEADERS = COLUMNS.map((c) => c.header);

/** Fields whose cells hold several values separated by ";". */
export const MULTI_FIELDS = new Set<ImportField>(['userImpact', 'dataCategories', 'suppliers', 'tags']);

const byKey = new Map<string, Column>();
for (const c of COLUMNS) for (const h of [c.header, c.field, ...(c.aliases ?? [])]) byKey.set(fold(h), c);

export function columnFor(header: string): Column | undefined {
  return byKey.get(fold(header));
}

export function columnOf(field: ImportField): Column {
  const c = COLUMNS.find((x) => x.field === field);
  if (!c) throw new Error(`no column for ${field}`);
  return c;
}

// ------------------------------------------------------------------ values

export interface EnumSpec {
  label: string;
  values: readonly string[];
  /** each value in words, as the app and human-readable exports show it; an import accepts these too */
  words: Record<string, string>;
  /** extra spellings, folded, e.g. the guidance's "internal use" */
  aliases?: Record<string, string>;
}

const useSuffix = Object.fromEntries(USER_IMPACTS.map((v) => [`${fold(v)}use`, v]));

// The words match the web app's labels (web/src/modules/*/labels.ts).
const KIND_WORDS: Record<(typeof AI_SYSTEM_KINDS)[number], string> = {
  'own-model': 'Own model',
  'product-feature': 'AI feature of a product',
  'internal-tool': 'Internal tool',
  'third-party-saas': 'Third-party SaaS with AI',
  agent: 'AI agent',
};
const USER_IMPACT_WORDS: Record<(typeof USER_IMPACTS)[number], string> = {
  internal: 'Internal use',
  'customer-facing': 'Customer-facing use',
  'decision-support': 'Decision-support use',
};
const SENSITIVITY_WORDS: Record<(typeof DATA_SENSITIVITIES)[number], string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  personal: 'Personal data',
  'special-category': 'Special-category personal data',
};
const LIFECYCLE_WORDS: Record<(typeof LIFECYCLE_STAGES)[number], string> = {
  planning: 'Planning',
  design: 'Design',
  development: 'Development',
  'verification-and-validation': 'Verification and validation',
  deployment: 'Deployment',
  'operation-and-monitoring': 'Operation and monitoring',
  change: 'Change',
  retired: 'Retired',
};
const AI_ROLE_WORDS: Record<(typeof AI_ROLES)[number], string> = {
  provider: 'AI provider',
  producer: 'AI producer (developer)',
  customer: 'AI customer (user)',
  partner: 'AI partner',
};
const DEPENDENCY_WORDS: Record<(typeof DEPENDENCIES)[number], string> = {
  platform: 'Platform',
  api: 'API',
  model: 'Model',
  vendor: 'Vendor',
  dataset: 'Dataset',
  service: 'Service',
};

export const ENUMS = {
  userImpact: { label: 'user impact', values: USER_IMPACTS, words: USER_IMPACT_WORDS, aliases: useSuffix },
  kind: { label: 'kind', values: AI_SYSTEM_KINDS, words: KIND_WORDS },
  aiRole: { label: 'AI role', values: AI_ROLES, words: AI_ROLE_WORDS },
  lifecycleStage: { label: 'life-cycle stage', values: LIFECYCLE_STAGES, words: LIFECYCLE_WORDS },
  dataSensitivity: { label: 'data sensitivity', values: DATA_SENSITIVITIES, words: SENSITIVITY_WORDS },
  dependency: { label: 'supplier dependency', values: DEPENDENCIES, words: DEPENDENCY_WORDS },
} satisfies Record<string, EnumSpec>;

/** The import columns whose values come from a fixed list. */
export const ENUM_FIELDS = {
  userImpact: ENUMS.userImpact,
  kind: ENUMS.kind,
  aiRole: ENUMS.aiRole,
  lifecycleStage: ENUMS.lifecycleStage,
  dataSensitivity: ENUMS.dataSensitivity,
} satisfies Partial<Record<ImportField, EnumSpec>>;

/** The canonical spelling of an enum value (given as the value or its words), or null when it is not one. */
export function matchEnum(value: string, spec: EnumSpec): string | null {
  const key = fold(value);
  return (
    spec.values.find((v) => fold(v) === key) ??
    spec.aliases?.[key] ??
    spec.values.find((v) => fold(spec.words[v] ?? '') === key) ??
    null
  );
}

/** A value in words ("own-model" -> "Own model"); what is not one of the spec's values stays as it is. */
export function enumWords(value: string, spec: EnumSpec): string {
  return spec.words[value] ?? value;
}

export function enumError(value: string, spec: EnumSpec): string {
  return `"${value}" is not a known ${spec.label}; use one of: ${spec.values.join(', ')}`;
}

const YES = new Set(['yes', 'y', 'true', '1', 'in', 'inscope', 'included']);
const NO = new Set(['no', 'n', 'false', '0', 'out', 'outofscope', 'notinscope', 'excluded']);
const UNDECIDED = new Set(['', 'undecided', 'unknown', 'tbd']);

export function parseInScope(value: string): boolean | null | undefined {
  const key = fold(value);
  if (YES.has(key)) return true;
  if (NO.has(key)) return false;
  if (UNDECIDED.has(key)) return null;
  return undefined;
}

export interface SupplierRef {
  name: string;
  nameKey: string;
  dependency: AiSystemInput['suppliers'][number]['dependency'];
}

/**
 * The key names are matched by. fold() keeps only a-z and 0-9, so a name in
 * another script folds to nothing; such names match on their lower case.
 */
export function matchKey(name: string): string {
  return fold(name) || `raw:${name.trim().toLowerCase()}`;
}

/** "OpenAI (api)" -> OpenAI with dependency api; "OpenAI" -> dependency vendor. */
export function parseSupplierRef(item: string): SupplierRef | { error: string } {
  const m = /^(.*?)\s*\(([^()]*)\)$/.exec(item);
  const name = (m ? m[1] : item).trim();
  if (!name) return { error: `"${item}" has no supplier name` };
  if (!m) return { name, nameKey: matchKey(name), dependency: 'vendor' };
  const dependency = matchEnum(m[2], ENUMS.dependency);
  if (!dependency) return { error: `${enumError(m[2], ENUMS.dependency)} (in "${item}")` };
  return { name, nameKey: matchKey(name), dependency: dependency as SupplierRef['dependency'] };
}

export function formatSupplierRef(name: string, dependency: string): string {
  return `${name} (${dependency})`;
}

export function splitMulti(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

export function formatInScope(v: boolean | null): string {
  return v === null ? '' : v ? 'yes' : 'no';
}

export interface ColumnGuide {
  header: string;
  field: ImportField;
  help: string;
  required: boolean;
  /** several values separated by ";" */
  multiple: boolean;
  /** the values the column takes, when it takes a fixed list; an import accepts each value or its words */
  values: { value: string; label: string }[] | null;
}

const IN_SCOPE_VALUES = [
  { value: 'yes', label: 'In scope' },
  { value: 'no', label: 'Out of scope' },
];

/** What to enter where the values are listed beside it (the template's help lists them in its text). */
const GUIDE_HELP: Partial<Record<ImportField, string>> = {
  userImpact: 'One or more of these, separated by ";".',
  kind: 'One of these.',
  aiRole: 'The organization’s role for this system, one of these.',
  lifecycleStage: 'One of these.',
  dataSensitivity: 'One of these.',
};

/** Every import column with what it accepts; riskScale is the organization's (its levels are the values). */
export function columnGuide(riskScale: string[]): ColumnGuide[] {
  const enums: Partial<Record<ImportField, EnumSpec>> = ENUM_FIELDS;
  return COLUMNS.map((c) => {
    const spec = enums[c.field];
    let values: ColumnGuide['values'] = null;
    if (spec) values = spec.values.map((v) => ({ value: v, label: enumWords(v, spec) }));
    else if (c.field === 'suppliers')
      values = ENUMS.dependency.values.map((v) => ({ value: v, label: enumWords(v, ENUMS.dependency) }));
    else if (c.field === 'riskLevel') values = riskScale.map((v) => ({ value: v, label: v }));
    else if (c.field === 'inScope') values = IN_SCOPE_VALUES;
    return {
      header: c.header,
      field: c.field,
      help: GUIDE_HELP[c.field] ?? c.help,
      required: c.field === 'name',
      multiple: MULTI_FIELDS.has(c.field),
      values,
    };
  });
}
