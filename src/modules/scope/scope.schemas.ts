import { z } from 'zod';
import { requiredLine, text, uuid } from '../../platform/http/fields.js';
import { versionedSchemas } from '../../platform/versioned/index.js';

// The AIMS scope (clause 4.3) with the context it rests on (4.1 issues, 4.2
// interested parties). Its fields answer, one by one, the questions a
// certification body asks about scope, so a gap is a visibly empty field.

/** An in/out answer with the reasoning; null means "not decided yet". */
const inclusion = z.strictObject({
  included: z.boolean().nullable(),
  notes: text(2000),
});

export const scopeContentSchema = z
  .strictObject({
    /** One or two sentences an auditor and a buyer can read on the certificate. */
    boundaryStatement: text(4000),
    /** AI systems covered. aiSystemId links to the inventory once it exists. */
    aiSystems: z
      .array(z.strictObject({ name: requiredLine(200), description: text(2000), aiSystemId: uuid().nullable() }))
      .max(500),
    productsAndServices: z.array(z.strictObject({ name: requiredLine(200), description: text(2000) })).max(500),
    departments: z.array(z.strictObject({ name: requiredLine(200), description: text(2000) })).max(200),
    /** ids of sites from the organization profile */
    siteIds: z.array(uuid()).max(500),
    internalAiTools: inclusion,
    customerFacingAiFeatures: inclusion,
    thirdPartyAiSystems: inclusion.extend({ vendors: z.array(requiredLine(200)).max(200) }),
    countriesOrBusinessUnits: z.array(requiredLine(200)).max(200),
    exclusions: z.array(z.strictObject({ item: requiredLine(300), justification: text(2000) })).max(200),
    interestedParties: z
      .array(
        z.strictObject({
          name: requiredLine(200),
          kind: z.enum(['internal', 'external']),
          requirements: text(4000),
          /** whether their requirement is addressed through the AIMS (4.2 c) */
          addressedByAims: z.boolean().nullable(),
        }),
      )
      .max(200),
    issues: z
      .array(z.strictObject({ kind: z.enum(['internal', 'external']), description: requiredLine(500), effect: text(2000) }))
      .max(200),
  })
  .meta({ id: 'ScopeContent' });

export type ScopeContent = z.infer<typeof scopeContentSchema>;

export const EMPTY_SCOPE: ScopeContent = {
  boundaryStatement: '',
  aiSystems: [],
  productsAndServices: [],
  departments: [],
  siteIds: [],
  internalAiTools: { included: null, notes: '' },
  customerFacingAiFeatures: { included: null, notes: '' },
  thirdPartyAiSystems: { included: null, notes: '', vendors: [] },
  countriesOrBusinessUnits: [],
  exclusions: [],
  interestedParties: [],
  issues: [],
};

export const scopeCheckSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['warning', 'info']),
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: 'ScopeCheck' });

export type ScopeCheck = z.infer<typeof scopeCheckSchema>;

export const scopeSchemas = versionedSchemas('Scope', scopeContentSchema, {
  /** the scope as a readable statement (Markdown) */
  statement: z.string(),
  checks: z.array(scopeCheckSchema),
});

export type ScopeVersion = z.infer<typeof scopeSchemas.version>;
