import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { DOC_TYPES, DOCUMENT_CATEGORIES } from './documents.core-set.js';

// The document register (clause 7.5): what each controlled document is, who
// owns it, how often it is reviewed and who must read it; its text lives in
// versions (documents.content.ts).

export const MAX_BODY_CHARS = 200_000;
export const DOCUMENT_STATUSES = ['draft', 'in review', 'approved', 'retired'] as const;
export const DOCUMENT_FLAG_CODES = [
  'review-overdue',
  'review-due-soon',
  'role-vacant',
  'owner-left',
  'not-acknowledged',
  'no-approved-version',
] as const;

const docType = z.string().refine((s) => (DOC_TYPES as readonly string[]).includes(s), {
  message: `must be one of: ${DOC_TYPES.join(', ')}`,
});

export const audienceSchema = z
  .union([z.strictObject({ all: z.literal(true) }), z.strictObject({ roleIds: z.array(uuid()).min(1).max(100) })])
  .meta({ id: 'DocumentAudience' });
export type Audience = z.infer<typeof audienceSchema>;

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

const documentFields = {
  title: requiredLine(300),
  docType,
  category: z.enum(DOCUMENT_CATEGORIES),
  owner: personRef.nullable(),
  reviewIntervalMonths: z.number().int().min(1).max(36),
  /** set by a person; an approval otherwise sets it to the approval date plus the interval */
  nextReviewDate: isoDate().nullable(),
  /** only for policies: members of the audience confirm they read each approved version */
  requiresAcknowledgement: z.boolean(),
  audience: audienceSchema,
  /** governance roles the document gives duties to (the roles register) */
  namedRoleIds: z.array(uuid()).max(50).refine(uniqueItems, 'must not repeat a role'),
};

export const createDocumentBody = z.strictObject({
  ...documentFields,
  docType: documentFields.docType.default('other'),
  category: documentFields.category.default('procedure'),
  owner: documentFields.owner.default(null),
  reviewIntervalMonths: documentFields.reviewIntervalMonths.default(12),
  nextReviewDate: documentFields.nextReviewDate.default(null),
  requiresAcknowledgement: documentFields.requiresAcknowledgement.default(false),
  audience: audienceSchema.default({ all: true }),
  namedRoleIds: documentFields.namedRoleIds.default([]),
});
export const updateDocumentBody = z.strictObject(documentFields).partial();
export type DocumentInput = z.infer<typeof createDocumentBody>;

export const documentFlagSchema = z
  .object({
    code: z.enum(DOCUMENT_FLAG_CODES),
    severity: z.enum(['warning', 'info']),
    field: z.string(),
    message: z.string(),
  })
  .meta({ id: 'DocumentFlag' });
export type DocumentFlag = z.infer<typeof documentFlagSchema>;

export const documentSchema = z
  .object({
    id: z.string(),
    /** DOC-001 */
    number: z.string(),
    title: z.string(),
    docType: z.string(),
    category: z.enum(DOCUMENT_CATEGORIES),
    owner: personSchema.nullable(),
    reviewIntervalMonths: z.number().int(),
    nextReviewDate: z.string().nullable(),
    requiresAcknowledgement: z.boolean(),
    audience: audienceSchema,
    namedRoleIds: z.array(z.string()),
    status: z.enum(DOCUMENT_STATUSES),
    approvedVersion: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    approvedBy: z.string().nullable(),
    approvedByName: z.string().nullable(),
    draftVersion: z.number().int().nullable(),
    reviewRequestedAt: z.string().nullable(),
    reviewRequestedBy: z.string().nullable(),
    retiredAt: z.string().nullable(),
    retiredReason: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
    flags: z.array(documentFlagSchema),
  })
  .meta({ id: 'Document' });
export type Document = z.infer<typeof documentSchema>;

const SORTS = ['number', 'title', 'nextReviewDate', 'updatedAt'] as const;
export const DOCUMENT_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const documentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(DOCUMENT_SORT_VALUES as [string, ...string[]]).default('number'),
  /** title words, or a number such as DOC-004 */
  q: line(200).optional(),
  docType: line(60).optional(),
  category: z.enum(DOCUMENT_CATEGORIES).optional(),
  status: z.enum(DOCUMENT_STATUSES).optional(),
  flagged: queryFlag().optional(),
  /** the owner's user id */
  ownerId: uuid().optional(),
  includeArchived: queryFlag().optional(),
});

// Content: Markdown written here, or an uploaded file (a signed PDF, a Word file).
export const documentContentSchema = z
  .discriminatedUnion('format', [
    z.strictObject({
      format: z.literal('markdown'),
      body: text(MAX_BODY_CHARS),
      changeNote: line(500).default(''),
    }),
    z.strictObject({
      format: z.literal('file'),
      fileId: uuid(),
      fileName: requiredLine(255),
      size: z.number().int().min(0),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
      summary: text(4000).optional(),
      changeNote: line(500).default(''),
    }),
  ])
  .meta({ id: 'DocumentContent' });
export type DocumentContent = z.infer<typeof documentContentSchema>;

/** a word to the approvers, shown in their notification */
export const submitBody = z.strictObject({ note: line(1000).optional() });
export const retireBody = z.strictObject({ reason: requiredLine(1000) });
export const acknowledgeBody = z.strictObject({ version: z.number().int().min(1) });
export const fromTemplateBody = z.strictObject({ templateId: requiredLine(100), title: requiredLine(300).optional() });
export const settingsSchema = z.object({ requireSecondApprover: z.boolean() }).meta({ id: 'DocumentSettings' });
export const settingsBody = z.strictObject({ requireSecondApprover: z.boolean() });

export const diffQuery = z.strictObject({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const diffSchema = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    format: z.enum(['markdown', 'file', 'mixed']),
    hunks: z.array(
      z.object({
        oldStart: z.number().int(),
        oldLines: z.number().int(),
        newStart: z.number().int(),
        newLines: z.number().int(),
        lines: z.array(z.object({ kind: z.enum(['add', 'remove', 'same']), text: z.string() })),
      }),
    ),
    summary: z.object({ added: z.number().int(), removed: z.number().int() }),
  })
  .meta({ id: 'DocumentDiff' });
export type DocumentDiff = z.infer<typeof diffSchema>;

export const acknowledgementsSchema = z
  .object({
    /** the approved version acknowledgements are counted for; null before any approval */
    version: z.number().int().nullable(),
    audience: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        acknowledgedVersion: z.number().int().nullable(),
        acknowledgedAt: z.string().nullable(),
        current: z.boolean(),
      }),
    ),
    acknowledged: z.number().int(),
    total: z.number().int(),
  })
  .meta({ id: 'DocumentAcknowledgements' });

export const coreSetRowSchema = z
  .object({
    key: z.string(),
    title: z.string(),
    clauses: z.array(z.string()),
    heldAs: z.enum(['live', 'document', 'missing']),
    /** web path of the live record or the document */
    link: z.string().nullable(),
    status: z.string().nullable(),
    version: z.number().int().nullable(),
    approvedAt: z.string().nullable(),
    documentIds: z.array(z.string()),
  })
  .meta({ id: 'DocumentCoreSetRow' });
export type CoreSetRow = z.infer<typeof coreSetRowSchema>;

export const templateSummarySchema = z
  .object({ id: z.string(), title: z.string(), docType: z.string(), category: z.string(), summary: z.string() })
  .meta({ id: 'DocumentTemplateSummary' });

export const exportQuery = z.strictObject({ format: z.enum(['pdf', 'docx', 'html']).default('pdf') });
