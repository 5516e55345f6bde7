import { z } from 'zod';

// The served shapes of the catalogue and the crosswalks. The data files are
// typed from these, so the catalogue and its API cannot drift apart.

/** OpenAIMS modules: where the evidence for a requirement lives (or will live). */
export const MODULE_IDS = [
  'scope',
  'gap-assessment',
  'inventory',
  'suppliers',
  'risk',
  'impact-assessment',
  'soa',
  'objectives',
  'policies',
  'documents',
  'roles',
  'training',
  'monitoring',
  'incidents',
  'internal-audit',
  'management-review',
  'nonconformity',
  'certification',
] as const;
export type ModuleId = (typeof MODULE_IDS)[number];

/** The twelve areas a gap assessment reports on (the seed's review list). */
export const REVIEW_AREA_IDS = [
  'policy-objectives',
  'inventory',
  'risk-assessment',
  'roles',
  'lifecycle',
  'data-governance',
  'monitoring',
  'suppliers',
  'incidents',
  'internal-audit',
  'management-review',
  'audit-evidence',
] as const;
export type ReviewAreaId = (typeof REVIEW_AREA_IDS)[number];

export const reviewAreaSchema = z
  .object({ id: z.enum(REVIEW_AREA_IDS), title: z.string(), description: z.string() })
  .meta({ id: 'ReviewArea' });
export type ReviewArea = z.infer<typeof reviewAreaSchema>;

export const requirementSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    kind: z.enum(['clause', 'annex-a']),
    /** clause number '4'…'10', or control objective 'A.2'…'A.10' */
    group: z.string(),
    groupTitle: z.string(),
    /** only A.6 has sub-objectives: 'A.6.1' and 'A.6.2' */
    subgroup: z.string().nullable(),
    subgroupTitle: z.string().nullable(),
    intent: z.string(),
    questions: z.array(z.string()),
    evidence: z.array(z.string()),
    module: z.enum(MODULE_IDS),
    documentedInformation: z.array(z.string()),
    reviewAreas: z.array(z.enum(REVIEW_AREA_IDS)),
  })
  .meta({ id: 'CatalogueRequirement' });
export type Requirement = z.infer<typeof requirementSchema>;
/** How the data files write an entry; kind and grouping follow from the id. */
export type RequirementEntry = Omit<Requirement, 'kind' | 'group' | 'groupTitle' | 'subgroup' | 'subgroupTitle'>;

export const catalogueSchema = z
  .object({
    version: z.string(),
    requirements: z.array(requirementSchema),
    reviewAreas: z.array(reviewAreaSchema),
  })
  .meta({ id: 'Catalogue' });
export type Catalogue = z.infer<typeof catalogueSchema>;

export const ISMS_PROCESS_IDS = [
  'security-governance',
  'risk-management',
  'document-control',
  'supplier-controls',
  'incident-handling',
  'internal-audit',
  'management-review',
  'corrective-action',
] as const;
export type IsmsProcessId = (typeof ISMS_PROCESS_IDS)[number];

export const crosswalkLinkSchema = z
  .object({
    /** an ISO/IEC 42001 catalogue id */
    from: z.string(),
    /** an id in the crosswalk's targets */
    to: z.string(),
    rationale: z.string(),
    /** ISO/IEC 27001 only: the ISMS process this link reuses */
    process: z.enum(ISMS_PROCESS_IDS).optional(),
  })
  .meta({ id: 'CrosswalkLink' });
export type CrosswalkLink = z.infer<typeof crosswalkLinkSchema>;

export const crosswalkTargetSchema = z.object({ id: z.string(), title: z.string() }).meta({ id: 'CrosswalkTarget' });
export type CrosswalkTarget = z.infer<typeof crosswalkTargetSchema>;

/** An ISMS process an ISO/IEC 27001 holder can reuse, and what it leaves to do for AI. */
export const ismsProcessSchema = z
  .object({
    id: z.enum(ISMS_PROCESS_IDS),
    title: z.string(),
    /** what an ISMS usually already has */
    summary: z.string(),
    /** the 42001 requirements it partly covers, each with the AI-specific part still to do */
    prefills: z.array(z.object({ requirementId: z.string(), aiSpecificPart: z.string() })),
  })
  .meta({ id: 'IsmsProcess' });
export type IsmsProcess = z.infer<typeof ismsProcessSchema>;

export const CROSSWALK_IDS = ['iso27001-2022', 'nist-ai-rmf-1.0', 'eu-ai-act'] as const;
export type CrosswalkId = (typeof CROSSWALK_IDS)[number];

const crosswalkFields = {
  id: z.enum(CROSSWALK_IDS),
  title: z.string(),
  /** the external framework, e.g. "ISO/IEC 27001:2022" */
  source: z.string(),
  disclaimer: z.string(),
};

export const crosswalkSchema = z
  .object({
    ...crosswalkFields,
    targets: z.array(crosswalkTargetSchema),
    links: z.array(crosswalkLinkSchema),
    processes: z.array(ismsProcessSchema).optional(),
  })
  .meta({ id: 'Crosswalk' });
export type Crosswalk = z.infer<typeof crosswalkSchema>;

export const crosswalkSummarySchema = z
  .object({ ...crosswalkFields, targetCount: z.number().int(), linkCount: z.number().int() })
  .meta({ id: 'CrosswalkSummary' });
export type CrosswalkSummary = z.infer<typeof crosswalkSummarySchema>;

/** A served crosswalk: links carry both titles so a reader needs no second lookup. */
export const crosswalkDetailSchema = crosswalkSchema
  .extend({
    catalogueVersion: z.string(),
    links: z.array(crosswalkLinkSchema.extend({ fromTitle: z.string(), toTitle: z.string() })),
  })
  .meta({ id: 'CrosswalkDetail' });
export type CrosswalkDetail = z.infer<typeof crosswalkDetailSchema>;

export const crosswalkParams = z.object({ id: z.string().max(64) });
export const crosswalkQuery = z.object({ format: z.enum(['json', 'csv']).default('json') });
