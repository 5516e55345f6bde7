import { getRequirement } from '../../catalogue/index.js';
import type { FieldError } from '../../platform/http/errors.js';

// The rules of an internal audit that need no database: numbering, status
// words and transitions, the auditor independence check, and the checklist
// an audit starts with.

export const AUDIT_STATUSES = ['planned', 'in-progress', 'reported', 'closed'] as const;
export type AuditStatus = (typeof AUDIT_STATUSES)[number];
export const STATUS_LABELS: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  reported: 'Reported',
  closed: 'Closed',
};

export const ITEM_RESULTS = ['conforming', 'nonconformity', 'observation', 'opportunity'] as const;
export type ItemResult = (typeof ITEM_RESULTS)[number];
export const RESULT_LABELS: Record<ItemResult, string> = {
  conforming: 'Conforming',
  nonconformity: 'Nonconformity',
  observation: 'Observation',
  opportunity: 'Opportunity for improvement',
};

export const AREA_KINDS = ['ai-system', 'document', 'role', 'control'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

/** Records an item's "evidence reviewed" may link (link kinds other modules register). */
export const EVIDENCE_KINDS = [
  'evidence',
  'document',
  'ai-system',
  'risk',
  'supplier',
  'control',
  'role',
  'incident',
  'objective',
  'impact-assessment',
  'training',
] as const;

export const DEFAULT_CRITERIA = "ISO/IEC 42001:2023 and the organization's AIMS documents";

export const auditNumber = (seq: number) => `IA-${String(seq).padStart(3, '0')}`;

/** The sequence number a search text names ("IA-012", "ia12", "12"), or null. */
export function parseAuditNumber(q: string): number | null {
  const m = /^\s*(?:ia-?)?0*(\d{1,6})\s*$/i.exec(q);
  return m ? Number(m[1]) : null;
}

/** The standing checklist every audit starts with, in our words, and where each draws its facts from. */
export const CHECKLIST_TOPICS: readonly { key: string; title: string; modules: string[] }[] = [
  {
    key: 'scope-accuracy',
    title: 'Does the AIMS scope still match the AI the organization uses?',
    modules: ['scope', 'inventory'],
  },
  {
    key: 'policies-objectives',
    title: 'Are the AI policies and objectives current, known and measured?',
    modules: ['policies', 'objectives'],
  },
  { key: 'risk-records', title: 'Are AI risks assessed, treated and kept up to date?', modules: ['risk'] },
  { key: 'inventory', title: 'Is the AI system inventory complete, owned and reviewed?', modules: ['inventory'] },
  { key: 'supplier-controls', title: 'Are AI suppliers checked and reviewed as planned?', modules: ['suppliers'] },
  { key: 'monitoring-evidence', title: 'Is AI system monitoring running and does it leave evidence?', modules: ['monitoring'] },
  {
    key: 'training-records',
    title: 'Do people in AI roles have the competence and training records required?',
    modules: ['training'],
  },
  {
    key: 'corrective-actions',
    title: 'Are nonconformities corrected and their actions checked for effect?',
    modules: ['nonconformity'],
  },
  { key: 'leadership', title: 'Is top management visibly involved in the AIMS?', modules: ['roles', 'management-review'] },
  {
    key: 'management-review-readiness',
    title: 'Is the next management review prepared with the inputs it needs?',
    modules: ['management-review'],
  },
];

export interface SampleLink {
  type: string;
  id: string;
  label: string;
}
export interface Sample {
  text: string;
  links: SampleLink[];
}

export interface ChecklistItem {
  kind: 'topic' | 'requirement';
  key: string;
  title: string;
  modules: string[];
  facts: string[];
  sample: Sample;
}

const NO_FACTS = 'OpenAIMS holds no records for this area yet: ask for them during the audit.';

/**
 * The checklist of an audit: the standing topics first, then one item per
 * requirement in scope (catalogue order as given), each with the facts of its
 * modules as they are now and the records to sample.
 */
export function buildChecklist(
  requirementIds: string[],
  facts: Record<string, string[]>,
  samples: (modules: string[]) => Sample,
): ChecklistItem[] {
  const factsOf = (modules: string[]) => {
    const out = [...new Set(modules.flatMap((m) => facts[m] ?? []))];
    return out.length ? out : [NO_FACTS];
  };
  const topics = CHECKLIST_TOPICS.map((t) => ({
    kind: 'topic' as const,
    key: t.key,
    title: t.title,
    modules: t.modules,
    facts: factsOf(t.modules),
    sample: samples(t.modules),
  }));
  const requirements = requirementIds.flatMap((id) => {
    const r = getRequirement(id);
    if (!r) return [];
    const modules = [r.module];
    return [
      {
        kind: 'requirement' as const,
        key: r.id,
        title: `${r.id} ${r.title}`,
        modules,
        facts: factsOf(modules),
        sample: samples(modules),
      },
    ];
  });
  return [...topics, ...requirements];
}

export interface Auditor {
  userId: string | null;
  name: string;
  email?: string;
  lead: boolean;
}

/** A record under audit and the members who own it (holder, deputy, owners). */
export interface OwnedArea {
  type: AreaKind;
  id: string;
  label: string;
  owners: { userId: string; how: 'owns' | 'holds' | 'deputises for' }[];
}

const KIND_WORDS: Record<AreaKind, string> = {
  'ai-system': 'the AI system',
  document: 'the document',
  role: 'the governance role',
  control: 'the control',
};

/**
 * Auditors may not audit their own work: a member auditor who owns an AI
 * system, a document or a control in the areas, or holds or deputises for a
 * governance role in them, is refused, naming the record. Named outside
 * auditors are not members and own nothing here.
 */
export function independenceErrors(auditors: Auditor[], areas: OwnedArea[]): FieldError[] {
  const errors: FieldError[] = [];
  auditors.forEach((a, i) => {
    if (!a.userId) return;
    for (const area of areas) {
      const own = area.owners.find((o) => o.userId === a.userId);
      if (own) {
        errors.push({
          field: `body.auditors.${i}`,
          message: `${a.name || 'This auditor'} ${own.how} ${KIND_WORDS[area.type]} '${area.label}' under audit and cannot audit it`,
        });
        return;
      }
    }
  });
  return errors;
}

/** Auditor rules zod cannot express: exactly one lead, nobody twice. */
export function auditorErrors(auditors: Auditor[]): FieldError[] {
  const errors: FieldError[] = [];
  const leads = auditors.filter((a) => a.lead).length;
  if (auditors.length && leads !== 1)
    errors.push({ field: 'body.auditors', message: leads ? 'must name only one lead auditor' : 'must name a lead auditor' });
  const seen = new Set<string>();
  auditors.forEach((a, i) => {
    const key = a.userId ?? `name:${a.name.toLowerCase()}`;
    if (seen.has(key)) errors.push({ field: `body.auditors.${i}`, message: 'is listed twice' });
    seen.add(key);
  });
  return errors;
}

interface StatusInput {
  status: AuditStatus;
  auditors: Auditor[];
  requirementIds: string[];
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  conclusions: string;
}

const NEXT: Record<AuditStatus, AuditStatus[]> = {
  planned: ['planned', 'in-progress'],
  'in-progress': ['in-progress', 'planned', 'reported'],
  reported: ['reported', 'in-progress', 'closed'],
  closed: ['closed', 'reported'],
};

/** What the audit needs in its status, and which moves are allowed. */
export function statusErrors(input: StatusInput, before: AuditStatus | null): FieldError[] {
  const errors: FieldError[] = [];
  if (before && !NEXT[before].includes(input.status))
    errors.push({
      field: 'body.status',
      message: `cannot go from ${STATUS_LABELS[before].toLowerCase()} to ${STATUS_LABELS[input.status].toLowerCase()}`,
    });
  if (!before && input.status !== 'planned' && input.status !== 'in-progress')
    errors.push({ field: 'body.status', message: 'a new audit is planned or in progress' });
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart)
    errors.push({ field: 'body.plannedEnd', message: 'must not be before the planned start' });
  if (input.actualStart && input.actualEnd && input.actualEnd < input.actualStart)
    errors.push({ field: 'body.actualEnd', message: 'must not be before the actual start' });
  if (input.status !== 'planned') {
    if (!input.auditors.length)
      errors.push({ field: 'body.auditors', message: 'name at least the lead auditor before starting' });
  }
  if ((input.status === 'reported' || input.status === 'closed') && !input.conclusions.trim())
    errors.push({ field: 'body.conclusions', message: 'write the conclusions before reporting' });
  return errors;
}
