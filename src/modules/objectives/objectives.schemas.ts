import { z } from 'zod';
import { isoDate, line, optionalEnum, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { OBJECTIVE_STATES, OBJECTIVE_STATUSES, TARGET_DIRECTIONS } from './objectives.rules.js';

// AI objectives (clause 6.2): what is to be achieved, how it is measured and
// evaluated, who owns it, with what resources and by when, and the progress
// recorded over time.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;
const amount = () => z.number().finite().min(-1e12).max(1e12);

const objectiveFields = {
  title: requiredLine(200),
  description: text(4000),
  /** what is measured */
  measure: requiredLine(500),
  /** the target in words: "90% of in-scope AI systems" */
  target: requiredLine(500),
  targetValue: amount().nullable(),
  targetUnit: line(50).nullable(),
  targetDirection: optionalEnum(TARGET_DIRECTIONS),
  /** where the measure stood when the objective was set */
  baselineValue: amount().nullable(),
  owner: personRef.nullable(),
  resources: text(4000),
  dueDate: isoDate().nullable(),
  /** how the results are evaluated: method, who, when */
  evaluation: text(4000),
  aiSystemIds: z.array(uuid()).max(200).refine(uniqueItems, 'must not repeat an AI system'),
  status: z.enum(OBJECTIVE_STATUSES),
};

export const createObjectiveBody = z.strictObject({
  ...objectiveFields,
  description: objectiveFields.description.default(''),
  targetValue: objectiveFields.targetValue.default(null),
  targetUnit: objectiveFields.targetUnit.default(null),
  targetDirection: objectiveFields.targetDirection.default(null),
  baselineValue: objectiveFields.baselineValue.default(null),
  owner: objectiveFields.owner.default(null),
  resources: objectiveFields.resources.default(''),
  dueDate: objectiveFields.dueDate.default(null),
  evaluation: objectiveFields.evaluation.default(''),
  aiSystemIds: objectiveFields.aiSystemIds.default([]),
  status: objectiveFields.status.default('open'),
});
export const updateObjectiveBody = z.strictObject(objectiveFields).partial();
export type ObjectiveInput = z.infer<typeof createObjectiveBody>;

const flagSchema = z.object({ code: z.string(), field: z.string(), message: z.string() }).meta({ id: 'ObjectiveFlag' });

export const objectiveSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    description: z.string(),
    measure: z.string(),
    target: z.string(),
    targetValue: z.number().nullable(),
    targetUnit: z.string().nullable(),
    targetDirection: z.enum(TARGET_DIRECTIONS).nullable(),
    baselineValue: z.number().nullable(),
    owner: personSchema.nullable(),
    resources: z.string(),
    dueDate: z.string().nullable(),
    evaluation: z.string(),
    aiSystems: z.array(z.object({ id: z.string(), name: z.string(), archived: z.boolean() })),
    status: z.enum(OBJECTIVE_STATUSES),
    /** the status people set, and while open what the rules read from the progress */
    state: z.enum(OBJECTIVE_STATES),
    stateReason: z.string(),
    progress: z.object({
      entries: z.number().int(),
      latestDate: z.string().nullable(),
      latestValue: z.number().nullable(),
      /** from the baseline to the target, 0 to 1; null when it cannot be told */
      fraction: z.number().nullable(),
      /** the share of the time to the due date that is gone, 0 to 1 */
      expectedFraction: z.number().nullable(),
      targetMet: z.boolean(),
    }),
    flags: z.array(flagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Objective' });
export type Objective = z.infer<typeof objectiveSchema>;

export const objectiveListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(['title', '-title', 'dueDate', '-dueDate', 'updatedAt', '-updatedAt']).optional(),
  q: line(200).optional(),
  status: z.enum(OBJECTIVE_STATUSES).optional(),
  /** open objectives past their due date */
  overdue: queryFlag().optional(),
  /** objectives a member owns */
  ownerUserId: uuid().optional(),
  includeArchived: queryFlag().optional(),
});

export const createProgressBody = z.strictObject({
  date: isoDate(),
  /** the measured value, when the measure is numeric */
  value: amount().nullable().default(null),
  note: text(4000).default(''),
  /** who recorded it: a member, or a named person; the signed-in user when left out */
  recordedBy: personRef.optional(),
});
export type ProgressInput = z.infer<typeof createProgressBody>;

export const progressEntrySchema = z
  .object({
    id: z.string(),
    objectiveId: z.string(),
    date: z.string(),
    value: z.number().nullable(),
    note: z.string(),
    recordedBy: personSchema,
    createdAt: z.string(),
  })
  .meta({ id: 'ObjectiveProgressEntry' });
export type ProgressEntry = z.infer<typeof progressEntrySchema>;
