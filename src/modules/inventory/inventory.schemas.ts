import { z } from 'zod';
import { isoDate, line, optionalEnum, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { AI_ROLES } from '../organizations/index.js';

// The AI system register (journey step 3). Its first fields are the inventory
// table an auditor expects; the rest serve Annex A: life cycle (A.6), intended
// use and misuse (A.9.4), suppliers (A.10.3).

export const AI_SYSTEM_KINDS = ['own-model', 'product-feature', 'internal-tool', 'third-party-saas', 'agent'] as const;
export const USER_IMPACTS = ['internal', 'customer-facing', 'decision-support'] as const;
export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'personal', 'special-category'] as const;
export const DEPENDENCIES = ['platform', 'api', 'model', 'vendor', 'dataset', 'service'] as const;
export const LIFECYCLE_STAGES = [
  'planning',
  'design',
  'development',
  'verification-and-validation',
  'deployment',
  'operation-and-monitoring',
  'change',
  'retired',
] as const;

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

/** A member (userId) or a named person or team outside OpenAIMS. */
export const ownerSchema = personRef;

const fields = {
  externalId: line(200).nullable(),
  name: requiredLine(200),
  kind: optionalEnum(AI_SYSTEM_KINDS),
  businessOwner: ownerSchema.nullable(),
  technicalOwner: ownerSchema.nullable(),
  purpose: text(4000),
  userImpact: z.array(z.enum(USER_IMPACTS)).max(3).refine(uniqueItems, 'must not repeat a value'),
  dataCategories: z.array(requiredLine(100)).max(50),
  dataSource: text(2000),
  dataSensitivity: optionalEnum(DATA_SENSITIVITIES),
  suppliers: z
    .array(z.strictObject({ supplierId: uuid(), dependency: z.enum(DEPENDENCIES) }))
    .max(50)
    .refine((s) => uniqueItems(s.map((x) => x.supplierId)), 'must not list a supplier twice'),
  riskLevel: line(50).nullable(),
  monitoringMethod: text(4000),
  aiRole: optionalEnum(AI_ROLES),
  lifecycleStage: optionalEnum(LIFECYCLE_STAGES),
  inScope: z.boolean().nullable(),
  intendedUse: text(4000),
  foreseeableMisuse: text(4000),
  humanOversight: text(4000),
  deploymentDate: isoDate().nullable(),
  lastReviewDate: isoDate().nullable(),
  tags: z.array(requiredLine(50)).max(50),
};

export const aiSystemFields = z.strictObject(fields);
export type AiSystemInput = z.infer<typeof aiSystemFields>;

export const EMPTY_AI_SYSTEM: Omit<AiSystemInput, 'name'> = {
  externalId: null,
  kind: null,
  businessOwner: null,
  technicalOwner: null,
  purpose: '',
  userImpact: [],
  dataCategories: [],
  dataSource: '',
  dataSensitivity: null,
  suppliers: [],
  riskLevel: null,
  monitoringMethod: '',
  aiRole: null,
  lifecycleStage: null,
  inScope: null,
  intendedUse: '',
  foreseeableMisuse: '',
  humanOversight: '',
  deploymentDate: null,
  lastReviewDate: null,
  tags: [],
};

export const createAiSystemBody = z.strictObject(fields).partial().required({ name: true });
export const updateAiSystemBody = z.strictObject(fields).partial();

export const flagSchema = z.object({ code: z.string(), field: z.string(), message: z.string() }).meta({ id: 'InventoryFlag' });

export const aiSystemSchema = z
  .object({
    id: z.string(),
    externalId: z.string().nullable(),
    name: z.string(),
    kind: z.string().nullable(),
    businessOwner: personSchema.nullable(),
    technicalOwner: personSchema.nullable(),
    purpose: z.string(),
    userImpact: z.array(z.string()),
    dataCategories: z.array(z.string()),
    dataSource: z.string(),
    dataSensitivity: z.string().nullable(),
    suppliers: z.array(z.object({ supplierId: z.string(), name: z.string(), dependency: z.string() })),
    riskLevel: z.string().nullable(),
    monitoringMethod: z.string(),
    aiRole: z.string().nullable(),
    lifecycleStage: z.string().nullable(),
    inScope: z.boolean().nullable(),
    intendedUse: z.string(),
    foreseeableMisuse: z.string(),
    humanOversight: z.string(),
    deploymentDate: z.string().nullable(),
    lastReviewDate: z.string().nullable(),
    tags: z.array(z.string()),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
    mergedIntoId: z.string().nullable(),
    flags: z.array(flagSchema),
  })
  .meta({ id: 'AiSystem' });
export type AiSystem = z.infer<typeof aiSystemSchema>;

export const MISSING = ['owner', 'risk', 'monitoring', 'supplier', 'review'] as const;
export const SORTS = ['name', '-name', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt', 'riskLevel', '-riskLevel'] as const;

export const aiSystemListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(SORTS).default('name'),
  q: line(200).optional(),
  riskLevel: line(50).optional(),
  lifecycleStage: z.enum(LIFECYCLE_STAGES).optional(),
  owner: line(200).optional(),
  supplierId: uuid().optional(),
  inScope: z.enum(['true', 'false', 'undecided']).optional(),
  missing: z.enum(MISSING).optional(),
  tag: line(50).optional(),
  includeArchived: queryFlag().optional(),
});
export type AiSystemListQuery = z.infer<typeof aiSystemListQuery>;

export const bulkEditBody = z.strictObject({
  ids: z.array(uuid()).min(1).max(1000),
  set: z
    .strictObject({
      businessOwner: ownerSchema.nullable(),
      technicalOwner: ownerSchema.nullable(),
      riskLevel: line(50).nullable(),
      inScope: z.boolean().nullable(),
    })
    .partial()
    .refine((s) => Object.keys(s).length > 0, 'set at least one field'),
});

export const mergeBody = z.strictObject({ duplicateId: uuid() });

export const summarySchema = z
  .object({
    total: z.number().int(),
    inScope: z.number().int(),
    byRiskLevel: z.record(z.string(), z.number().int()),
    missing: z.object({
      owner: z.number().int(),
      risk: z.number().int(),
      monitoring: z.number().int(),
      supplier: z.number().int(),
      review: z.number().int(),
    }),
    duplicateGroups: z.number().int(),
    /** AI systems, products and services the approved scope names that no active record stands for */
    namedInScopeMissing: z.number().int(),
  })
  .meta({ id: 'InventorySummary' });

export const scopeGapSchema = z
  .object({
    name: z.string(),
    kind: z.enum(['ai-system', 'product-or-service']),
    scopeVersion: z.number().int(),
  })
  .meta({ id: 'InventoryScopeGap' });

export const duplicateGroupSchema = z
  .object({ ids: z.array(z.string()), names: z.array(z.string()), reason: z.string() })
  .meta({ id: 'DuplicateGroup' });
