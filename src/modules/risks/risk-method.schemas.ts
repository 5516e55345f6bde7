import { z } from 'zod';
import { versionedSchemas } from '../../platform/versioned/index.js';
import { methodErrors, riskMethodContentSchema } from './risk-method.rules.js';

// The HTTP shapes of the risk method. The content the API takes is the rules'
// schema plus the structural checks zod alone cannot express (matrix shape,
// level ids): a method with one of those is refused with 400 naming each
// cell, before anything is written, so no stored draft or version has one.

const pathOf = (field: string) => field.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));

export const riskMethodSchema = riskMethodContentSchema
  .superRefine((m, ctx) => {
    for (const e of methodErrors(m)) ctx.addIssue({ code: 'custom', path: pathOf(e.field), message: e.message });
  })
  .meta({ id: 'RiskMethodContent' });

export const riskMethodCheckSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['warning', 'info']),
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: 'RiskMethodCheck' });

export const riskMethodSchemas = versionedSchemas('RiskMethod', riskMethodSchema, {
  /** the generic-criteria findings: each open warning needs a reason to approve */
  checks: z.array(riskMethodCheckSchema),
});

export type RiskMethodVersion = z.infer<typeof riskMethodSchemas.version>;

/**
 * GET /risk-method: the approved method and the draft, as for every versioned
 * record, plus `suggested`: the default AI-specific method, offered as the
 * starting draft while the organization has neither (null once it has one).
 */
export const riskMethodOverviewSchema = z
  .object({
    approved: riskMethodSchemas.version.nullable(),
    draft: riskMethodSchemas.version.nullable(),
    suggested: z
      .object({ content: riskMethodSchema, checks: z.array(riskMethodCheckSchema) })
      .nullable()
      .describe('the default method to start a draft from, while there is no draft and no approved version'),
  })
  .meta({ id: 'RiskMethodOverview' });

/** GET /risk-method/effective: the method risks are scored with now, and where it comes from. */
export const effectiveRiskMethodSchema = z
  .object({
    content: riskMethodSchema,
    version: z.number().int().nullable().describe('the version it comes from; null for the built-in default'),
    status: z
      .enum(['approved', 'draft', 'default'])
      .describe('the approved version, else the draft, else the built-in default while there is neither'),
  })
  .meta({ id: 'EffectiveRiskMethod' });
