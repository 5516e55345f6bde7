import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';

// AI system impact assessment (6.1.4, 8.4, A.5): what a system is for, who it
// touches, what could go wrong for them, how likely and how bad, before and
// after mitigation.

export const IMPACT_CATEGORIES = ['fairness', 'safety', 'privacy', 'human-rights', 'environment', 'economic', 'other'] as const;
export type ImpactCategory = (typeof IMPACT_CATEGORIES)[number];
export const ASSESSMENT_STATUSES = ['draft', 'approved', 'superseded'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;
const peopleList = z.array(requiredLine(300)).max(50).refine(uniqueItems, 'must not repeat an entry');
/** A point on the risk method's scale; whether it is on the scale is checked against the method. */
const scalePoint = z.number().int('must be a whole number').nullable();

export const impactBody = z
  .strictObject({
    /** keeps an impact's identity across edits and reassessments (a raised risk stays linked to it) */
    id: uuid().optional(),
    category: z.enum(IMPACT_CATEGORIES),
    /** the assessor's own name for the impact; required for "other" */
    label: line(120).default(''),
    description: text(4000).default(''),
    likelihood: scalePoint.default(null),
    severity: scalePoint.default(null),
    mitigations: text(4000).default(''),
    residualLikelihood: scalePoint.default(null),
    residualSeverity: scalePoint.default(null),
  })
  .refine((i) => i.category !== 'other' || i.label.length > 0, {
    message: 'name the impact when its category is "other"',
    path: ['label'],
  });
export type ImpactInput = z.infer<typeof impactBody>;
/** An impact as stored: its id is always set. */
export type StoredImpact = ImpactInput & { id: string };

const fields = {
  intendedPurpose: text(4000),
  contextOfUse: text(4000),
  affectedIndividuals: peopleList,
  affectedGroups: peopleList,
  affectedSocieties: peopleList,
  impacts: z.array(impactBody).max(50),
  foreseeableMisuse: text(4000),
  assessor: personRef.nullable(),
  nextReviewDate: isoDate().nullable(),
};

/** Purpose, context and misuse left out are taken from the AI system's inventory record. */
export const createAssessmentBody = z.strictObject({
  aiSystemId: uuid(),
  ...fields,
  intendedPurpose: fields.intendedPurpose.optional(),
  contextOfUse: fields.contextOfUse.optional(),
  foreseeableMisuse: fields.foreseeableMisuse.optional(),
  affectedIndividuals: fields.affectedIndividuals.default([]),
  affectedGroups: fields.affectedGroups.default([]),
  affectedSocieties: fields.affectedSocieties.default([]),
  impacts: fields.impacts.default([]),
  assessor: fields.assessor.default(null),
  nextReviewDate: fields.nextReviewDate.default(null),
});
export const updateAssessmentBody = z.strictObject(fields).partial();

/** What the assessment was based on: the AI system's facts whose change calls for a reassessment. */
export const basisSchema = z
  .object({
    lifecycleStage: z.string().nullable(),
    purpose: z.string(),
    intendedUse: z.string(),
    userImpact: z.array(z.string()),
    dataCategories: z.array(z.string()),
    dataSource: z.string(),
    dataSensitivity: z.string().nullable(),
    riskLevel: z.string().nullable(),
    suppliers: z.array(z.object({ supplierId: z.string(), name: z.string(), dependency: z.string() })),
  })
  .meta({ id: 'ImpactAssessmentBasis' });
export type Basis = z.infer<typeof basisSchema>;

/** The record's fields as the register kit handles them: the body plus what the server keeps. */
export type AssessmentInput = Omit<z.infer<typeof createAssessmentBody>, 'impacts'> & {
  impacts: (ImpactInput & { id?: string })[];
  /** set by the server: the system's facts at the last save (frozen at approval) */
  basis?: Basis;
  /** set by the server: the approved assessment this one will replace */
  supersedesId?: string | null;
};

const level = z.object({ id: z.string(), name: z.string(), aboveThreshold: z.boolean() }).meta({ id: 'ImpactLevel' });

export const impactSchema = z
  .object({
    id: z.string(),
    category: z.enum(IMPACT_CATEGORIES),
    label: z.string(),
    description: z.string(),
    likelihood: z.number().nullable(),
    severity: z.number().nullable(),
    mitigations: z.string(),
    residualLikelihood: z.number().nullable(),
    residualSeverity: z.number().nullable(),
    /** the method's level of likelihood and severity, once both are set */
    level: level.nullable(),
    residualLevel: level.nullable(),
    /** the risk its approval raised in the risk register */
    riskId: z.string().nullable(),
  })
  .meta({ id: 'Impact' });

export const impactAssessmentSchema = z
  .object({
    id: z.string(),
    /** the AI system's name, as lists show it */
    name: z.string(),
    aiSystemId: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    intendedPurpose: z.string(),
    contextOfUse: z.string(),
    affectedIndividuals: z.array(z.string()),
    affectedGroups: z.array(z.string()),
    affectedSocieties: z.array(z.string()),
    impacts: z.array(impactSchema),
    foreseeableMisuse: z.string(),
    assessor: personSchema.nullable(),
    nextReviewDate: z.string().nullable(),
    approval: z.object({ userId: z.string().nullable(), name: z.string(), at: z.string() }).nullable(),
    /** the highest residual level over the impacts, null while none is rated */
    highestResidual: level.nullable(),
    basis: basisSchema,
    /** approved and in force, but the system or the review date has moved on */
    reassessment: z.object({ needed: z.boolean(), reasons: z.array(z.string()) }).meta({ id: 'ReassessmentState' }),
    supersedesId: z.string().nullable(),
    supersededAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'ImpactAssessment' });
export type ImpactAssessment = z.infer<typeof impactAssessmentSchema>;

export const impactAssessmentDetailSchema = impactAssessmentSchema
  .extend({
    /** every assessment of the same AI system, newest first, this one included */
    versions: z.array(
      z.object({ id: z.string(), status: z.enum(ASSESSMENT_STATUSES), approvedAt: z.string().nullable(), createdAt: z.string() }),
    ),
  })
  .meta({ id: 'ImpactAssessmentDetail' });

export const SORTS = ['updatedAt', '-updatedAt', 'createdAt', '-createdAt'] as const;

export const assessmentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(SORTS).default('-updatedAt'),
  aiSystemId: uuid().optional(),
  status: z.enum(ASSESSMENT_STATUSES).optional(),
  /** superseded assessments are history: left out unless asked for */
  includeSuperseded: queryFlag().optional(),
  includeArchived: queryFlag().optional(),
});

export const approveBody = z.strictObject({}).default({});

const scalePointOut = z.object({ value: z.number(), label: z.string(), descriptor: z.string() });
export const scalesSchema = z
  .object({
    likelihood: z.array(scalePointOut),
    /** the method's impact scale, with what each point means per dimension (individuals, groups, society...) */
    severity: z.array(scalePointOut.extend({ dimensions: z.record(z.string(), z.string()) })),
    dimensions: z.array(z.object({ id: z.string(), name: z.string() })),
    levels: z.array(z.object({ id: z.string(), name: z.string(), aboveThreshold: z.boolean() })),
    /** matrix[likelihood - 1][severity - 1] is a level id */
    matrix: z.array(z.array(z.string())),
  })
  .meta({ id: 'ImpactScales' });
