import type { Executor } from '../../platform/db/db.js';
import * as repo from './internal-audits.repository.js';
import { auditNumber } from './internal-audits.rules.js';
import { rowToRecord } from './internal-audits.register.js';

// What other modules read of the internal audits (the audit programme, the
// management review, the home page), through index.ts.

const ACTIVE = ['planned', 'in-progress'] as const;

export interface AuditScope {
  id: string;
  number: string;
  title: string;
  status: string;
  plannedStart: string | null;
  actualEnd: string | null;
  requirementIds: string[];
}

/** Audits planned or in progress, soonest first (undated last), with the requirements each covers. */
export async function auditScopes(db: Executor, orgId: string): Promise<AuditScope[]> {
  const rows = await repo
    .activeAudits(db, orgId)
    .where('status', 'in', [...ACTIVE])
    .orderBy((eb) => eb.fn.coalesce('planned_start', eb.val('9999-12-31')))
    .orderBy('number_seq')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: auditNumber(Number(r.number_seq)),
    title: r.title,
    status: r.status,
    plannedStart: r.planned_start,
    actualEnd: r.actual_end,
    requirementIds: rowToRecord(r).requirementIds,
  }));
}

export interface AuditResult {
  id: string;
  number: string;
  title: string;
  reportedAt: string | null;
  conforming: number;
  nonconformities: number;
  observations: number;
  opportunities: number;
  conclusions: string;
}

/** Audits reported (or closed) since a date (all when null), oldest first, with their results counted. */
export async function auditResultsSince(db: Executor, orgId: string, since: string | null): Promise<AuditResult[]> {
  let q = repo.activeAudits(db, orgId).where('status', 'in', ['reported', 'closed']).where('reported_at', 'is not', null);
  if (since) q = q.where('reported_at', '>=', since);
  const rows = await q.orderBy('reported_at').orderBy('number_seq').execute();
  if (!rows.length) return [];
  const counts = await db
    .selectFrom('audit_items')
    .select((eb) => ['audit_id', 'result', eb.fn.countAll<number>().as('n')])
    .where('org_id', '=', orgId)
    .where(
      'audit_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('result', 'is not', null)
    .groupBy(['audit_id', 'result'])
    .execute();
  const n = (id: string, result: string) => Number(counts.find((c) => c.audit_id === id && c.result === result)?.n ?? 0);
  return rows.map((r) => ({
    id: r.id,
    number: auditNumber(Number(r.number_seq)),
    title: r.title,
    reportedAt: r.reported_at,
    conforming: n(r.id, 'conforming'),
    nonconformities: n(r.id, 'nonconformity'),
    observations: n(r.id, 'observation'),
    opportunities: n(r.id, 'opportunity'),
    conclusions: r.conclusions,
  }));
}

export interface InternalAuditSummary {
  planned: number;
  inProgress: number;
  reported: number;
  lastReportedAt: string | null;
  openItems: number;
}

/** Counts for the home page: audits per status, the last report, items still without a result in audits under way. */
export async function internalAuditSummary(db: Executor, orgId: string, _today: string): Promise<InternalAuditSummary> {
  const [byStatus, last, open] = await Promise.all([
    repo
      .activeAudits(db, orgId)
      .clearSelect()
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute(),
    repo
      .activeAudits(db, orgId)
      .clearSelect()
      .select((eb) => eb.fn.max('reported_at').as('last'))
      .executeTakeFirst(),
    db
      .selectFrom('audit_items')
      .innerJoin('internal_audits', 'internal_audits.id', 'audit_items.audit_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('audit_items.org_id', '=', orgId)
      .where('internal_audits.org_id', '=', orgId)
      .where('internal_audits.archived_at', 'is', null)
      .where('internal_audits.status', '=', 'in-progress')
      .where('audit_items.result', 'is', null)
      .executeTakeFirst(),
  ]);
  const count = (s: string) => Number(byStatus.find((r) => r.status === s)?.n ?? 0);
  return {
    planned: count('planned'),
    inProgress: count('in-progress'),
    // reported and not yet closed
    reported: count('reported'),
    lastReportedAt: (last?.last as string | null | undefined) ?? null,
    openItems: Number(open?.n ?? 0),
  };
}

export interface InternalAuditDue {
  id: string;
  number: string;
  title: string;
  plannedStart: string | null;
  status: string;
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Audits a member audits that start within 14 days (or should have started) or are in progress. */
export async function internalAuditsDue(db: Executor, orgId: string, userId: string, today: string): Promise<InternalAuditDue[]> {
  const horizon = addDays(today, 14);
  const rows = await repo
    .activeAudits(db, orgId)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'in-progress'),
        eb.and([eb('status', '=', 'planned'), eb('planned_start', 'is not', null), eb('planned_start', '<=', horizon)]),
      ]),
    )
    // a cheap filter; the JSON is checked below
    .where('auditors', 'like', `%${userId}%`)
    .orderBy((eb) => eb.fn.coalesce('planned_start', eb.val('9999-12-31')))
    .orderBy('number_seq')
    .execute();
  return rows
    .filter((r) => rowToRecord(r).auditors.some((a) => a.userId === userId))
    .map((r) => ({
      id: r.id,
      number: auditNumber(Number(r.number_seq)),
      title: r.title,
      plannedStart: r.planned_start,
      status: r.status,
    }));
}

/** Audits reported or closed, latest report first, with the requirements each covered (the readiness rehearsal). */
export async function reportedAuditScopes(db: Executor, orgId: string): Promise<AuditScope[]> {
  const rows = await repo
    .activeAudits(db, orgId)
    .where('status', 'in', ['reported', 'closed'])
    .orderBy('reported_at', 'desc')
    .orderBy('number_seq', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: auditNumber(Number(r.number_seq)),
    title: r.title,
    status: r.status,
    plannedStart: r.planned_start,
    actualEnd: r.actual_end,
    requirementIds: rowToRecord(r).requirementIds,
  }));
}
