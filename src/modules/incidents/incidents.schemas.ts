import { z } from 'zod';
import { line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { DETECTED_HOW, HARM_CATEGORIES, INCIDENT_FLAGS, INCIDENT_STATUSES, SEVERITIES, SOURCE_KINDS } from './incidents.rules.js';

// An AI incident (Annex A.8.4): what happened, to which AI system, how it was
// found, how serious it is and whom it harmed, who it was escalated to, who
// was told, and how it was contained, explained and closed.

const uniqueItems = <T>(arr: T[]) => new Set(arr).size === arr.length;

/** An ISO-8601 date-time with an offset, stored in UTC. */
export const timestamp = () =>
  z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 date-time, e.g. 2026-01-31T09:30:00Z' })
    .transform((s) => new Date(s).toISOString());

export const communicationInput = z.strictObject({
  /** the interested party told: customers, a regulator, the people affected… */
  party: requiredLine(200),
  when: timestamp(),
  what: text(4000).pipe(z.string().trim().min(1, 'say what was communicated')),
  by: personRef,
});

const escalationInput = z.strictObject({
  to: personRef.nullable(),
  /** default: when it is saved */
  at: timestamp().nullable().default(null),
});

const peopleAffected = z.strictObject({
  count: z.number().int('must be a whole number').min(0, 'must not be negative').nullable(),
  description: text(2000),
});

const fields = {
  title: requiredLine(300),
  description: text(8000),
  aiSystemId: uuid().nullable(),
  detectedAt: timestamp(),
  detectedHow: z.enum(DETECTED_HOW),
  severity: z.enum(SEVERITIES),
  harmCategories: z.array(z.enum(HARM_CATEGORIES)).max(HARM_CATEGORIES.length).refine(uniqueItems, 'must not repeat a category'),
  peopleAffected,
  status: z.enum(INCIDENT_STATUSES),
  escalation: escalationInput.nullable(),
  communications: z.array(communicationInput).max(200),
  noCommunicationReason: text(2000).nullable(),
  containment: text(8000),
  rootCause: text(8000),
  lessonsLearned: text(8000),
  linkedRiskIds: z.array(uuid()).max(100).refine(uniqueItems, 'must not list a risk twice'),
};

export const createIncidentBody = z.strictObject({
  ...fields,
  description: fields.description.default(''),
  aiSystemId: fields.aiSystemId.default(null),
  detectedHow: fields.detectedHow.default('other'),
  harmCategories: fields.harmCategories.default([]),
  peopleAffected: peopleAffected.default({ count: null, description: '' }),
  status: fields.status.default('open'),
  /** left out (or to: null): escalated to the holder of the incident escalation role */
  escalation: fields.escalation.default(null),
  communications: fields.communications.default([]),
  noCommunicationReason: fields.noCommunicationReason.default(null),
  containment: fields.containment.default(''),
  rootCause: fields.rootCause.default(''),
  lessonsLearned: fields.lessonsLearned.default(''),
  linkedRiskIds: fields.linkedRiskIds.default([]),
});
export const updateIncidentBody = z.strictObject(fields).partial();

export type Communication = z.infer<typeof communicationInput>;
type CreateBody = z.infer<typeof createIncidentBody>;

/** The register's record: the fields, where it came from, and what the server keeps. */
export type IncidentRecord = Omit<CreateBody, 'escalation'> & {
  escalation: { to: z.infer<typeof personRef> | null; at: string | null } | null;
  source: { kind: (typeof SOURCE_KINDS)[number]; id: string | null };
  correctiveActionIds: string[];
  computed?: { numberSeq: number; closedAt: string | null };
};

const linked = z.object({ id: z.string(), name: z.string(), archived: z.boolean() });

export const incidentFlagSchema = z
  .object({ code: z.enum(INCIDENT_FLAGS), field: z.string(), message: z.string() })
  .meta({ id: 'IncidentFlag' });

export const communicationSchema = z
  .object({ party: z.string(), when: z.string(), what: z.string(), by: personSchema })
  .meta({ id: 'IncidentCommunication' });

export const incidentSchema = z
  .object({
    id: z.string(),
    /** INC-001, per organization */
    number: z.string(),
    title: z.string(),
    description: z.string(),
    aiSystemId: z.string().nullable(),
    aiSystem: linked.nullable(),
    detectedAt: z.string(),
    detectedHow: z.enum(DETECTED_HOW),
    severity: z.enum(SEVERITIES),
    harmCategories: z.array(z.enum(HARM_CATEGORIES)),
    peopleAffected: z.object({ count: z.number().int().nullable(), description: z.string() }),
    status: z.enum(INCIDENT_STATUSES),
    escalation: z.object({ to: personSchema.nullable(), at: z.string().nullable() }),
    communications: z.array(communicationSchema),
    noCommunicationReason: z.string().nullable(),
    containment: z.string(),
    rootCause: z.string(),
    lessonsLearned: z.string(),
    linkedRiskIds: z.array(z.string()),
    linkedRisks: z.array(linked),
    /** kept empty until corrective actions (clause 10.2) have their register */
    correctiveActionIds: z.array(z.string()),
    source: z.object({ kind: z.enum(SOURCE_KINDS), id: z.string().nullable() }),
    closedAt: z.string().nullable(),
    flags: z.array(incidentFlagSchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'Incident' });
export type Incident = z.infer<typeof incidentSchema>;

const SORTS = ['number', 'title', 'detectedAt', 'severity', 'updatedAt'] as const;
export const INCIDENT_SORT_VALUES = SORTS.flatMap((s) => [s, `-${s}`] as const);

export const incidentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(INCIDENT_SORT_VALUES as [string, ...string[]]).default('-number'),
  /** title words, or a number such as INC-012 */
  q: line(200).optional(),
  status: z.enum(INCIDENT_STATUSES).optional(),
  severity: z.enum(SEVERITIES).optional(),
  aiSystemId: uuid().optional(),
  flag: z.enum(INCIDENT_FLAGS).optional(),
  includeArchived: queryFlag().optional(),
});
export type IncidentListQuery = z.infer<typeof incidentListQuery>;

export const addUpdateBody = z.strictObject({
  note: text(4000).pipe(z.string().trim().min(1, 'must not be empty')),
  /** when it happened; default: now */
  at: timestamp().optional(),
});

export const incidentUpdateSchema = z
  .object({ id: z.string(), incidentId: z.string(), note: z.string(), at: z.string(), by: z.string(), createdAt: z.string() })
  .meta({ id: 'IncidentUpdate' });

export const TIMELINE_KINDS = [
  'detected',
  'created',
  'escalated',
  'communication',
  'status',
  'severity',
  'containment',
  'root-cause',
  'lessons-learned',
  'risk-linked',
  'update',
] as const;

export const timelineEventSchema = z
  .object({
    at: z.string(),
    kind: z.enum(TIMELINE_KINDS),
    /** who did it, as the audit log or the record names them; null when unknown */
    who: z.string().nullable(),
    /** a short sentence in words */
    what: z.string(),
    /** the text recorded (a note, a communication, the root cause…) */
    detail: z.string().nullable(),
  })
  .meta({ id: 'IncidentTimelineEvent' });
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
