import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { ACTION_STATUSES, DECISION_KINDS, REVIEW_FLAGS, REVIEW_STATUSES } from './management-reviews.rules.js';

// A management review (clause 9.3): the meeting, its frozen inputs, minutes,
// decisions, actions and approval by top management.

const uniqueMembers = (arr: { userId: string | null; name: string }[]) => {
  const ids = arr.map((p) => p.userId).filter(Boolean);
  return new Set(ids).size === ids.length;
};

export const decisionInput = z.strictObject({
  /** kept when an existing decision is edited; a new one gets an id */
  id: uuid().optional(),
  text: text(4000).pipe(z.string().trim().min(1, 'must not be empty')),
  kind: z.enum(DECISION_KINDS),
});

const fields = {
  title: requiredLine(300),
  meetingDate: isoDate(),
  /** 'approved' only through the approve action */
  status: z.enum(REVIEW_STATUSES).refine((s) => s !== 'approved', 'is set by approving the review (POST …/approve)'),
  chair: personRef.nullable(),
  attendees: z.array(personRef).max(100).refine(uniqueMembers, 'must not list a member twice'),
  minutes: text(100_000),
  decisions: z.array(decisionInput).max(200),
  resourceNeeds: text(8000),
};

export const createReviewBody = z.strictObject({
  ...fields,
  status: fields.status.default('planned'),
  chair: fields.chair.default(null),
  attendees: fields.attendees.default([]),
  minutes: fields.minutes.default(''),
  decisions: fields.decisions.default([]),
  resourceNeeds: fields.resourceNeeds.default(''),
});
export const updateReviewBody = z.strictObject(fields).partial();

export type Decision = { id: string; text: string; kind: (typeof DECISION_KINDS)[number] };
type CreateBody = z.infer<typeof createReviewBody>;

/** The register's record: the fields plus what only the server writes. */
export type ReviewRecord = Omit<CreateBody, 'decisions' | 'status'> & {
  status: (typeof REVIEW_STATUSES)[number];
  decisions: (Omit<Decision, 'id'> & { id?: string })[];
  computed?: { numberSeq: number };
};

export const inputSectionSchema = z
  .object({
    key: z.string(),
    heading: z.string(),
    facts: z.array(z.string()),
    numbers: z.array(z.object({ label: z.string(), value: z.number() })),
  })
  .meta({ id: 'ManagementReviewInputSection' });

export const inputsSnapshot = z
  .object({
    preparedAt: z.string(),
    preparedBy: z.string(),
    /** the meeting date of the previous approved review the inputs compare with; null for the first */
    since: z.string().nullable(),
    sections: z.array(inputSectionSchema),
  })
  .meta({ id: 'ManagementReviewInputs' });
export type InputsSnapshot = z.infer<typeof inputsSnapshot>;

export const actionSchema = z
  .object({
    id: z.string(),
    reviewId: z.string(),
    text: z.string(),
    owner: personSchema.nullable(),
    dueDate: z.string().nullable(),
    status: z.enum(ACTION_STATUSES),
    doneOn: z.string().nullable(),
    overdue: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ManagementReviewAction' });
export type ReviewAction = z.infer<typeof actionSchema>;

export const reviewFlagSchema = z
  .object({ code: z.enum(REVIEW_FLAGS), field: z.string(), message: z.string() })
  .meta({ id: 'ManagementReviewFlag' });

export const reviewSchema = z
  .object({
    id: z.string(),
    /** MR-001, per organization */
    number: z.string(),
    title: z.string(),
    meetingDate: z.string(),
    status: z.enum(REVIEW_STATUSES),
    chair: personSchema.nullable(),
    attendees: z.array(personSchema.extend({ topManagement: z.boolean() })),
    minutes: z.string(),
    decisions: z.array(z.object({ id: z.string(), text: z.string(), kind: z.enum(DECISION_KINDS) })),
    resourceNeeds: z.string(),
    inputs: inputsSnapshot.nullable(),
    actions: z.array(actionSchema),
    approval: z.object({ by: personSchema, at: z.string() }).nullable(),
    flags: z.array(reviewFlagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'ManagementReview' });
export type ManagementReview = z.infer<typeof reviewSchema>;

const SORTS = ['number', 'title', 'meetingDate', 'updatedAt'] as const;
export const REVIEW_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const reviewListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(REVIEW_SORT_VALUES as [string, ...string[]]).default('-meetingDate'),
  /** title words, or a number such as MR-003 */
  q: line(200).optional(),
  status: z.enum(REVIEW_STATUSES).optional(),
  includeArchived: queryFlag().optional(),
});
export type ReviewListQuery = z.infer<typeof reviewListQuery>;

export const settingsBody = z.strictObject({
  topManagementUserIds: z
    .array(uuid())
    .max(50)
    .refine((a) => new Set(a).size === a.length, 'must not list a member twice'),
});
export const settingsSchema = z
  .object({
    topManagementUserIds: z.array(z.string()),
    /** the members, named, in the order given */
    members: z.array(z.object({ userId: z.string(), name: z.string() })),
  })
  .meta({ id: 'ManagementReviewSettings' });

export const prepareBody = z.strictObject({
  /** what the preparer says is needed; left out: the review's stored resource needs */
  resourceNeeds: text(8000).optional(),
});

export const approveBody = z.strictObject({
  /** a note kept with the approval in the audit log */
  note: text(2000).optional(),
});

export const createActionBody = z.strictObject({
  text: text(4000).pipe(z.string().trim().min(1, 'must not be empty')),
  owner: personRef.nullable().default(null),
  dueDate: isoDate().nullable().default(null),
});
export const updateActionBody = z
  .strictObject({
    text: text(4000).pipe(z.string().trim().min(1, 'must not be empty')),
    owner: personRef.nullable(),
    dueDate: isoDate().nullable(),
    status: z.enum(ACTION_STATUSES),
    /** default: today when marked done */
    doneOn: isoDate().nullable(),
  })
  .partial();
