import { z } from 'zod';
import { isoDate, line, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { CONCERN_OUTCOMES, CONCERN_STATUSES, INCIDENT_SEVERITIES } from './concerns.rules.js';

// Reporting of concerns (Annex A.3.3): what a member noticed about an AI
// system, raised in their name or anonymously, and what a reviewer made of it.

export const raiseConcernBody = z.strictObject({
  /** the AI system it is about (this organization's); none when the member cannot tell */
  aiSystemId: uuid().nullable().default(null),
  /** what happened, or what worries the member */
  description: text(10_000).pipe(z.string().trim().min(1, 'say what happened or what worries you')),
  /** the day it was noticed, not in the future */
  noticedOn: isoDate().nullable().default(null),
  /** true: reviewers are not shown who raised it (the reporter still sees the outcome) */
  anonymous: z.boolean().default(false),
});
export type RaiseConcernInput = z.infer<typeof raiseConcernBody>;

const score = () => z.number().int('must be a whole number').min(1).max(10);

export const triageBody = z.discriminatedUnion('outcome', [
  z.strictObject({
    outcome: z.literal('incident'),
    severity: z.enum(INCIDENT_SEVERITIES),
    /** the incident's title; by default the concern's number and first line */
    title: requiredLine(300).optional(),
  }),
  z.strictObject({
    outcome: z.literal('risk'),
    title: requiredLine(300).optional(),
    /** required when the concern names no AI system; else defaults to it */
    aiSystemId: uuid().optional(),
    /** a risk source of the risk method in use; by default its first one */
    sourceCategory: line(60).optional(),
    /** by default the middle of the method's scales: a starting point to assess on the risk */
    inherentLikelihood: score().optional(),
    inherentImpact: score().optional(),
  }),
  z.strictObject({
    outcome: z.literal('closed'),
    reason: text(2000).pipe(z.string().trim().min(1, 'say why the concern is closed without an incident or a risk')),
  }),
]);
export type TriageInput = z.infer<typeof triageBody>;

const ref = z.object({ id: z.string(), number: z.string() });
const person = z.object({ userId: z.string().nullable(), name: z.string() });

export const concernSchema = z
  .object({
    id: z.string(),
    /** CON-001, per organization */
    number: z.string(),
    aiSystem: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }).nullable(),
    description: z.string(),
    noticedOn: z.string().nullable(),
    anonymous: z.boolean(),
    /** who raised it; null for an anonymous concern */
    raisedBy: person.nullable(),
    /** "Anonymous" or the reporter's name */
    raisedByLabel: z.string(),
    /** true when the caller raised it */
    yours: z.boolean(),
    status: z.enum(CONCERN_STATUSES),
    statusLabel: z.string(),
    outcome: z.enum(CONCERN_OUTCOMES).nullable(),
    /** the outcome in words, as the reporter reads it */
    outcomeText: z.string(),
    incident: ref.nullable(),
    risk: ref.nullable(),
    closeReason: z.string().nullable(),
    triagedBy: person.nullable(),
    triagedAt: z.string().nullable(),
    raisedAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Concern' });
export type Concern = z.infer<typeof concernSchema>;

export const concernListQuery = z.strictObject({
  status: z.enum(CONCERN_STATUSES).optional(),
  /** only concerns not triaged yet (new and being looked at) */
  open: z.enum(['true', 'false']).optional(),
  aiSystemId: uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** the next page: nextCursor of the previous one */
  cursor: z
    .string()
    .regex(/^\d{1,9}$/, 'must be a nextCursor of a previous page')
    .optional(),
});
export type ConcernListQuery = z.infer<typeof concernListQuery>;

export const concernListSchema = z.object({ items: z.array(concernSchema), nextCursor: z.string().nullable() });
export const mineQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(200).default(100) });
