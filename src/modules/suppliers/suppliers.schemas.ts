import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text } from '../../platform/http/fields.js';
import { personRef } from '../../platform/refs/index.js';

// Suppliers of AI platforms, APIs, models, datasets and services (A.10.3),
// and the AI-specific reviews that keep them trusted.

export const SUPPLIER_KINDS = ['platform', 'api', 'model', 'dataset', 'service', 'vendor'] as const;
export const supplierKindSchema = z.enum(SUPPLIER_KINDS);

export const SUPPLIER_CERTIFICATIONS = ['ISO/IEC 42001', 'ISO/IEC 27001', 'ISO/IEC 27701', 'ISO 9001', 'SOC 2', 'other'] as const;

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

const supplierFields = {
  name: requiredLine(200),
  kinds: z.array(supplierKindSchema).max(6).refine(uniqueItems, 'must not repeat a kind'),
  website: z.url('must be a URL such as https://example.com').max(500).nullable(),
  contact: line(300).nullable(),
  description: text(4000),
  certifications: z.array(z.enum(SUPPLIER_CERTIFICATIONS)).max(10).refine(uniqueItems, 'must not repeat a certification'),
  riskRating: line(50).nullable(),
  nextReviewDate: isoDate().nullable(),
};

export const createSupplierBody = z.strictObject({
  ...supplierFields,
  kinds: supplierFields.kinds.default([]),
  website: supplierFields.website.default(null),
  contact: supplierFields.contact.default(null),
  description: supplierFields.description.default(''),
  certifications: supplierFields.certifications.default([]),
  riskRating: supplierFields.riskRating.default(null),
  nextReviewDate: supplierFields.nextReviewDate.default(null),
});
export const updateSupplierBody = z.strictObject(supplierFields).partial();
export type SupplierInput = z.infer<typeof createSupplierBody>;

export const supplierFlagSchema = z
  .object({ code: z.string(), field: z.string(), message: z.string() })
  .meta({ id: 'SupplierFlag' });

export const supplierSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    kinds: z.array(supplierKindSchema),
    website: z.string().nullable(),
    contact: z.string().nullable(),
    description: z.string(),
    certifications: z.array(z.string()),
    riskRating: z.string().nullable(),
    lastReviewDate: z.string().nullable(),
    nextReviewDate: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
    /** how many active AI systems depend on this supplier */
    aiSystemCount: z.number().int(),
    flags: z.array(supplierFlagSchema),
  })
  .meta({ id: 'Supplier' });
export type Supplier = z.infer<typeof supplierSchema>;

// The questions of an AI-specific supplier review. Ids are stable API values;
// the wording is ours.
export const REVIEW_QUESTIONS = {
  customerDataTraining: 'Does the supplier use our or our customers’ data to train or improve its models?',
  modelChangeNotification: 'Does the supplier notify us before changing the model or its behaviour?',
  dataLocation: 'Where is our data processed and stored, and is that acceptable?',
  incidentNotification: 'Will the supplier tell us about AI incidents and security breaches, and how fast?',
  certificationsHeld: 'Which certifications does the supplier hold (e.g. ISO/IEC 42001, ISO/IEC 27001), and did we see them?',
  contractReviewed: 'Have the contract and terms been reviewed for AI-specific obligations?',
} as const;
export type ReviewQuestionId = keyof typeof REVIEW_QUESTIONS;

/** The answer that is good news for the organization: a supplier that trains on our data is a "no" we want. */
export const REVIEW_GOOD_ANSWER: Record<ReviewQuestionId, 'yes' | 'no'> = {
  customerDataTraining: 'no',
  modelChangeNotification: 'yes',
  dataLocation: 'yes',
  incidentNotification: 'yes',
  certificationsHeld: 'yes',
  contractReviewed: 'yes',
};

const answer = z.strictObject({
  answer: z.enum(['yes', 'no', 'partial', 'unknown']),
  notes: text(2000).default(''),
});

export const createReviewBody = z.strictObject({
  reviewDate: isoDate(),
  /** who reviewed: a member, or a named person; the signed-in user when left out */
  reviewer: personRef.optional(),
  answers: z.strictObject({
    customerDataTraining: answer,
    modelChangeNotification: answer,
    dataLocation: answer,
    incidentNotification: answer,
    certificationsHeld: answer,
    contractReviewed: answer,
  }),
  riskRating: requiredLine(50),
  nextReviewDate: isoDate(),
  notes: text(4000).default(''),
});
export type ReviewInput = z.infer<typeof createReviewBody>;

export const supplierReviewSchema = z
  .object({
    id: z.string(),
    supplierId: z.string(),
    reviewDate: z.string(),
    reviewer: z.string(),
    answers: z.record(z.string(), z.object({ answer: z.string(), notes: z.string() })),
    riskRating: z.string(),
    nextReviewDate: z.string(),
    notes: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'SupplierReview' });

export const supplierListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  q: line(200).optional(),
  overdue: queryFlag().optional(),
  includeArchived: queryFlag().optional(),
});
