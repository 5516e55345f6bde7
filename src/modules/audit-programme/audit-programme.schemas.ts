import { z } from 'zod';
import { isoDate, text } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { versionedSchemas } from '../../platform/versioned/index.js';
import { AUDIT_METHODS, programmeErrors } from './audit-programme.rules.js';

// The HTTP shapes of the internal audit programme (clause 9.2.2) and its
// coverage map.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

export const programmeContentSchema = z
  .strictObject({
    /** the first day of the audit cycle */
    cycleStart: isoDate(),
    /** the last day; null: three years after the start (the certification cycle) */
    cycleEnd: isoDate().nullable().default(null),
    frequency: z.strictObject({
      /** in words: "each clause once a year, Annex A over the cycle" */
      text: text(2000).default(''),
      auditsPerYear: z.number().int().min(0).max(52),
    }),
    methods: z.array(z.enum(AUDIT_METHODS)).max(AUDIT_METHODS.length).refine(uniqueItems, 'must not repeat a method'),
    /** who plans, conducts and follows up the audits */
    responsibilities: text(4000).default(''),
    /** the programme's owner */
    owner: personRef.nullable().default(null),
    /** to whom and how audit results are reported */
    reporting: text(4000).default(''),
    /** how auditors are kept independent of what they audit */
    independence: text(4000).default(''),
  })
  .superRefine((p, ctx) => {
    for (const e of programmeErrors(p)) ctx.addIssue({ code: 'custom', path: [e.field], message: e.message });
  })
  .meta({ id: 'AuditProgrammeContent' });
export type ProgrammeContent = z.infer<typeof programmeContentSchema>;

export const programmeCheckSchema = z
  .object({ code: z.string(), severity: z.enum(['warning', 'info']), field: z.string(), message: z.string() })
  .meta({ id: 'AuditProgrammeCheck' });

export const programmeSchemas = versionedSchemas('AuditProgramme', programmeContentSchema, {
  /** the cycle the programme covers, its end filled in when left to the default */
  cycle: z.object({ start: z.string(), end: z.string() }),
  /** the programme's owner with a member's current name */
  owner: personSchema.nullable(),
  /** what an approver is warned of: each open warning needs a reason to approve */
  checks: z.array(programmeCheckSchema),
});

export const coverageSchema = z
  .object({
    cycle: z.object({ start: z.string(), end: z.string() }),
    /** where the cycle comes from: the approved programme, the draft, or this year and the next two when there is neither */
    programme: z.object({ status: z.enum(['approved', 'draft', 'none']), version: z.number().int().nullable() }),
    audits: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        title: z.string(),
        status: z.string(),
        plannedStart: z.string().nullable(),
      }),
    ),
    requirements: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['clause', 'annex-a']),
        group: z.string(),
        auditIds: z.array(z.string()),
        covered: z.boolean(),
      }),
    ),
    /** requirements no audit of the cycle covers */
    gaps: z.number().int(),
    total: z.number().int(),
    /** said when the rows or the cycle are assumed (no SoA yet, no programme yet) */
    note: z.string().nullable(),
  })
  .meta({ id: 'AuditCoverage' });
export type CoverageResponse = z.infer<typeof coverageSchema>;
