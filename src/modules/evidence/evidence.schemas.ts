import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { EVIDENCE_AREAS, EVIDENCE_KINDS, EVIDENCE_STATES } from './evidence.rules.js';

// Evidence (clauses 7.5, 9.1): a stored file, a link or another record that
// shows a requirement or control is met, with its period and validity, and
// what it evidences (requirements, controls, AI systems, risks).

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;
const idList = (item: z.ZodString, what: string) => z.array(item).max(200).refine(uniqueItems, `must not repeat ${what}`);

/** Kinds of record an item of kind 'record' may name (those registered in this instance). */
export const RECORD_KINDS = [
  'ai-system',
  'risk',
  'impact-assessment',
  'objective',
  'supplier',
  'scope',
  'document',
  'role',
] as const;

const recordRef = z.strictObject({ kind: z.enum(RECORD_KINDS), id: z.string().min(1).max(100) });

const evidenceFields = {
  title: requiredLine(200),
  description: text(4000),
  kind: z.enum(EVIDENCE_KINDS),
  /** kind 'file': a file uploaded to POST /files */
  fileId: uuid().nullable(),
  /** kind 'link': an http or https address */
  url: z.string().trim().max(2000).nullable(),
  /** kind 'record': another record of this organization */
  record: recordRef.nullable(),
  collectedOn: isoDate(),
  periodFrom: isoDate().nullable(),
  periodTo: isoDate().nullable(),
  validUntil: isoDate().nullable(),
  owner: personRef.nullable(),
  /** one of the seven areas; left out, the first linked requirement or control decides */
  area: z.enum(EVIDENCE_AREAS),
  /** management-system clauses, 4.1 … 10.2 */
  requirementIds: idList(z.string().max(20), 'a requirement'),
  /** Annex A controls (A.6.2.6) or the organization's own controls from the SoA */
  controlIds: idList(z.string().max(100), 'a control'),
  aiSystemIds: idList(uuid(), 'an AI system'),
  riskIds: idList(uuid(), 'a risk'),
};

export const createEvidenceBody = z.strictObject({
  ...evidenceFields,
  description: evidenceFields.description.default(''),
  fileId: evidenceFields.fileId.default(null),
  url: evidenceFields.url.default(null),
  record: evidenceFields.record.default(null),
  /** default: today */
  collectedOn: evidenceFields.collectedOn.optional(),
  periodFrom: evidenceFields.periodFrom.default(null),
  periodTo: evidenceFields.periodTo.default(null),
  validUntil: evidenceFields.validUntil.default(null),
  owner: evidenceFields.owner.default(null),
  area: evidenceFields.area.optional(),
  requirementIds: evidenceFields.requirementIds.default([]),
  controlIds: evidenceFields.controlIds.default([]),
  aiSystemIds: evidenceFields.aiSystemIds.default([]),
  riskIds: evidenceFields.riskIds.default([]),
});
export const updateEvidenceBody = z.strictObject(evidenceFields).partial();
export type EvidenceInput = Omit<z.infer<typeof createEvidenceBody>, 'collectedOn' | 'area'> & {
  collectedOn: string;
  area: (typeof EVIDENCE_AREAS)[number];
  /** given by prepare on create, kept on update */
  numberSeq?: number;
};

const linked = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });
const flagSchema = z.object({ code: z.string(), message: z.string() }).meta({ id: 'EvidenceFlag' });

export const evidenceSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    file: z.object({ id: z.string(), name: z.string(), size: z.number(), mediaType: z.string(), sha256: z.string() }).nullable(),
    url: z.string().nullable(),
    record: z.object({ kind: z.string(), id: z.string(), label: z.string(), archived: z.boolean() }).nullable(),
    collectedOn: z.string(),
    periodFrom: z.string().nullable(),
    periodTo: z.string().nullable(),
    validUntil: z.string().nullable(),
    owner: personSchema.nullable(),
    area: z.enum(EVIDENCE_AREAS),
    areaLabel: z.string(),
    requirementIds: z.array(z.string()),
    controlIds: z.array(z.string()),
    /** the requirements and controls with their titles */
    requirements: z.array(z.object({ id: z.string(), title: z.string() })),
    controls: z.array(z.object({ id: z.string(), title: z.string() })),
    aiSystems: z.array(linked),
    risks: z.array(linked),
    state: z.enum(EVIDENCE_STATES),
    flags: z.array(flagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof evidenceSchema>;

export const EVIDENCE_SORTS = ['number', 'title', 'collectedOn', 'validUntil', 'updatedAt'] as const;

export const evidenceListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(EVIDENCE_SORTS.flatMap((s) => [s, `-${s}`]) as [string, ...string[]]).optional(),
  /** title words or an EV number */
  q: line(200).optional(),
  kind: z.enum(EVIDENCE_KINDS).optional(),
  controlId: z.string().max(100).optional(),
  requirementId: z.string().max(20).optional(),
  aiSystemId: uuid().optional(),
  riskId: uuid().optional(),
  area: z.enum(EVIDENCE_AREAS).optional(),
  state: z.enum(EVIDENCE_STATES).optional(),
  ownerId: uuid().optional(),
  /** only items with a flag (expired, expiring soon, not linked) */
  flagged: queryFlag().optional(),
  includeArchived: queryFlag().optional(),
});
export type EvidenceListQuery = z.infer<typeof evidenceListQuery>;

const coverageCounts = {
  valid: z.number().int(),
  expiring: z.number().int(),
  expired: z.number().int(),
  total: z.number().int(),
  latestCollectedOn: z.string().nullable(),
};
const coverageRow = z.object({ title: z.string(), ...coverageCounts });

export const coverageSchema = z
  .object({
    today: z.string(),
    controls: z.array(coverageRow.extend({ controlId: z.string(), kind: z.enum(['annex-a', 'own']) })),
    requirements: z.array(coverageRow.extend({ requirementId: z.string() })),
    areas: z.array(
      z.object({
        area: z.enum(EVIDENCE_AREAS),
        label: z.string(),
        items: z.number().int(),
        valid: z.number().int(),
        /** clauses and Annex A controls of the area with current (valid or expiring) evidence */
        requirementsCovered: z.number().int(),
        requirementsTotal: z.number().int(),
      }),
    ),
    totals: z.object({
      items: z.number().int(),
      valid: z.number().int(),
      expiring: z.number().int(),
      expired: z.number().int(),
      controlsCovered: z.number().int(),
      controlsTotal: z.number().int(),
      requirementsCovered: z.number().int(),
      requirementsTotal: z.number().int(),
    }),
  })
  .meta({ id: 'EvidenceCoverage' });
export type Coverage = z.infer<typeof coverageSchema>;
