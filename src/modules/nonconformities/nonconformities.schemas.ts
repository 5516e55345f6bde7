import { z } from 'zod';
import { isoDate, line, optionalEnum, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import {
  ACTION_STATUSES,
  CAUSE_CATEGORIES,
  EFFECTIVENESS_RESULTS,
  NC_FLAGS,
  NC_STATUSES,
  ROOT_CAUSE_METHODS,
  SOURCE_KINDS,
} from './nonconformities.rules.js';

// A nonconformity (clause 10.2): what did not conform and the evidence for
// it, its grade, the correction and containment, the root cause, corrective
// actions (child records) and the effectiveness check that closes it.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

export const sourceInput = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  id: line(200).pipe(z.string().min(1)).nullable(),
  label: line(200).optional(),
});

const dated = z.strictObject({ text: text(8000), date: isoDate().nullable() });

export const rootCauseInput = z.strictObject({
  method: z.enum(ROOT_CAUSE_METHODS),
  whys: z.array(text(2000)).max(5, 'at most five whys'),
  categories: z.array(z.enum(CAUSE_CATEGORIES)).max(CAUSE_CATEGORIES.length).refine(uniqueItems, 'must not repeat a category'),
  summary: text(8000),
});

export const effectivenessInput = z.strictObject({
  plannedOn: isoDate().nullable(),
  method: text(4000),
  result: optionalEnum(EFFECTIVENESS_RESULTS),
  checkedOn: isoDate().nullable(),
  checkedBy: personRef.nullable(),
});

const EMPTY_ROOT_CAUSE = { method: 'five-whys' as const, whys: [], categories: [], summary: '' };
const EMPTY_CHECK = { plannedOn: null, method: '', result: null, checkedOn: null, checkedBy: null };

const fields = {
  title: requiredLine(300),
  description: text(8000),
  source: sourceInput,
  /** a key of the organization's grade scale (GET nonconformities/settings) */
  grade: line(40).pipe(z.string().min(1, 'must not be empty')),
  /** a catalogue requirement id (clause or Annex A control) or one of the organization's own control ids */
  requirementId: line(100).nullable(),
  objectiveEvidence: text(8000),
  evidenceIds: z.array(uuid()).max(50).refine(uniqueItems, 'must not list an evidence item twice'),
  correction: dated,
  containment: dated,
  rootCause: rootCauseInput,
  owner: personRef.nullable(),
  raisedAt: isoDate(),
  status: z.enum(NC_STATUSES),
  /** computed from the grade on create; may be set by hand */
  planDueDate: isoDate(),
  evidenceDueDate: isoDate(),
  effectiveness: effectivenessInput,
};

export const createNonconformityBody = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  source: sourceInput.default({ kind: 'other', id: null }),
  requirementId: fields.requirementId.default(null),
  objectiveEvidence: fields.objectiveEvidence.default(''),
  evidenceIds: fields.evidenceIds.default([]),
  correction: dated.default({ text: '', date: null }),
  containment: dated.default({ text: '', date: null }),
  rootCause: rootCauseInput.default(EMPTY_ROOT_CAUSE),
  owner: fields.owner.default(null),
  /** default: today */
  raisedAt: fields.raisedAt.optional(),
  status: fields.status.default('open'),
  planDueDate: fields.planDueDate.optional(),
  evidenceDueDate: fields.evidenceDueDate.optional(),
  effectiveness: effectivenessInput.default(EMPTY_CHECK),
});
const { source: _source, ...updatable } = fields;
export const updateNonconformityBody = z.strictObject(updatable).partial();

export const EMPTY = { rootCause: EMPTY_ROOT_CAUSE, effectiveness: EMPTY_CHECK };

type CreateBody = z.infer<typeof createNonconformityBody>;

/** The register's record: the fields and what the server keeps. */
export type NonconformityRecord = Omit<CreateBody, 'raisedAt' | 'planDueDate' | 'evidenceDueDate'> & {
  raisedAt?: string;
  planDueDate?: string;
  evidenceDueDate?: string;
  computed?: {
    numberSeq: number;
    closedAt: string | null;
    notEffectiveOn: string | null;
    recurrenceOf: string | null;
  };
};

export const actionSchema = z
  .object({
    id: z.string(),
    nonconformityId: z.string(),
    title: z.string(),
    owner: personSchema.nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    doneOn: z.string().nullable(),
    note: z.string(),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'CorrectiveAction' });
export type CorrectiveAction = z.infer<typeof actionSchema>;

export const actionInput = z.strictObject({
  title: requiredLine(300),
  owner: personRef.nullable().default(null),
  dueDate: isoDate().nullable().default(null),
  status: z.enum(ACTION_STATUSES).default('planned'),
  /** default: today when marked done */
  doneOn: isoDate().nullable().default(null),
  note: text(4000).default(''),
});
export type ActionInput = z.infer<typeof actionInput>;
export const actionPatch = z.strictObject({
  title: requiredLine(300),
  owner: personRef.nullable(),
  dueDate: isoDate().nullable(),
  status: z.enum(ACTION_STATUSES),
  doneOn: isoDate().nullable(),
  note: text(4000),
});

export const flagSchema = z.object({ code: z.enum(NC_FLAGS), message: z.string() }).meta({ id: 'NonconformityFlag' });

export const nonconformitySchema = z
  .object({
    id: z.string(),
    /** NC-001, per organization */
    number: z.string(),
    title: z.string(),
    description: z.string(),
    source: z.object({ kind: z.enum(SOURCE_KINDS), id: z.string().nullable(), label: z.string().optional() }),
    grade: z.string(),
    /** the grade in words, from the organization's scale (the key when no longer on it) */
    gradeLabel: z.string(),
    isNonconformity: z.boolean(),
    requirementId: z.string().nullable(),
    requirement: z.object({ id: z.string(), label: z.string(), kind: z.enum(['catalogue', 'control']) }).nullable(),
    objectiveEvidence: z.string(),
    evidenceIds: z.array(z.string()),
    evidence: z.array(z.object({ id: z.string(), name: z.string(), archived: z.boolean() })),
    correction: z.object({ text: z.string(), date: z.string().nullable() }),
    containment: z.object({ text: z.string(), date: z.string().nullable() }),
    rootCause: z.object({
      method: z.enum(ROOT_CAUSE_METHODS),
      whys: z.array(z.string()),
      categories: z.array(z.enum(CAUSE_CATEGORIES)),
      summary: z.string(),
    }),
    owner: personSchema.nullable(),
    raisedAt: z.string(),
    status: z.enum(NC_STATUSES),
    planDueDate: z.string(),
    evidenceDueDate: z.string(),
    effectiveness: z.object({
      plannedOn: z.string().nullable(),
      method: z.string(),
      result: z.enum(EFFECTIVENESS_RESULTS).nullable(),
      checkedOn: z.string().nullable(),
      checkedBy: personSchema.nullable(),
    }),
    actions: z.array(actionSchema),
    /** why it may not be closed now (empty when it may) */
    closeBlockers: z.array(z.object({ field: z.string(), message: z.string() })),
    recurrenceOf: z.object({ id: z.string(), number: z.string(), title: z.string() }).nullable(),
    notEffectiveOn: z.string().nullable(),
    closedAt: z.string().nullable(),
    flags: z.array(flagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Nonconformity' });
export type Nonconformity = z.infer<typeof nonconformitySchema>;

const SORTS = ['number', 'title', 'raisedAt', 'evidenceDueDate', 'updatedAt'] as const;
export const NC_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const nonconformityListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(NC_SORT_VALUES as [string, ...string[]]).default('-number'),
  /** title words, or a number such as NC-012 */
  q: line(200).optional(),
  status: z.enum(NC_STATUSES).optional(),
  /** 'not-closed': every status but closed */
  open: queryFlag().optional(),
  grade: line(40).optional(),
  sourceKind: z.enum(SOURCE_KINDS).optional(),
  requirementId: line(100).optional(),
  /** one flag, or 'any' for every flagged one */
  flag: z.enum([...NC_FLAGS, 'any']).optional(),
  includeArchived: queryFlag().optional(),
});
export type NonconformityListQuery = z.infer<typeof nonconformityListQuery>;

export const gradeSchema = z.strictObject({
  key: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
    .max(40),
  label: requiredLine(100),
  planDays: z.number().int('must be whole days').min(1).max(730),
  evidenceDays: z.number().int('must be whole days').min(1).max(1460),
  isNonconformity: z.boolean(),
});
export const settingsSchema = z
  .strictObject({
    grades: z
      .array(gradeSchema)
      .min(1, 'needs at least one grade')
      .max(8, 'at most eight grades')
      .refine((g) => uniqueItems(g.map((x) => x.key)), 'grade keys must be unique'),
  })
  .meta({ id: 'NonconformitySettings' });

export const TIMELINE_KINDS = [
  'raised',
  'correction',
  'containment',
  'root-cause',
  'action-added',
  'action-changed',
  'action-done',
  'action-removed',
  'effectiveness-planned',
  'effectiveness-checked',
  'status',
] as const;

export const timelineEventSchema = z
  .object({
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    who: z.string().nullable(),
    what: z.string(),
    detail: z.string().nullable(),
  })
  .meta({ id: 'NonconformityTimelineEvent' });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
