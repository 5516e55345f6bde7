import { z } from 'zod';
import { isoDate, line, optionalEnum, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';

// The AI risk register (6.1.2 assessment, 8.2 and 8.3 operation): a risk on
// one or more AI systems, scored with the organization's risk method before
// and after treatment, its treatment actions and their controls, and who
// accepted what remains.

export const RISK_STATUSES = ['open', 'treating', 'accepted', 'closed'] as const;
export const TREATMENT_OPTIONS = ['modify', 'avoid', 'share', 'retain'] as const;
export const ACTION_STATUSES = ['planned', 'in-progress', 'done'] as const;
export const RISK_FLAGS = ['above-threshold-untreated', 'review-overdue'] as const;
export type RiskFlagCode = (typeof RISK_FLAGS)[number];

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;
const scalePoint = () => z.number().int('must be a whole number');

export const acceptanceInput = z.strictObject({
  /** the member who accepted the remaining risk */
  acceptedBy: personRef,
  acceptedAt: isoDate(),
  reason: text(2000).pipe(z.string().trim().min(1, 'say why the remaining risk is acceptable')),
});

const fields = {
  title: requiredLine(300),
  aiSystemIds: z
    .array(uuid())
    .min(1, 'name at least one AI system the risk is about')
    .max(100)
    .refine(uniqueItems, 'must not list an AI system twice'),
  supplierIds: z.array(uuid()).max(50).refine(uniqueItems, 'must not list a supplier twice'),
  /** a risk source id of the method, in use */
  sourceCategory: requiredLine(60),
  cause: text(4000),
  event: text(4000),
  consequence: text(4000),
  owner: personRef.nullable(),
  inherentLikelihood: scalePoint(),
  inherentImpact: scalePoint(),
  treatmentOption: optionalEnum(TREATMENT_OPTIONS),
  residualLikelihood: scalePoint().nullable(),
  residualImpact: scalePoint().nullable(),
  acceptance: acceptanceInput.nullable(),
  nextReviewDate: isoDate().nullable(),
  status: z.enum(RISK_STATUSES),
};

export const createRiskBody = z.strictObject({
  ...fields,
  supplierIds: fields.supplierIds.default([]),
  cause: fields.cause.default(''),
  event: fields.event.default(''),
  consequence: fields.consequence.default(''),
  owner: fields.owner.default(null),
  treatmentOption: fields.treatmentOption.default(null),
  residualLikelihood: fields.residualLikelihood.default(null),
  residualImpact: fields.residualImpact.default(null),
  acceptance: fields.acceptance.default(null),
  nextReviewDate: fields.nextReviewDate.default(null),
  status: fields.status.default('open'),
});
export const updateRiskBody = z.strictObject(fields).partial();

/** A risk's own fields, as a create takes them (other modules insert risks with this). */
export type RiskInput = z.infer<typeof createRiskBody>;

/** What the server derives from the method on every save, stored for lists and heatmaps. */
export interface RiskComputed {
  numberSeq: number;
  inherentLevel: string;
  inherentRank: number;
  residualLevel: string | null;
  residualRank: number;
  currentRank: number;
}

/** The register's record: the fields plus what the server computed. */
export type RiskRecord = RiskInput & { computed?: RiskComputed };

export const riskFlagSchema = z
  .object({ code: z.enum(RISK_FLAGS), field: z.string(), message: z.string() })
  .meta({ id: 'RiskFlag' });

const linked = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });

export const riskSchema = z
  .object({
    id: z.string(),
    /** R-001, per organization */
    number: z.string(),
    title: z.string(),
    aiSystems: z.array(linked),
    suppliers: z.array(linked),
    sourceCategory: z.string(),
    /** the source's name in the method; null when the method no longer has it */
    sourceCategoryName: z.string().nullable(),
    cause: z.string(),
    event: z.string(),
    consequence: z.string(),
    owner: personSchema.nullable(),
    inherentLikelihood: z.number().int(),
    inherentImpact: z.number().int(),
    inherentLevel: z.string(),
    inherentLevelName: z.string(),
    treatmentOption: z.enum(TREATMENT_OPTIONS).nullable(),
    residualLikelihood: z.number().int().nullable(),
    residualImpact: z.number().int().nullable(),
    residualLevel: z.string().nullable(),
    residualLevelName: z.string().nullable(),
    /** above the method's acceptance threshold (residual level once assessed, else inherent) */
    aboveThreshold: z.boolean(),
    acceptance: z.object({ acceptedBy: personSchema, acceptedAt: z.string(), reason: z.string() }).nullable(),
    nextReviewDate: z.string().nullable(),
    status: z.enum(RISK_STATUSES),
    actionCount: z.number().int(),
    openActionCount: z.number().int(),
    flags: z.array(riskFlagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Risk' });
export type Risk = z.infer<typeof riskSchema>;

const RISK_SORTS = [
  'number',
  'title',
  'name',
  'inherentLevel',
  'residualLevel',
  'nextReviewDate',
  'updatedAt',
  'createdAt',
] as const;
export const RISK_SORT_VALUES = RISK_SORTS.flatMap((s) => [s, `-${s}`] as const);

export const riskListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(RISK_SORT_VALUES as [string, ...string[]]).default('number'),
  /** title words, or a number such as R-012 */
  q: line(200).optional(),
  aiSystemId: uuid().optional(),
  /** an Annex A control id (A.6.2.6) or an own control id: risks with a treatment action relying on it */
  controlId: line(100).optional(),
  /** an inherent level id of the method */
  level: line(31).optional(),
  /** a residual level id of the method, or "none" for risks without one */
  residualLevel: line(31).optional(),
  /** a cell of the heatmap: inherent (or residual, with cell=residual) likelihood and impact */
  likelihood: z.coerce.number().int().min(1).max(10).optional(),
  impact: z.coerce.number().int().min(1).max(10).optional(),
  cell: z.enum(['inherent', 'residual']).optional(),
  status: z.enum(RISK_STATUSES).optional(),
  /** the owner's user id */
  owner: uuid().optional(),
  flag: z.enum(RISK_FLAGS).optional(),
  includeArchived: queryFlag().optional(),
});
export type RiskListQuery = z.infer<typeof riskListQuery>;

// Treatment actions: what is done to modify, avoid or share a risk, with the
// controls (Annex A and the organization's own) the treatment relies on.

const actionFields = {
  title: requiredLine(300),
  owner: personRef.nullable(),
  dueDate: isoDate().nullable(),
  status: z.enum(ACTION_STATUSES),
  /** Annex A control ids (A.6.2.6) and ids of the organization's own controls */
  controlIds: z.array(requiredLine(100)).max(50).refine(uniqueItems, 'must not list a control twice'),
};
export const createActionBody = z.strictObject({
  ...actionFields,
  owner: actionFields.owner.default(null),
  dueDate: actionFields.dueDate.default(null),
  status: actionFields.status.default('planned'),
  controlIds: actionFields.controlIds.default([]),
});
export const updateActionBody = z.strictObject(actionFields).partial();
export type ActionInput = z.infer<typeof createActionBody>;

export const treatmentActionSchema = z
  .object({
    id: z.string(),
    riskId: z.string(),
    title: z.string(),
    owner: personSchema.nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    controlIds: z.array(z.string()),
    controls: z.array(z.object({ id: z.string(), kind: z.enum(['annex-a', 'own']), label: z.string() })),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'RiskTreatmentAction' });
export type TreatmentAction = z.infer<typeof treatmentActionSchema>;

export const riskDetailSchema = riskSchema.extend({ actions: z.array(treatmentActionSchema) }).meta({ id: 'RiskDetail' });

const cell = z.object({ likelihood: z.number().int(), impact: z.number().int(), level: z.string(), count: z.number().int() });
const map = z.object({
  cells: z.array(cell),
  total: z.number().int(),
  /** risks scored on a point the method no longer has (its scale was shortened since) */
  outsideScale: z.number().int(),
});

export const heatmapQuery = z.strictObject({
  aiSystemId: uuid().optional(),
  status: z.enum(RISK_STATUSES).optional(),
});

export const heatmapSchema = z
  .object({
    method: z.object({ version: z.number().int().nullable(), status: z.string() }),
    likelihood: z.array(z.object({ value: z.number().int(), label: z.string() })),
    impact: z.array(z.object({ value: z.number().int(), label: z.string() })),
    levels: z.array(z.object({ id: z.string(), name: z.string() })),
    maxAcceptableLevel: z.string(),
    inherent: map,
    residual: map.extend({ notAssessed: z.number().int() }),
  })
  .meta({ id: 'RiskHeatmap' });

export const orgRiskFlagSchema = z
  .object({
    code: z.literal('ai-system-without-risk'),
    aiSystemId: z.string(),
    name: z.string(),
    message: z.string(),
  })
  .meta({ id: 'OrgRiskFlag' });
