import { z } from 'zod';
import { isoDate, line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { AUDIENCE_KINDS, CELL_STATES, RECORD_STATES } from './training.rules.js';

// Training and competence (clauses 7.2, 7.3): topics with who must take them
// and how often, completion records, competence criteria per governance role
// or team, and the matrix of who is trained on what.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;
export const teamName = () => requiredLine(100);

export const audienceSchema = z
  .strictObject({
    kind: z.enum(AUDIENCE_KINDS),
    /** governance roles (audience 'roles'): their holders and deputies */
    roleIds: z.array(uuid()).max(50).refine(uniqueItems, 'must not repeat a role').default([]),
    /** team names (audience 'teams') */
    teams: z.array(teamName()).max(50).default([]),
  })
  .meta({ id: 'TrainingAudience' });

const topicFields = {
  title: requiredLine(200),
  description: text(4000),
  audience: audienceSchema,
  /** months until a refresher is due; null: once is enough */
  refresherMonths: z.number().int().min(1).max(120).nullable(),
  /** a document of the organization (the training material or the policy it teaches) */
  documentId: uuid().nullable(),
};

export const createTopicBody = z.strictObject({
  ...topicFields,
  description: topicFields.description.default(''),
  audience: audienceSchema.default({ kind: 'all', roleIds: [], teams: [] }),
  refresherMonths: topicFields.refresherMonths.default(null),
  documentId: topicFields.documentId.default(null),
});
export const updateTopicBody = z.strictObject(topicFields).partial();
export type TopicInput = z.infer<typeof createTopicBody> & { numberSeq?: number; seedKey?: string | null };

const linked = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });

export const topicSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    description: z.string(),
    audience: audienceSchema.extend({ roles: z.array(linked) }),
    /** the audience in words: "Everyone", "AI use approver", "Teams: Sales, Support" */
    audienceLabel: z.string(),
    refresherMonths: z.number().int().nullable(),
    documentId: z.string().nullable(),
    document: linked.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'TrainingTopic' });
export type Topic = z.infer<typeof topicSchema>;

export const topicListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(['number', '-number', 'title', '-title', 'updatedAt', '-updatedAt']).optional(),
  /** title words or a TRN number */
  q: line(200).optional(),
  includeArchived: queryFlag().optional(),
});

const recordFields = {
  person: personRef,
  topicId: uuid(),
  /** when it was completed; not in the future */
  completedOn: isoDate(),
  /** left out: completedOn plus the topic's refresher months (none when it has no refresher) */
  expiresOn: isoDate().nullable(),
  /** an evidence item of the organization (certificate, attendance list) */
  evidenceId: uuid().nullable(),
  /** or an http(s) address */
  evidenceUrl: z.string().trim().max(2000).nullable(),
  /** or a file uploaded to POST /files */
  fileId: uuid().nullable(),
  notes: text(4000),
};

export const createRecordBody = z.strictObject({
  ...recordFields,
  expiresOn: recordFields.expiresOn.optional(),
  evidenceId: recordFields.evidenceId.default(null),
  evidenceUrl: recordFields.evidenceUrl.default(null),
  fileId: recordFields.fileId.default(null),
  notes: recordFields.notes.default(''),
});
export const updateRecordBody = z.strictObject(recordFields).partial();
/** expiresOn undefined: derived from the topic */
export type RecordInput = Omit<z.infer<typeof createRecordBody>, 'expiresOn'> & {
  expiresOn?: string | null;
  derivedExpiry?: string | null;
};

export const recordSchema = z
  .object({
    id: z.string(),
    person: personSchema,
    topicId: z.string(),
    topic: z.object({ id: z.string(), number: z.string(), title: z.string(), archived: z.boolean() }),
    completedOn: z.string(),
    expiresOn: z.string().nullable(),
    /** false: expiresOn follows the topic's refresher */
    expiresOnGiven: z.boolean(),
    state: z.enum(RECORD_STATES),
    evidenceId: z.string().nullable(),
    evidence: linked.nullable(),
    evidenceUrl: z.string().nullable(),
    fileId: z.string().nullable(),
    file: z.object({ id: z.string(), name: z.string() }).nullable(),
    notes: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'TrainingRecord' });
export type TrainingRecord = z.infer<typeof recordSchema>;

export const recordListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(['completedOn', '-completedOn', 'expiresOn', '-expiresOn', 'updatedAt', '-updatedAt']).optional(),
  topicId: uuid().optional(),
  userId: uuid().optional(),
  state: z.enum(RECORD_STATES).optional(),
  includeArchived: queryFlag().optional(),
});

export const appliesToSchema = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('role'), roleId: uuid() }),
    z.strictObject({ kind: z.literal('team'), team: teamName() }),
  ])
  .meta({ id: 'CompetenceAppliesTo' });

const criterionFields = {
  appliesTo: appliesToSchema,
  /** what the person must be able to do or know, in the organization's words */
  criterion: requiredLine(500),
  requiredTopicIds: z.array(uuid()).max(100).refine(uniqueItems, 'must not repeat a topic'),
};
export const createCriterionBody = z.strictObject({
  ...criterionFields,
  requiredTopicIds: criterionFields.requiredTopicIds.default([]),
});
export const updateCriterionBody = z.strictObject(criterionFields).partial();
export type CriterionInput = z.infer<typeof createCriterionBody>;

export const criterionSchema = z
  .object({
    id: z.string(),
    appliesTo: appliesToSchema,
    /** the role's name or the team */
    appliesToLabel: z.string(),
    criterion: z.string(),
    requiredTopicIds: z.array(z.string()),
    requiredTopics: z.array(z.object({ id: z.string(), number: z.string(), title: z.string(), archived: z.boolean() })),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'CompetenceCriterion' });
export type Criterion = z.infer<typeof criterionSchema>;

export const criterionListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(500).optional(),
  sort: z.enum(['createdAt', '-createdAt']).optional(),
  roleId: uuid().optional(),
  team: line(100).optional(),
  includeArchived: queryFlag().optional(),
});

export const teamBody = z.strictObject({
  /** null or empty: no team */
  team: line(100).nullable(),
});

const cellSchema = z.object({
  topicId: z.string(),
  state: z.enum(CELL_STATES),
  required: z.boolean(),
  completedOn: z.string().nullable(),
  expiresOn: z.string().nullable(),
  recordId: z.string().nullable(),
});

export const matrixSchema = z
  .object({
    today: z.string(),
    topics: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })),
    people: z.array(
      z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string(),
        team: z.string().nullable(),
        roles: z.array(z.string()),
        cells: z.array(cellSchema),
        required: z.number().int(),
        complete: z.number().int(),
        missing: z.number().int(),
        overdue: z.number().int(),
        expiring: z.number().int(),
      }),
    ),
    teams: z.array(
      z.object({
        /** null: people without a team */
        team: z.string().nullable(),
        people: z.number().int(),
        required: z.number().int(),
        missing: z.number().int(),
        overdue: z.number().int(),
        complete: z.number().int(),
      }),
    ),
    /** every team name in use, for filters and pickers */
    teamNames: z.array(z.string()),
  })
  .meta({ id: 'TrainingMatrix' });
export type Matrix = z.infer<typeof matrixSchema>;

export const matrixQuery = z.strictObject({ team: line(100).optional() });

export const importQuery = z.strictObject({ dryRun: z.enum(['true', 'false']).default('false') });

export const importReportSchema = z
  .object({
    dryRun: z.boolean(),
    detail: z.string(),
    rows: z.number().int(),
    created: z.number().int(),
    rejected: z.number().int(),
    errors: z.array(
      z.object({
        row: z.number().int().nullable().describe('row number as the file shows it (header = 1)'),
        field: z.string().describe('column header'),
        message: z.string(),
      }),
    ),
  })
  .meta({ id: 'TrainingImportReport' });
export type ImportReport = z.infer<typeof importReportSchema>;
export const importProblemSchema = importReportSchema
  .extend({ type: z.string(), title: z.string(), status: z.number().int() })
  .meta({ id: 'TrainingImportProblem' });
