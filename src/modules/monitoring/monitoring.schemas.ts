import { z } from 'zod';
import { line, queryFlag, requiredLine, text, uuid } from '../../platform/http/fields.js';
import { personRef, personSchema } from '../../platform/refs/index.js';
import { thousands } from '../../platform/text.js';
import { BREACH_STATUSES, MAX_BATCH, METRIC_DIRECTIONS, METRIC_KINDS, METRIC_STATES } from './monitoring.rules.js';

// Monitoring (clause 9.1, Annex A.6.2.6): the metrics an AI system is watched
// by, the observations scripts push for them, the breaches they open and the
// chart of a metric.

/** An ISO 8601 timestamp with its offset (Z or +02:00); stored in UTC. */
export const timestamp = () =>
  z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp with a time zone, e.g. 2026-12-01T09:30:00Z' });

const metricFields = {
  /** an AI system of this organization; a metric stays with its system */
  aiSystemId: uuid(),
  /** unique among the system's current metrics; ingest may name a metric by it */
  name: requiredLine(200),
  kind: z.enum(METRIC_KINDS),
  /** e.g. "%", "ms", "complaints per week" */
  unit: line(40).nullable(),
  direction: z.enum(METRIC_DIRECTIONS),
  /** an observation beyond it (below when higher is better, above when lower is better) opens a breach; equal is within */
  threshold: z.number({ error: 'must be a finite number' }),
  reviewEveryDays: z.number().int('must be a whole number of days').min(1).max(366),
  /** who is told of breaches and reviews; left out: the AI system's technical owner, else its business owner */
  owner: personRef.nullable(),
  /** open an incident for every new breach */
  openIncidentOnBreach: z.boolean(),
  lastReviewedAt: timestamp().nullable(),
  notes: text(4000),
};

export const createMetricBody = z.strictObject({
  ...metricFields,
  unit: metricFields.unit.default(null),
  owner: metricFields.owner.default(null),
  openIncidentOnBreach: metricFields.openIncidentOnBreach.default(false),
  lastReviewedAt: metricFields.lastReviewedAt.default(null),
  notes: metricFields.notes.default(''),
});
export const updateMetricBody = z.strictObject(metricFields).partial();
export type MetricInput = z.infer<typeof createMetricBody> & {
  /** when the review clock started: the last review, else creation (set by prepare) */
  reviewBaseAt?: string;
};

const latestSchema = z.object({ value: z.number(), observedAt: z.string() }).nullable();

export const metricSchema = z
  .object({
    id: z.string(),
    aiSystemId: z.string(),
    aiSystem: z.object({ id: z.string(), name: z.string(), archived: z.boolean() }),
    name: z.string(),
    kind: z.enum(METRIC_KINDS),
    kindLabel: z.string(),
    unit: z.string().nullable(),
    direction: z.enum(METRIC_DIRECTIONS),
    directionLabel: z.string(),
    threshold: z.number(),
    reviewEveryDays: z.number().int(),
    owner: personSchema.nullable(),
    openIncidentOnBreach: z.boolean(),
    lastReviewedAt: z.string().nullable(),
    notes: z.string(),
    /** the observation latest in time */
    latest: latestSchema,
    state: z.enum(METRIC_STATES),
    stateLabel: z.string(),
    /** ISO timestamp: last review (or creation) plus reviewEveryDays */
    nextReviewDue: z.string(),
    /** the latest breach still to be resolved */
    openBreachId: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    archivedAt: z.string().nullable(),
  })
  .meta({ id: 'MonitoringMetric' });
export type Metric = z.infer<typeof metricSchema>;

export const METRIC_SORTS = ['name', 'nextReviewDue', 'updatedAt'] as const;

export const metricListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  sort: z.enum(METRIC_SORTS.flatMap((s) => [s, `-${s}`]) as [string, ...string[]]).optional(),
  aiSystemId: uuid().optional(),
  state: z.enum(METRIC_STATES).optional(),
  /** words of the name */
  q: line(200).optional(),
  includeArchived: queryFlag().optional(),
});
export type MetricListQuery = z.infer<typeof metricListQuery>;

const observationFields = {
  /** the metric's id; or give `metric` */
  metricId: uuid().optional(),
  /** the metric's name on this AI system, instead of metricId */
  metric: requiredLine(200).optional(),
  /** a finite JSON number: strings ("0.9", "NaN") are refused */
  value: z.number({ error: 'must be a finite JSON number (not a string, NaN or Infinity)' }),
  /** when it was measured; left out: now. At most 5 minutes ahead of the server's clock. */
  observedAt: timestamp().optional(),
  /** what sent it, e.g. "nightly-eval" */
  source: line(200).optional(),
};
const observationItem = z.strictObject(observationFields).meta({ id: 'MonitoringObservationInput' });
export type ObservationInput = z.infer<typeof observationItem>;

// One object rather than a union, so a bad item is named by its index and
// field (body.observations.3.value) instead of "body matches no option".
export const ingestBody = z
  .strictObject({
    /** a batch: up to 10,000 observations; then leave the single observation's fields out */
    observations: z
      .array(observationItem)
      .min(1, 'must hold at least one observation')
      .max(MAX_BATCH, `must hold at most ${thousands(MAX_BATCH)} observations per request; send more in further requests`)
      .optional(),
    ...observationFields,
    value: observationFields.value.optional(),
  })
  .superRefine((b, ctx) => {
    if (b.observations) {
      for (const k of ['metricId', 'metric', 'value', 'observedAt', 'source'] as const)
        if (b[k] !== undefined)
          ctx.addIssue({ code: 'custom', path: [k], message: 'give a batch (observations) or one observation, not both' });
    } else if (b.value === undefined)
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'must be a finite JSON number (not a string, NaN or Infinity)' });
  })
  .meta({
    description: `One observation ({ metricId or metric, value, observedAt?, source? }), or a batch { observations: [...] } of up to ${thousands(MAX_BATCH)}. All or nothing: one bad item refuses the request, every bad item named.`,
  });
export type IngestBody = z.infer<typeof ingestBody>;

export const ingestResultSchema = z.object({
  accepted: z.number().int(),
  /** new breach windows the observations started */
  breachesOpened: z.number().int(),
  /** breach windows the observations ended (back within the threshold) */
  breachesClosed: z.number().int(),
});

export const breachSchema = z
  .object({
    id: z.string(),
    metricId: z.string(),
    metricName: z.string(),
    unit: z.string().nullable(),
    threshold: z.number(),
    direction: z.enum(METRIC_DIRECTIONS),
    aiSystemId: z.string(),
    aiSystemName: z.string(),
    startedAt: z.string(),
    /** null while observations are still beyond the threshold */
    endedAt: z.string().nullable(),
    worstValue: z.number(),
    observations: z.number().int(),
    assignee: personSchema.nullable(),
    status: z.enum(BREACH_STATUSES),
    statusLabel: z.string(),
    resolutionNote: z.string().nullable(),
    resolvedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
    resolvedAt: z.string().nullable(),
    incidentId: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MonitoringBreach' });
export type Breach = z.infer<typeof breachSchema>;

export const breachListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(BREACH_STATUSES).optional(),
  aiSystemId: uuid().optional(),
  metricId: uuid().optional(),
});
export type BreachListQuery = z.infer<typeof breachListQuery>;

export const resolveBreachBody = z.strictObject({ note: requiredLine(2000) });

export const reviewBody = z.strictObject({
  note: text(4000).pipe(z.string().trim().min(1, 'must not be empty')),
  /** default: now; not in the future */
  reviewedAt: timestamp().optional(),
});

export const reviewSchema = z
  .object({
    id: z.string(),
    metricId: z.string(),
    reviewedAt: z.string(),
    note: z.string(),
    reviewedBy: z.object({ userId: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'MonitoringReview' });

export const chartQuery = z.strictObject({
  from: timestamp().optional(),
  to: timestamp().optional(),
  /** most points returned (default 2,000, max 10,000); more in range are thinned keeping each run's min and max */
  limit: z.coerce.number().int().min(2).max(MAX_BATCH).default(2000),
});

export const chartSchema = z
  .object({
    metric: z.object({
      id: z.string(),
      name: z.string(),
      unit: z.string().nullable(),
      direction: z.enum(METRIC_DIRECTIONS),
      threshold: z.number(),
    }),
    /** in time order: t is the ISO timestamp, v the value */
    points: z.array(z.object({ t: z.string(), v: z.number() })),
    breaches: z.array(
      z.object({ id: z.string(), startedAt: z.string(), endedAt: z.string().nullable(), status: z.enum(BREACH_STATUSES) }),
    ),
    /** more than `limit` points fell in the range and were thinned */
    truncated: z.boolean(),
    /** observations in the range */
    total: z.number().int(),
  })
  .meta({ id: 'MonitoringChart' });
export type Chart = z.infer<typeof chartSchema>;
