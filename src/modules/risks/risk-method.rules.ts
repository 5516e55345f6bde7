// The AI risk method (clause 6.1.2): scales, the matrix that turns likelihood
// and impact into a level, the acceptance criteria, and the AI risk sources.
// Pure functions: the risk register, the impact assessment and the web app all
// score risks with these, so one method gives one answer everywhere.
import { z } from 'zod';
import { ROLES, type Role } from '../../platform/auth/roles.js';

export const riskLevelSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a short id in lower case, e.g. "high"'),
  name: z.string().trim().min(1).max(60),
});

export const scalePointSchema = z.object({
  value: z.number().int().min(1).max(10),
  label: z.string().trim().min(1).max(60),
  /** What this point means for an AI system, in the organization's words. */
  descriptor: z.string().trim().max(1000),
});

export const impactDimensionSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,30}$/, 'a short id in lower case, e.g. "individuals"'),
  name: z.string().trim().min(1).max(80),
  /** True for dimensions about people affected by the AI system (6.1.4). */
  aboutPeople: z.boolean(),
});

export const impactPointSchema = scalePointSchema.extend({
  /** One descriptor per impact dimension id. */
  dimensions: z.record(z.string(), z.string().trim().max(1000)),
});

export const riskSourceSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,40}$/, 'a short id in lower case, e.g. "fairness"'),
  name: z.string().trim().min(1).max(80),
  inUse: z.boolean(),
});

export const riskMethodContentSchema = z.object({
  likelihood: z.array(scalePointSchema).min(2).max(10),
  impact: z.array(impactPointSchema).min(2).max(10),
  impactDimensions: z.array(impactDimensionSchema).min(1).max(12),
  levels: z.array(riskLevelSchema).min(2).max(6),
  /** matrix[likelihood - 1][impact - 1] is a level id. */
  matrix: z.array(z.array(z.string())),
  acceptance: z.object({
    /** Highest level the risk owner may accept without further approval. */
    maxAcceptableLevel: z.string(),
    /** Organization roles that may accept a risk above that level. */
    acceptAboveBy: z.array(z.enum(ROLES)).min(1),
    notes: z.string().trim().max(2000).default(''),
  }),
  riskSources: z.array(riskSourceSchema).max(40),
  /** How often a risk is reviewed by default, in months. */
  reviewIntervalMonths: z.number().int().min(1).max(36).default(12),
});
export type RiskMethodContent = z.infer<typeof riskMethodContentSchema>;
export type RiskLevel = z.infer<typeof riskLevelSchema>;

/** Annex C themes: the AI risk sources a method should name. Ids are ours. */
export const AI_RISK_SOURCES: readonly { id: string; name: string }[] = [
  { id: 'fairness', name: 'Fairness and bias' },
  { id: 'safety', name: 'Safety' },
  { id: 'security', name: 'Security' },
  { id: 'privacy', name: 'Privacy' },
  { id: 'robustness', name: 'Robustness and reliability' },
  { id: 'transparency', name: 'Transparency and explainability' },
  { id: 'accountability', name: 'Accountability' },
  { id: 'environment', name: 'Environmental impact' },
  { id: 'automation', name: 'Level of automation and human oversight' },
  { id: 'domain-expertise', name: 'Lack of domain expertise' },
  { id: 'technology-maturity', name: 'Maturity of technology' },
  { id: 'life-cycle', name: 'Hardware and system life-cycle issues' },
  { id: 'data-quality', name: 'Data quality' },
  { id: 'misuse', name: 'Misuse' },
];

const L = (value: number, label: string, descriptor: string) => ({ value, label, descriptor });
const I = (value: number, label: string, org: string, individuals: string, groups: string, society: string) => ({
  value,
  label,
  descriptor: org,
  dimensions: { organization: org, individuals, groups, society },
});

/** The default 5 by 5 method, written for AI systems (our words). */
export const DEFAULT_RISK_METHOD: RiskMethodContent = {
  likelihood: [
    L(1, 'Rare', 'Not expected over the life of the AI system; no similar failure seen in comparable models or vendors.'),
    L(2, 'Unlikely', 'Could happen under unusual inputs or data shifts; seen elsewhere but not in our systems.'),
    L(3, 'Possible', 'Plausible within a year of operation, e.g. after a model or prompt change or a new user group.'),
    L(4, 'Likely', 'Expected within a year; monitoring, complaints or tests have already shown signs of it.'),
    L(5, 'Almost certain', 'Happening now or expected within months at current volumes and drift.'),
  ],
  impact: [
    I(
      1,
      'Negligible',
      'No noticeable effect on service, customers or obligations.',
      'A person notices an AI error and corrects it with no loss.',
      'No group is treated differently.',
      'No effect beyond the users of the system.',
    ),
    I(
      2,
      'Minor',
      'Short disruption or rework; a customer complaint.',
      'Inconvenience or a small, reversible loss for a person.',
      'A small, short-lived difference in outcomes for a group.',
      'Limited local attention; no lasting effect.',
    ),
    I(
      3,
      'Moderate',
      'Contract or regulatory query; measurable cost or churn.',
      'A wrong decision about a person that takes effort to reverse, or personal data exposed to a few.',
      'Systematic but correctable unfair outcomes for a group.',
      'Public criticism of the organization’s use of AI.',
    ),
    I(
      4,
      'Major',
      'Regulatory breach, lost key customer, or suspension of the AI system.',
      'Harm to a person’s rights, health, finances or access to services that is hard to reverse.',
      'Discrimination affecting many members of a protected group.',
      'Erodes trust in a service people depend on; environmental or economic harm at scale.',
    ),
    I(
      5,
      'Severe',
      'Threat to the organization’s licence to operate or certification.',
      'Irreversible harm to a person’s safety, liberty or fundamental rights.',
      'Lasting exclusion or harm of a group.',
      'Wide societal harm: safety, democratic processes, or the environment.',
    ),
  ],
  impactDimensions: [
    { id: 'organization', name: 'The organization', aboutPeople: false },
    { id: 'individuals', name: 'Individuals affected by the AI system', aboutPeople: true },
    { id: 'groups', name: 'Groups of individuals', aboutPeople: true },
    { id: 'society', name: 'Society', aboutPeople: true },
  ],
  levels: [
    { id: 'low', name: 'Low' },
    { id: 'medium', name: 'Medium' },
    { id: 'high', name: 'High' },
    { id: 'critical', name: 'Critical' },
  ],
  // Score = likelihood x impact: 1-4 low, 5-9 medium, 10-16 high, 20-25 critical.
  matrix: [1, 2, 3, 4, 5].map((l) =>
    [1, 2, 3, 4, 5].map((i) => {
      const s = l * i;
      return s >= 20 ? 'critical' : s >= 10 ? 'high' : s >= 5 ? 'medium' : 'low';
    }),
  ),
  acceptance: { maxAcceptableLevel: 'medium', acceptAboveBy: ['owner'], notes: '' },
  riskSources: AI_RISK_SOURCES.map((s) => ({ ...s, inUse: true })),
  reviewIntervalMonths: 12,
};

export interface MethodProblem {
  field: string;
  message: string;
}

/** A generic-criteria finding: approval needs a reason while one is open. */
export interface MethodWarning extends MethodProblem {
  /** stable id of the check, e.g. "generic-descriptors" */
  code: string;
}

/** Structural errors zod cannot see: the matrix shape, level ids, values 1..n. */
export function methodErrors(m: RiskMethodContent): MethodProblem[] {
  const out: MethodProblem[] = [];
  const levelIds = new Set(m.levels.map((l) => l.id));
  if (levelIds.size !== m.levels.length) out.push({ field: 'levels', message: 'level ids must be unique' });
  m.likelihood.forEach((p, i) => {
    if (p.value !== i + 1)
      out.push({ field: `likelihood.${i}.value`, message: `must be ${i + 1}: scale points run 1, 2, 3 ... in order` });
  });
  m.impact.forEach((p, i) => {
    if (p.value !== i + 1)
      out.push({ field: `impact.${i}.value`, message: `must be ${i + 1}: scale points run 1, 2, 3 ... in order` });
  });
  if (m.matrix.length !== m.likelihood.length) {
    out.push({ field: 'matrix', message: `needs one row per likelihood point (${m.likelihood.length})` });
  }
  m.matrix.forEach((row, l) => {
    if (row.length !== m.impact.length)
      out.push({ field: `matrix.${l}`, message: `needs one cell per impact point (${m.impact.length})` });
    row.forEach((cell, i) => {
      if (!levelIds.has(cell)) out.push({ field: `matrix.${l}.${i}`, message: `"${cell}" is not one of the levels` });
    });
  });
  if (!levelIds.has(m.acceptance.maxAcceptableLevel)) {
    out.push({
      field: 'acceptance.maxAcceptableLevel',
      message: `"${m.acceptance.maxAcceptableLevel}" is not one of the levels`,
    });
  }
  const dimIds = new Set(m.impactDimensions.map((d) => d.id));
  m.impact.forEach((p, i) => {
    for (const key of Object.keys(p.dimensions)) {
      if (!dimIds.has(key))
        out.push({ field: `impact.${i}.dimensions.${key}`, message: `"${key}" is not one of the impact dimensions` });
    }
  });
  return out;
}

/** Descriptors that say nothing about AI: a bare word from a generic template. */
const GENERIC_DESCRIPTORS = new Set([
  'rare',
  'unlikely',
  'possible',
  'likely',
  'almost certain',
  'very unlikely',
  'very likely',
  'certain',
  'insignificant',
  'negligible',
  'minor',
  'moderate',
  'major',
  'severe',
  'catastrophic',
  'critical',
  'low',
  'medium',
  'high',
  'very low',
  'very high',
  'tbd',
  'todo',
  '-',
]);

const bare = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[.!]+$/, '');

function isGeneric(descriptor: string, label: string): boolean {
  const d = bare(descriptor);
  return d === '' || d === bare(label) || GENERIC_DESCRIPTORS.has(d);
}

/** Stage 1 auditors reject criteria that are generic and not AI-specific. */
export function genericCriteriaWarnings(m: RiskMethodContent): MethodWarning[] {
  const out: MethodWarning[] = [];
  if (!m.riskSources.some((s) => s.inUse)) {
    out.push({
      code: 'no-ai-risk-source',
      field: 'riskSources',
      message: 'No AI risk source is in use: name the AI-specific sources (bias, drift, misuse, ...) risks are identified from',
    });
  }
  const generic = [
    ...m.likelihood.filter((p) => isGeneric(p.descriptor, p.label)).map((p) => `likelihood ${p.value}`),
    ...m.impact.filter((p) => isGeneric(p.descriptor, p.label)).map((p) => `impact ${p.value}`),
    // A dimension may be left empty (no effect there), but not filled with a bare word.
    ...m.impact.flatMap((p) =>
      m.impactDimensions
        .filter((d) => bare(p.dimensions[d.id] ?? '') !== '' && isGeneric(p.dimensions[d.id] ?? '', p.label))
        .map((d) => `impact ${p.value} for ${d.id}`),
    ),
  ];
  if (generic.length > 0) {
    out.push({
      code: 'generic-descriptors',
      field: 'descriptors',
      message: `Descriptors are a generic template (${generic.join(', ')}): say what each point means for an AI system`,
    });
  }
  const people = m.impactDimensions.filter((d) => d.aboutPeople);
  if (people.length === 0) {
    out.push({
      code: 'no-people-dimension',
      field: 'impactDimensions',
      message: 'No impact dimension covers the people affected by the AI system (individuals, groups or society)',
    });
  } else {
    const empty = m.impact.filter((p) => people.every((d) => !p.dimensions[d.id]?.trim())).map((p) => p.value);
    if (empty.length > 0) {
      out.push({
        code: 'no-people-descriptors',
        field: 'impactDimensions',
        message: `Impact points ${empty.join(', ')} describe no effect on people affected by the AI system`,
      });
    }
  }
  return out;
}

/** The level of a likelihood and impact pair, or an error naming the field. */
export function riskLevel(m: RiskMethodContent, likelihood: number, impact: number): RiskLevel {
  const id = m.matrix[likelihood - 1]?.[impact - 1];
  const level = m.levels.find((l) => l.id === id);
  if (!level) throw new RangeError(`likelihood ${likelihood} and impact ${impact} are outside the method's scales`);
  return level;
}

/** A field error when the value is outside the scale, else null. */
export function scaleError(m: RiskMethodContent, axis: 'likelihood' | 'impact', value: number): string | null {
  const n = m[axis].length;
  return Number.isInteger(value) && value >= 1 && value <= n
    ? null
    : `must be a whole number from 1 to ${n} (the method's ${axis} scale)`;
}

/** Position of a level in the method's order (0 = lowest). */
export function levelRank(m: RiskMethodContent, levelId: string): number {
  return m.levels.findIndex((l) => l.id === levelId);
}

/** Above the acceptance threshold: needs treatment, or acceptance by an allowed role. */
export function isAboveThreshold(m: RiskMethodContent, levelId: string): boolean {
  return levelRank(m, levelId) > levelRank(m, m.acceptance.maxAcceptableLevel);
}

/** Who may accept a risk at this level: anyone with write access at or below the threshold. */
export function mayAccept(m: RiskMethodContent, levelId: string, role: Role): boolean {
  if (!isAboveThreshold(m, levelId)) return true;
  return m.acceptance.acceptAboveBy.includes(role);
}
