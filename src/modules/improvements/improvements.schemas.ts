import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { IMPROVEMENT_SOURCES, IMPROVEMENT_STATUSES } from './improvements.rules.js';

// The continual improvement log (clause 10.1): what is to be improved, where
// the idea came from, who owns it, what it should bring and what came of it.

export const sourceInput = z
  .strictObject({
    kind: z.enum(IMPROVEMENT_SOURCES),
    /** the record it came from (an internal audit, an incident...); null when none */
    id: line(100).nullable().default(null),
    /** how to name that record: "IA-003 Internal audit of clause 8" */
    label: line(300).optional(),
  })
  .meta({ id: 'ImprovementSourceInput' });

const fields = {
  title: requiredLine(200),
  description: text(8000),
  source: sourceInput,
  owner: personRef.nullable(),
  status: z.enum(IMPROVEMENT_STATUSES),
  /** the benefit expected */
  benefit: text(4000),
  dueDate: isoDate().nullable(),
  /** what came of it; required once done or rejected */
  outcome: text(8000),
};

export const createImprovementBody = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  source: fields.source.default({ kind: 'suggestion', id: null }),
  owner: fields.owner.default(null),
  status: fields.status.default('proposed'),
  benefit: fields.benefit.default(''),
  dueDate: fields.dueDate.default(null),
  outcome: fields.outcome.default(''),
});
export const updateImprovementBody = z.strictObject(fields).partial();
type CreateBody = z.infer<typeof createImprovementBody>;

/** The register's record: the fields and what the server keeps. */
export type ImprovementRecord = Omit<CreateBody, 'source'> & {
  source: { kind: (typeof IMPROVEMENT_SOURCES)[number]; id: string | null; label?: string };
  computed?: { numberSeq: number; closedAt: string | null };
};

export const improvementSchema = z
  .object({
    id: z.string(),
    /** IMP-001, per organization */
    number: z.string(),
    title: z.string(),
    description: z.string(),
    source: z.object({ kind: z.enum(IMPROVEMENT_SOURCES), id: z.string().nullable(), label: z.string().optional() }),
    owner: personSchema.nullable(),
    status: z.enum(IMPROVEMENT_STATUSES),
    benefit: z.string(),
    dueDate: z.string().nullable(),
    outcome: z.string(),
    /** when it was marked done or rejected */
    closedAt: z.string().nullable(),
    /** open (not done or rejected) and past its due date */
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Improvement' });
export type Improvement = z.infer<typeof improvementSchema>;

const SORTS = ['number', 'title', 'dueDate', 'updatedAt'] as const;
export const IMPROVEMENT_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const improvementListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(IMPROVEMENT_SORT_VALUES as [string, ...string[]]).default('-number'),
  /** title words, or a number such as IMP-012 */
  q: line(200).optional(),
  status: z.enum(IMPROVEMENT_STATUSES).optional(),
  /** open: every status but done and rejected */
  open: queryFlag().optional(),
  sourceKind: z.enum(IMPROVEMENT_SOURCES).optional(),
  ownerUserId: uuid().optional(),
  includeArchived: queryFlag().optional(),
});
export type ImprovementListQuery = z.infer<typeof improvementListQuery>;

export const improvementSummarySchema = z
  .object({
    /** not done or rejected, not archived */
    open: z.number().int(),
    done: z.number().int(),
    /** active improvements per source kind */
    bySource: z.record(z.string(), z.number().int()),
  })
  .meta({ id: 'ImprovementSummary' });
