import { z } from 'zod';
import { MODULE_IDS } from '../../catalogue/index.js';
import { isoDate, line, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { ACTION_STATUSES, ANSWER_STATUSES, ASSESSMENT_STATUSES, EFFORTS, LINK_TYPES } from './gap.rules.js';

export const ownerSchema = personRef;

export const createAssessmentBody = z.strictObject({
  title: requiredLine(200),
  assessmentDate: isoDate(),
  assessor: line(200).optional(),
  /** ISO/IEC 27001 processes the organization reuses (ids from the 27001 crosswalk) */
  reusedIsmsProcesses: z.array(requiredLine(64)).max(20).default([]),
  /** a re-assessment: start from this earlier assessment's answers, each marked carried over until a person confirms or changes it */
  startFrom: uuid().optional(),
});

export const updateAssessmentBody = z
  .strictObject({
    title: requiredLine(200),
    assessmentDate: isoDate(),
    assessor: requiredLine(200),
    status: z.enum(ASSESSMENT_STATUSES),
  })
  .partial();

export const answerBody = z
  .strictObject({
    status: z.enum(ANSWER_STATUSES),
    maturity: z.number().int().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5').nullable().default(null),
    notes: text(8000).default(''),
    justification: text(4000).default(''),
    owner: ownerSchema.nullable().default(null),
    /** the organization's records this answer rests on; a scope link names an approved scope version by its id */
    links: z
      .array(z.strictObject({ type: z.enum(LINK_TYPES), id: z.string().min(1).max(64) }))
      .max(100)
      .default([]),
  })
  .refine((a) => a.status !== 'not-applicable' || a.justification.trim().length > 0, {
    message: 'is required when the status is "not-applicable"',
    path: ['justification'],
  });
export type AnswerInput = z.infer<typeof answerBody>;

const countsSchema = z.object({
  'not-started': z.number(),
  partial: z.number(),
  implemented: z.number(),
  'not-applicable': z.number(),
  unanswered: z.number(),
});
export const rollUpSchema = z
  .object({ key: z.string(), title: z.string(), score: z.number().nullable(), counts: countsSchema })
  .meta({ id: 'GapRollUp' });

/**
 * Reuse and new work side by side, so a pre-filled assessment never reads as
 * progress that was not made.
 */
export const progressSchema = z
  .object({
    /** answers still exactly as the ISO/IEC 27001 pre-fill wrote them */
    reusedFromIsms: z.number().int(),
    /** partial or implemented answers on requirements never pre-filled, or changed by a person since */
    aiSpecificInPlace: z.number().int(),
    /** of aiSpecificInPlace, those implemented */
    aiSpecificImplemented: z.number().int(),
    /** Annex A controls excluded (clauses always apply) */
    notApplicable: z.number().int(),
    /** answers copied from an earlier assessment that no one has confirmed or changed yet */
    carriedOver: z.number().int(),
    /** requirements in the catalogue */
    total: z.number().int(),
  })
  .meta({ id: 'GapProgress' });

export const answerLinkSchema = z
  .object({
    type: z.enum(LINK_TYPES),
    id: z.string(),
    /** the AI system's or supplier's name, or "Scope version N" */
    label: z.string(),
    /** the record was archived (or, for a scope version, superseded) after it was linked */
    archived: z.boolean(),
  })
  .meta({ id: 'GapAnswerLink' });

export const answerSchema = z
  .object({
    requirementId: z.string(),
    title: z.string(),
    kind: z.string(),
    group: z.string(),
    answered: z.boolean(),
    status: z.enum(ANSWER_STATUSES),
    maturity: z.number().nullable(),
    notes: z.string(),
    justification: z.string(),
    owner: personSchema.nullable(),
    links: z.array(answerLinkSchema),
    updatedAt: z.string().nullable(),
    /** still exactly as the ISO/IEC 27001 pre-fill wrote it (counts as reused from the ISMS, not as new work) */
    prefilled: z.boolean(),
    /** copied from an earlier assessment and not yet confirmed or changed (saving it, even unchanged, confirms it) */
    carriedOver: z.boolean(),
    /** the OpenAIMS module holding this requirement's evidence: its facts are `GET …/facts`'s `modules[module]` */
    module: z.enum(MODULE_IDS),
  })
  .meta({ id: 'GapAnswer' });

/**
 * What OpenAIMS holds about the organization, by catalogue module, to check
 * each answer against. Read apart from the assessment: the facts summarize
 * every register (tens of milliseconds at scale) and are the same for every
 * assessment, so the assessment, its saves and its report do not wait for them.
 */
export const factsSchema = z.object({ modules: z.record(z.string(), z.array(z.string())) }).meta({ id: 'OrganizationFacts' });

export const assessmentSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    assessmentDate: z.string(),
    assessor: z.string(),
    catalogueVersion: z.string(),
    status: z.enum(ASSESSMENT_STATUSES),
    reusedIsmsProcesses: z.array(z.string()),
    /** the earlier assessment this one started from, or null */
    startedFrom: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    overall: rollUpSchema,
    progress: progressSchema,
    answered: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'GapAssessmentSummary' });

export const assessmentSchema = assessmentSummarySchema
  .extend({
    answers: z.array(answerSchema),
    byClause: z.array(rollUpSchema),
    byReviewArea: z.array(rollUpSchema),
  })
  .meta({ id: 'GapAssessment' });

export const actionSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    requirementId: z.string(),
    title: z.string(),
    owner: personSchema.nullable(),
    dueDate: z.string(),
    effort: z.enum(EFFORTS),
    priority: z.number().int(),
    status: z.enum(ACTION_STATUSES),
    createdAt: z.string(),
    updatedAt: z.string(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: 'GapAction' });

export const updateActionBody = z
  .strictObject({
    status: z.enum(ACTION_STATUSES),
    owner: ownerSchema.nullable(),
    dueDate: isoDate(),
    title: requiredLine(300),
  })
  .partial();

export const compareQuery = z.strictObject({ from: uuid(), to: uuid() });
