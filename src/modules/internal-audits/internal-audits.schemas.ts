import { z } from 'zod';
import { email, isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { AREA_KINDS, AUDIT_STATUSES, DEFAULT_CRITERIA, EVIDENCE_KINDS, ITEM_RESULTS } from './internal-audits.rules.js';

// An internal audit (clause 9.2): what is audited against what, when, by
// whom, and the records under audit; and its checklist items.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

/** A member (userId) or a named outside auditor, one of them the lead. */
export const auditorInput = z
  .strictObject({
    userId: uuid().nullable().default(null),
    name: line(200).default(''),
    email: email().optional(),
    lead: z.boolean().default(false),
  })
  .refine((p) => p.userId || p.name, { message: 'give a member (userId) or a name', path: ['name'] });

export const areaInput = z.strictObject({ type: z.enum(AREA_KINDS), id: z.string().trim().min(1).max(100) });

const fields = {
  title: requiredLine(300),
  scope: text(8000),
  requirementIds: z.array(z.string().max(20)).max(200).refine(uniqueItems, 'must not list a requirement twice'),
  criteria: text(2000).pipe(z.string().trim().min(1, 'must not be empty')),
  plannedStart: isoDate().nullable(),
  plannedEnd: isoDate().nullable(),
  actualStart: isoDate().nullable(),
  actualEnd: isoDate().nullable(),
  status: z.enum(AUDIT_STATUSES),
  auditors: z.array(auditorInput).max(20),
  areas: z
    .array(areaInput)
    .max(200)
    .refine((a) => uniqueItems(a.map((x) => `${x.type}:${x.id}`)), 'must not list a record twice'),
  conclusions: text(20000),
};

export const createAuditBody = z.strictObject({
  ...fields,
  scope: fields.scope.default(''),
  requirementIds: fields.requirementIds.default([]),
  criteria: fields.criteria.default(DEFAULT_CRITERIA),
  plannedStart: fields.plannedStart.default(null),
  plannedEnd: fields.plannedEnd.default(null),
  actualStart: fields.actualStart.default(null),
  actualEnd: fields.actualEnd.default(null),
  status: fields.status.default('planned'),
  auditors: fields.auditors.default([]),
  areas: fields.areas.default([]),
  conclusions: fields.conclusions.default(''),
});
export const updateAuditBody = z.strictObject(fields).partial();

type CreateBody = z.infer<typeof createAuditBody>;
export type AuditRecord = Omit<CreateBody, 'auditors'> & {
  auditors: { userId: string | null; name: string; email?: string; lead: boolean }[];
  computed?: { numberSeq: number; reportedAt: string | null };
};

const linked = z.object({ type: z.string(), id: z.string(), label: z.string(), archived: z.boolean() });

export const auditorSchema = z
  .object({ userId: z.string().nullable(), name: z.string(), email: z.string().optional(), lead: z.boolean() })
  .meta({ id: 'InternalAuditor' });

export const auditSchema = z
  .object({
    id: z.string(),
    /** IA-001, per organization */
    number: z.string(),
    title: z.string(),
    scope: z.string(),
    requirementIds: z.array(z.string()),
    requirements: z.array(z.object({ id: z.string(), title: z.string() })),
    criteria: z.string(),
    plannedStart: z.string().nullable(),
    plannedEnd: z.string().nullable(),
    actualStart: z.string().nullable(),
    actualEnd: z.string().nullable(),
    status: z.enum(AUDIT_STATUSES),
    auditors: z.array(auditorSchema),
    areas: z.array(linked),
    conclusions: z.string(),
    reportedAt: z.string().nullable(),
    /** checklist items and how many have a result */
    itemCount: z.number().int(),
    answeredCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'InternalAudit' });
export type InternalAudit = z.infer<typeof auditSchema>;

const SORTS = ['number', 'title', 'plannedStart', 'updatedAt'] as const;
export const AUDIT_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const auditListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(AUDIT_SORT_VALUES as [string, ...string[]]).default('-number'),
  /** title words, or a number such as IA-002 */
  q: line(200).optional(),
  status: z.enum(AUDIT_STATUSES).optional(),
  includeArchived: queryFlag().optional(),
});
export type AuditListQuery = z.infer<typeof auditListQuery>;

export const evidenceRef = z.strictObject({ type: z.enum(EVIDENCE_KINDS), id: z.string().trim().min(1).max(100) });

export const auditItemSchema = z
  .object({
    id: z.string(),
    auditId: z.string(),
    position: z.number().int(),
    /** 'topic': the standing checklist; 'requirement': a clause or control in scope */
    kind: z.enum(['topic', 'requirement']),
    key: z.string(),
    title: z.string(),
    modules: z.array(z.string()),
    /** what OpenAIMS held when the audit started */
    facts: z.array(z.string()),
    sample: z.object({
      text: z.string(),
      links: z.array(z.object({ type: z.string(), id: z.string(), label: z.string() })),
    }),
    result: z.enum(ITEM_RESULTS).nullable(),
    evidence: z.array(linked),
    notes: z.string(),
    nonconformity: z.object({ id: z.string(), number: z.string() }).nullable(),
    improvementId: z.string().nullable(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InternalAuditItem' });
export type AuditItem = z.infer<typeof auditItemSchema>;

export const updateItemBody = z.strictObject({
  result: z.enum(ITEM_RESULTS).nullable().optional(),
  evidence: z
    .array(evidenceRef)
    .max(100)
    .refine((a) => uniqueItems(a.map((x) => `${x.type}:${x.id}`)), 'must not list a record twice')
    .optional(),
  notes: text(20000).optional(),
});

export const raiseNcBody = z.strictObject({
  /** a grade key of the organization's nonconformity grades: 'major', 'minor'… */
  grade: requiredLine(60),
  title: line(300).optional(),
});

export const raiseImprovementBody = z.strictObject({
  title: line(300).optional(),
  description: text(8000).optional(),
});

export const startBody = z.strictObject({
  /** default: today, or the start already recorded */
  actualStart: isoDate().optional(),
});

export const reportBody = z.strictObject({
  conclusions: text(20000).pipe(z.string().trim().min(1, 'write the conclusions')),
  actualEnd: isoDate().optional(),
});
