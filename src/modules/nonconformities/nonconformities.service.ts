import type { Actor } from '../../platform/audit-log/audit-log.js';
import { type Executor, orgOfIds } from '../../platform/db/db.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import { type Person, resolvePeople } from '../../platform/refs/index.js';
import { findRow, insertRecord, recordHistory } from '../../platform/register/index.js';
import { nonconformityRegister } from './nonconformities.register.js';
import * as repo from './nonconformities.repository.js';
import { monthsBefore, type NC_STATUSES, nonconformityNumber, type SourceKind } from './nonconformities.rules.js';
import { createNonconformityBody, type NonconformityRecord, type TimelineEvent } from './nonconformities.schemas.js';
import { gradeScale } from './nonconformities.settings.js';
import { buildTimeline } from './nonconformities.timeline.js';

// What the nonconformity module does beyond the kit: open one from another
// module's transaction, the summary and the to-do list other modules show,
// and the timeline.

export interface OpenNonconformityInput {
  source: { kind: SourceKind; id: string | null; label?: string };
  grade: string;
  requirementId: string | null;
  title: string;
  description: string;
  objectiveEvidence?: string;
  owner?: Person | null;
}

/**
 * Opens a nonconformity inside the caller's transaction (an audit finding,
 * an incident…), with the same checks and audit row as the route. A source
 * with an id opens at most one: a second call answers the first (the
 * per-organization number lock is taken before the lookup, and a unique index
 * backs it). Invalid input throws a 400 problem naming the field.
 */
export async function openNonconformity(
  tx: Executor,
  actor: Actor,
  orgId: string,
  input: OpenNonconformityInput,
): Promise<{ id: string; number: string }> {
  await repo.lockNumbers(tx, orgId);
  if (input.source.id !== null) {
    const existing = await repo.findBySource(tx, orgId, input.source.kind, input.source.id);
    if (existing) return { id: existing.id, number: nonconformityNumber(Number(existing.number_seq)) };
  }
  const parsed = createNonconformityBody.safeParse({
    title: input.title,
    description: input.description,
    source: input.source,
    grade: input.grade,
    requirementId: input.requirementId,
    objectiveEvidence: input.objectiveEvidence ?? '',
    owner: input.owner
      ? { userId: input.owner.userId, name: input.owner.name, ...(input.owner.email ? { email: input.owner.email } : {}) }
      : null,
  });
  if (!parsed.success)
    throw invalid(parsed.error.issues.map((i) => ({ field: ['body', ...i.path].join('.'), message: i.message })));
  const row = await insertRecord(tx, actor, nonconformityRegister, orgId, parsed.data as NonconformityRecord);
  return { id: row.id, number: nonconformityNumber(Number(row.number_seq)) };
}

export interface NonconformitySummary {
  /** not closed, not archived */
  open: number;
  /** of those, per grade key */
  byGrade: Record<string, number>;
  /** of those, no corrective action by the plan due date */
  planOverdue: number;
  /** of those, past the evidence due date */
  evidenceOverdue: number;
  /** of those, with actions done or the effectiveness being checked */
  awaitingEffectiveness: number;
  /** closed in the 12 months up to today */
  closedLast12Months: number;
  /** not closed, and recurring (the same requirement had one closed in the 12 months before) */
  recurring: number;
  /** corrective actions not done (of nonconformities not archived) */
  correctiveActionsOpen: number;
  /** of those, past their due date */
  correctiveActionsOverdue: number;
}

export async function nonconformitySummary(db: Executor, orgId: string, today: string): Promise<NonconformitySummary> {
  const since = monthsBefore(today, 12);
  const [grades, rows, actions] = await Promise.all([
    gradeScale(db, orgId),
    db
      .selectFrom('nonconformities')
      .select(['grade', 'status', 'closed_at', 'plan_due_date', 'evidence_due_date', 'action_count', 'recurrence_of'])
      .where('org_id', '=', orgId)
      .where('archived_at', 'is', null)
      .where((eb) => eb.or([eb('status', '!=', 'closed'), eb('closed_at', '>=', since)]))
      .execute(),
    db
      .selectFrom('nonconformity_actions')
      .innerJoin('nonconformities', (j) =>
        j
          .onRef('nonconformities.id', '=', 'nonconformity_actions.nonconformity_id')
          .onRef('nonconformities.org_id', '=', 'nonconformity_actions.org_id'),
      )
      .select(['nonconformity_actions.due_date'])
      .where('nonconformity_actions.org_id', '=', orgId)
      .where('nonconformities.archived_at', 'is', null)
      .where('nonconformity_actions.status', '!=', 'done')
      .execute(),
  ]);
  const byGrade: Record<string, number> = Object.fromEntries(grades.map((g) => [g.key, 0]));
  const s: NonconformitySummary = {
    open: 0,
    byGrade,
    planOverdue: 0,
    evidenceOverdue: 0,
    awaitingEffectiveness: 0,
    closedLast12Months: 0,
    recurring: 0,
    correctiveActionsOpen: actions.length,
    correctiveActionsOverdue: actions.filter((a) => a.due_date && a.due_date < today).length,
  };
  for (const r of rows) {
    if (r.status === 'closed') {
      if (r.closed_at && r.closed_at.slice(0, 10) <= today) s.closedLast12Months++;
      continue;
    }
    s.open++;
    byGrade[r.grade] = (byGrade[r.grade] ?? 0) + 1;
    if (Number(r.action_count) === 0 && r.plan_due_date < today) s.planOverdue++;
    if (r.evidence_due_date < today) s.evidenceOverdue++;
    if (r.status === 'actions-done' || r.status === 'effectiveness-check') s.awaitingEffectiveness++;
    if (r.recurrence_of) s.recurring++;
  }
  return s;
}

export interface NonconformityDue {
  kind: 'corrective-action' | 'nonconformity';
  id: string;
  nonconformityId: string;
  number: string;
  title: string;
  dueDate: string;
}

/**
 * This member's to-do: their corrective actions not done (of nonconformities
 * not closed, not archived), and the nonconformities they own past the plan
 * due date with no action, or past the evidence due date. Earliest due first.
 */
export async function nonconformitiesDue(
  db: Executor,
  orgId: string,
  userId: string,
  today: string,
): Promise<NonconformityDue[]> {
  const [actions, owned] = await Promise.all([
    db
      .selectFrom('nonconformity_actions')
      .innerJoin('nonconformities', (j) =>
        j
          .onRef('nonconformities.id', '=', 'nonconformity_actions.nonconformity_id')
          .onRef('nonconformities.org_id', '=', 'nonconformity_actions.org_id'),
      )
      .select([
        'nonconformity_actions.id',
        'nonconformity_actions.title',
        'nonconformity_actions.due_date',
        'nonconformities.id as nc_id',
        'nonconformities.number_seq',
        'nonconformities.evidence_due_date',
      ])
      .where('nonconformity_actions.org_id', '=', orgId)
      .where('nonconformity_actions.owner_user_id', '=', userId)
      .where('nonconformity_actions.status', '!=', 'done')
      .where('nonconformities.archived_at', 'is', null)
      .where('nonconformities.status', '!=', 'closed')
      .execute(),
    db
      .selectFrom('nonconformities')
      .select(['id', 'number_seq', 'title', 'plan_due_date', 'evidence_due_date', 'action_count'])
      .where('org_id', '=', orgId)
      .where('owner_user_id', '=', userId)
      .where('archived_at', 'is', null)
      .where('status', '!=', 'closed')
      .where((eb) =>
        eb.or([eb('evidence_due_date', '<', today), eb.and([eb('plan_due_date', '<', today), eb('action_count', '=', 0)])]),
      )
      .execute(),
  ]);
  const out: NonconformityDue[] = [
    ...actions.map((a) => ({
      kind: 'corrective-action' as const,
      id: a.id,
      nonconformityId: a.nc_id,
      number: nonconformityNumber(Number(a.number_seq)),
      title: a.title,
      // an action without a date is due when the nonconformity's evidence is
      dueDate: a.due_date ?? a.evidence_due_date,
    })),
    ...owned.map((n) => ({
      kind: 'nonconformity' as const,
      id: n.id,
      nonconformityId: n.id,
      number: nonconformityNumber(Number(n.number_seq)),
      title: n.title,
      dueDate: Number(n.action_count) === 0 && n.plan_due_date < today ? n.plan_due_date : n.evidence_due_date,
    })),
  ];
  return out.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.number < b.number ? -1 : 1));
}

/** Current names of members (by user id), else the label the audit log keeps. */
async function memberNames(db: Executor, orgId: string, ids: string[]) {
  const unique = [...new Set(ids)];
  const { people } = await resolvePeople(
    db,
    orgId,
    unique.map((userId) => ({ field: 'x', person: { userId, name: '' } })),
  );
  return new Map(unique.map((id, i) => [id, people[i]?.name]));
}

export async function nonconformityTimeline(db: Executor, orgId: string, id: string): Promise<TimelineEvent[]> {
  if (!(await findRow(db, nonconformityRegister, orgId, id))) throw notFound('Nonconformity');
  const [history, grades] = await Promise.all([recordHistory(db, nonconformityRegister, orgId, id), gradeScale(db, orgId)]);
  const names = await memberNames(
    db,
    orgId,
    history.map((h) => h.actorUserId).filter((x): x is string => !!x),
  );
  return buildTimeline(
    history,
    (userId, label) => (userId && names.get(userId)) || label,
    (key) => grades.find((g) => g.key === key)?.label ?? key,
  );
}

export interface NonconformityState {
  number: string;
  status: (typeof NC_STATUSES)[number];
  /** YYYY-MM-DD when closed, else null */
  closedOn: string | null;
}

/** The number and state of this organization's nonconformities by id (certification audit findings show them); one query. */
export async function nonconformityStates(db: Executor, orgId: string, ids: string[]): Promise<Map<string, NonconformityState>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('nonconformities')
    .select(['id', 'number_seq', 'status', 'closed_at'])
    .where(orgOfIds(db), '=', orgId)
    .where('id', 'in', unique)
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { number: nonconformityNumber(Number(r.number_seq)), status: r.status, closedOn: r.closed_at?.slice(0, 10) ?? null },
    ]),
  );
}

/**
 * Nonconformities open, or closed in the 12 months up to today, with what a
 * Stage 2 auditor samples: a root cause, actions, an effectiveness check, and
 * whether anything is overdue. One statement.
 */
export async function nonconformityRecords(db: Executor, orgId: string, today: string) {
  const since = monthsBefore(today, 12);
  const rows = await db
    .selectFrom('nonconformities as n')
    .select([
      'n.id',
      'n.number_seq',
      'n.title',
      'n.status',
      'n.root_cause_summary',
      'n.action_count',
      'n.plan_due_date',
      'n.evidence_due_date',
      'n.effectiveness_result',
    ])
    .select((eb) =>
      eb
        .selectFrom('nonconformity_actions as a')
        .select((e) => e.fn.countAll<number>().as('k'))
        .whereRef('a.nonconformity_id', '=', 'n.id')
        .where('a.status', '!=', 'done')
        .where('a.due_date', '<', today)
        .as('actions_overdue'),
    )
    .where('n.org_id', '=', orgId)
    .where('n.archived_at', 'is', null)
    .where((eb) => eb.or([eb('n.status', '!=', 'closed'), eb('n.closed_at', '>=', since)]))
    .orderBy('n.number_seq')
    .execute();
  return rows.map((r) => {
    const open = r.status !== 'closed';
    return {
      id: r.id,
      number: nonconformityNumber(Number(r.number_seq)),
      title: r.title,
      status: r.status,
      rootCause: r.root_cause_summary.trim() !== '',
      actions: Number(r.action_count),
      effectivenessChecked: r.effectiveness_result !== null,
      overdue:
        open &&
        ((Number(r.action_count) === 0 && r.plan_due_date < today) ||
          r.evidence_due_date < today ||
          Number(r.actions_overdue ?? 0) > 0),
    };
  });
}
