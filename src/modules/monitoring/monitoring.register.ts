import { sql } from 'kysely';
import type { Executor } from '../../platform/db/db.js';
import { nowIso } from '../../platform/db/db.js';
import type { Row } from '../../platform/db/tables.js';
import type { FieldError } from '../../platform/http/errors.js';
import { personColumns, resolveLinks, resolvePeople, toPerson } from '../../platform/refs/index.js';
import { findRow, type RegisterDefinition } from '../../platform/register/index.js';
import { aiSystemsById } from '../inventory/index.js';
import {
  addDays,
  METRIC_DIRECTION_LABELS,
  METRIC_KIND_LABELS,
  METRIC_STATE_LABELS,
  type MetricState,
  metricState,
} from './monitoring.rules.js';
import type { Metric, MetricInput, MetricListQuery } from './monitoring.schemas.js';
import './monitoring.tables.js';

// The metrics register on the register kit: each metric belongs to one AI
// system of the organization, is owned by someone (by default the system's
// technical owner, else its business owner) and is reviewed every so many
// days. Its latest value and open breach are kept by ingest (not edited here).

interface Ctx {
  now: Date;
  orgId: string;
}

/** How a metric's name is matched (unique per system, and ingest's `metric`): case and spacing ignored. */
export const nameKey = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

export function rowToInput(r: Row<'monitoring_metrics'>): MetricInput {
  return {
    aiSystemId: r.ai_system_id,
    name: r.name,
    kind: r.kind,
    unit: r.unit,
    direction: r.direction,
    threshold: Number(r.threshold),
    reviewEveryDays: Number(r.review_every_days),
    owner: toPerson(r.owner_user_id, r.owner_name, r.owner_email),
    openIncidentOnBreach: !!Number(r.open_incident_on_breach),
    lastReviewedAt: r.last_reviewed_at,
    notes: r.notes,
  };
}

function toColumns(input: MetricInput) {
  const base = input.lastReviewedAt ?? input.reviewBaseAt;
  if (!base) throw new Error('a metric is stored only after prepare set its review clock');
  const owner = personColumns(input.owner);
  return {
    ai_system_id: input.aiSystemId,
    name: input.name,
    name_key: nameKey(input.name),
    kind: input.kind,
    unit: input.unit || null,
    direction: input.direction,
    threshold: input.threshold,
    review_every_days: input.reviewEveryDays,
    owner_user_id: owner.user_id,
    owner_name: owner.name,
    owner_email: owner.email,
    open_incident_on_breach: input.openIncidentOnBreach ? 1 : 0,
    last_reviewed_at: input.lastReviewedAt,
    next_review_due: addDays(base, input.reviewEveryDays),
    notes: input.notes,
  };
}

async function prepareMetric(tx: Executor, orgId: string, given: MetricInput, _ctx: Ctx, id: string) {
  const errors: FieldError[] = [];
  const input: MetricInput = {
    ...given,
    lastReviewedAt: given.lastReviewedAt ? new Date(given.lastReviewedAt).toISOString() : null,
  };
  const stored = await findRow(tx, metricRegister, orgId, id);
  if (stored && stored.ai_system_id !== input.aiSystemId)
    errors.push({
      field: 'body.aiSystemId',
      message: 'cannot change: a metric stays with its AI system (create one for the other system)',
    });
  const system = (await aiSystemsById(tx, orgId, [input.aiSystemId])).get(input.aiSystemId);
  if (!system) errors.push({ field: 'body.aiSystemId', message: 'is not an AI system of this organization' });
  else if (!stored && system.archivedAt)
    errors.push({ field: 'body.aiSystemId', message: 'is archived; restore it before adding metrics' });
  if (input.lastReviewedAt && input.lastReviewedAt > nowIso())
    errors.push({ field: 'body.lastReviewedAt', message: 'must not be in the future' });
  const same = await tx
    .selectFrom('monitoring_metrics')
    .select('id')
    .where('org_id', '=', orgId)
    .where('ai_system_id', '=', input.aiSystemId)
    .where('name_key', '=', nameKey(input.name))
    .where('archived_at', 'is', null)
    .where('id', '!=', id)
    .executeTakeFirst();
  if (same) errors.push({ field: 'body.name', message: 'is the name of another metric of this AI system' });
  const people = await resolvePeople(tx, orgId, [{ field: 'body.owner', person: input.owner }]);
  errors.push(...people.errors);
  if (errors.length) return { value: input, errors };
  const value: MetricInput = {
    ...input,
    owner: people.people[0] ?? system?.technicalOwner ?? system?.businessOwner ?? null,
    reviewBaseAt: input.lastReviewedAt ?? stored?.created_at ?? nowIso(),
  };
  return { value, errors };
}

export async function presentMetrics(
  db: Executor,
  orgId: string,
  rows: Row<'monitoring_metrics'>[],
  now: Date,
): Promise<Metric[]> {
  const target = await resolveLinks(
    db,
    orgId,
    rows.map((r) => ({ type: 'ai-system', id: r.ai_system_id })),
  );
  return rows.map((r) => {
    const input = rowToInput(r);
    const system = target({ type: 'ai-system', id: r.ai_system_id });
    const latestValue = r.latest_value === null ? null : Number(r.latest_value);
    const state: MetricState = metricState(
      {
        openBreachId: r.open_breach_id,
        latestValue,
        direction: r.direction,
        threshold: input.threshold,
        nextReviewDue: r.next_review_due,
      },
      now,
    );
    return {
      id: r.id,
      ...input,
      aiSystem: { id: r.ai_system_id, name: system?.label ?? '(not found)', archived: system?.archived ?? true },
      kindLabel: METRIC_KIND_LABELS[r.kind],
      directionLabel: METRIC_DIRECTION_LABELS[r.direction],
      latest: latestValue === null || !r.latest_observed_at ? null : { value: latestValue, observedAt: r.latest_observed_at },
      state,
      stateLabel: METRIC_STATE_LABELS[state],
      nextReviewDue: r.next_review_due,
      openBreachId: r.open_breach_id,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      archivedAt: r.archived_at,
    };
  });
}

/** SQL of each state, the same precedence as metricState. */
export function stateCondition(state: MetricState, nowIsoText: string) {
  const m = (c: string) => sql.ref(`monitoring_metrics.${c}`);
  const breached = sql<boolean>`(${m('open_breach_id')} is not null or (${m('latest_value')} is not null and ((${m('direction')} = 'higher-is-better' and ${m('latest_value')} < ${m('threshold')}) or (${m('direction')} = 'lower-is-better' and ${m('latest_value')} > ${m('threshold')}))))`;
  const overdue = sql<boolean>`${m('next_review_due')} < ${nowIsoText}`;
  if (state === 'breached') return breached;
  if (state === 'review-overdue') return sql<boolean>`(not ${breached} and ${overdue})`;
  if (state === 'no-data') return sql<boolean>`(not ${breached} and not ${overdue} and ${m('latest_value')} is null)`;
  return sql<boolean>`(not ${breached} and not ${overdue} and ${m('latest_value')} is not null)`;
}

export const metricRegister: RegisterDefinition<'monitoring_metrics', MetricInput, Metric, Ctx> = {
  table: 'monitoring_metrics',
  entityType: 'monitoring_metric',
  noun: 'metric',
  async context(_db, orgId) {
    return { now: new Date(), orgId };
  },
  async toInput(_db, _orgId, rows) {
    return rows.map(rowToInput);
  },
  toColumns,
  present: (db, orgId, rows, ctx) => presentMetrics(db, orgId, rows, ctx.now),
  auditView(id, input) {
    const { reviewBaseAt, ...fields } = input;
    return { id, ...fields };
  },
  prepare: prepareMetric,
  list: {
    sorts: {
      name: { expression: (eb) => eb.ref('monitoring_metrics.name_key'), value: (r) => r.name_key },
      nextReviewDue: { expression: (eb) => eb.ref('monitoring_metrics.next_review_due'), value: (r) => r.next_review_due },
      updatedAt: { expression: (eb) => eb.ref('monitoring_metrics.updated_at'), value: (r) => r.updated_at },
    },
    defaultSort: 'name',
    filter(query, raw, ctx) {
      const q = raw as Partial<MetricListQuery>;
      let out = query;
      if (q.aiSystemId) out = out.where('monitoring_metrics.ai_system_id', '=', q.aiSystemId);
      if (q.q) out = out.where('monitoring_metrics.name_key', 'like', `%${nameKey(q.q).replace(/[%_\\]/g, '')}%`);
      if (q.state) out = out.where(stateCondition(q.state, ctx.now.toISOString()));
      return out;
    },
  },
};
