import { z } from 'zod';
import { line, requiredLine, text } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { versionedSchemas } from '../../platform/versioned/index.js';

// The Statement of Applicability (clause 6.1.3): one row per Annex A control,
// always all 38, plus the organization's own controls. The content holds the
// decisions people make; linked risks, evidence and flags are computed on
// every read and never stored.

export const IMPLEMENTATION_STATUSES = ['not-implemented', 'planned', 'partially-implemented', 'implemented'] as const;
export const implementationStatus = z.enum(IMPLEMENTATION_STATUSES);
export type ImplementationStatus = z.infer<typeof implementationStatus>;

/** How a status reads in an export and on screen. */
export const STATUS_WORDS: Record<ImplementationStatus, string> = {
  'not-implemented': 'Not implemented',
  planned: 'Planned',
  'partially-implemented': 'Partially implemented',
  implemented: 'Implemented',
};

/** Annex A ids: "A." then numbers. Only the catalogue's may be used; own controls may not look like one. */
export const ANNEX_A_STYLE = /^A\.\d/i;
/** An own control's id: letters, digits, dots, hyphens and underscores, e.g. "OC-01" or "SEC.7". */
export const OWN_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/;

/** What a person decides about any control. */
export const decisionFields = {
  applicable: z.boolean(),
  /** why the control is included or excluded (required to exclude; to approve an inclusion without one needs a reason) */
  justification: text(4000),
  implementationStatus,
  /** how the control is implemented: process, tool, document */
  implementation: text(8000),
  owner: personRef.nullable(),
};

export const annexARowSchema = z.strictObject({ controlId: line(20), ...decisionFields }).meta({ id: 'SoaAnnexARow' });
export type AnnexARow = z.infer<typeof annexARowSchema>;

export const ownControlId = line(32).pipe(
  z
    .string()
    .regex(OWN_ID, 'must be 1 to 32 letters, digits, dots, hyphens or underscores, e.g. OC-01')
    .refine((s) => !ANNEX_A_STYLE.test(s), 'looks like an Annex A control id; own controls need an id of their own, e.g. OC-01'),
);

export const ownControlSchema = z
  .strictObject({ controlId: ownControlId, title: requiredLine(200), description: text(4000), ...decisionFields })
  .meta({ id: 'SoaOwnControl' });
export type OwnControl = z.infer<typeof ownControlSchema>;

/**
 * The stored content. The rules (soa.rules.ts) add what zod cannot say here:
 * every Annex A control exactly once, catalogue ids only, own ids unique,
 * a justification on every exclusion.
 */
export const soaContentSchema = z
  .strictObject({
    annexA: z.array(annexARowSchema).max(100),
    ownControls: z.array(ownControlSchema).max(500),
  })
  .meta({ id: 'SoaContent' });
export type SoaContent = z.infer<typeof soaContentSchema>;

/** A risk whose treatment relies on a control (from the risk register). */
export const linkedRiskSchema = z
  .object({
    id: z.string(),
    /** the risk's number as the register shows it: R-001 */
    number: z.string(),
    title: z.string(),
    residualLevel: z.string().nullable(),
    status: z.string(),
  })
  .meta({ id: 'SoaLinkedRisk' });
export type LinkedRisk = z.infer<typeof linkedRiskSchema>;

export const soaCheckSchema = z
  .object({ code: z.string(), severity: z.enum(['warning', 'info']), field: z.string(), message: z.string() })
  .meta({ id: 'SoaCheck' });
export type SoaCheck = z.infer<typeof soaCheckSchema>;

/** One row as read: the decisions, what the catalogue says, and what other records link to it. */
export const soaRowSchema = z
  .object({
    controlId: z.string(),
    kind: z.enum(['annex-a', 'own']),
    title: z.string(),
    /** own controls: the organization's description; Annex A: empty */
    description: z.string(),
    /** Annex A: the control objective (A.6), and its sub-objective for A.6.1 and A.6.2; own controls: null */
    group: z.string().nullable(),
    groupTitle: z.string().nullable(),
    applicable: z.boolean(),
    justification: z.string(),
    implementationStatus,
    implementation: z.string(),
    owner: personSchema.nullable(),
    /** how many current risks have a treatment action relying on the control */
    linkedRiskCount: z.number().int(),
    /**
     * the first 20 of them, highest residual level first (not assessed last),
     * then by number; all of them: GET /risks?controlId=
     */
    linkedRisks: z.array(linkedRiskSchema),
    /** current evidence items linked to the control; all of them: GET /evidence?controlId= */
    evidenceCount: z.number().int(),
    /** of those, still valid today (valid or expiring) */
    validEvidenceCount: z.number().int(),
    /** the 5 most recently collected */
    linkedEvidence: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        title: z.string(),
        validUntil: z.string().nullable(),
        state: z.enum(['valid', 'expiring', 'expired']),
      }),
    ),
    /** the checks on this row */
    flags: z.array(soaCheckSchema),
  })
  .meta({ id: 'SoaRow' });
export type SoaRow = z.infer<typeof soaRowSchema>;

export const EVIDENCE_NOTE =
  'Evidence counts are the current items in the evidence store linked to each control, as of when the SoA is read.';

const derived = { rows: z.array(soaRowSchema), checks: z.array(soaCheckSchema), evidenceNote: z.string() };
export const soaSchemas = versionedSchemas('Soa', soaContentSchema, derived);

/** GET /soa: the current rows (the draft if there is one, else the approved version, else the starting rows). */
export const soaCurrentSchema = z
  .object({
    /** null before anything was saved */
    version: z.number().int().nullable(),
    status: z.enum(['not-started', 'draft', 'approved']),
    /** the draft's ETag as If-Match for writes: W/"none" without a draft */
    etag: z.string(),
    updatedAt: z.string().nullable(),
    /** the current version's approval, or null for a draft */
    approvedAt: z.string().nullable(),
    approver: z.object({ userId: z.string().nullable(), name: z.string().nullable() }).nullable(),
    /** the approved version a draft builds on, if any */
    approvedVersion: z
      .object({ version: z.number().int(), approvedAt: z.string().nullable(), approverName: z.string().nullable() })
      .nullable(),
    rows: z.array(soaRowSchema),
    checks: z.array(soaCheckSchema),
    evidenceNote: z.string(),
  })
  .meta({ id: 'SoaCurrent' });
export type SoaCurrent = z.infer<typeof soaCurrentSchema>;

/** PATCH /soa/rows/:controlId: the fields given change, the rest stay. */
export const rowPatchBody = z
  .strictObject({
    applicable: z.boolean().optional(),
    justification: text(4000).optional(),
    implementationStatus: implementationStatus.optional(),
    implementation: text(8000).optional(),
    owner: personRef.nullable().optional(),
    /** own controls only */
    title: requiredLine(200).optional(),
    description: text(4000).optional(),
  })
  .meta({ id: 'SoaRowPatch' });
export type RowPatch = z.infer<typeof rowPatchBody>;

/** POST /soa/own-controls: an id of the organization's choosing, or the next free OC-nn. */
export const ownControlCreateBody = z
  .strictObject({
    controlId: ownControlId.optional(),
    title: requiredLine(200),
    description: text(4000).default(''),
    applicable: z.boolean().default(true),
    justification: text(4000).default(''),
    implementationStatus: implementationStatus.default('not-implemented'),
    implementation: text(8000).default(''),
    owner: personRef.nullable().default(null),
  })
  .meta({ id: 'SoaOwnControlCreate' });
