import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { inScopeAiSystemsWithout } from '../inventory/index.js';
import { riskContext } from './risks.register.js';
import * as repo from './risks.repository.js';
import { heatmapCells, riskNumber, systemsWithoutRisk } from './risks.rules.js';
import { addDays } from '../../platform/dates.js';

// What the register answers beyond its records: heatmaps, the
// organization-level flags, and the views other modules ask for.

/** Counts per likelihood x impact cell, inherent and residual, coloured by the method's levels. */
export async function riskHeatmap(db: Executor, orgId: string, f: { aiSystemId?: string; status?: string }) {
  const [ctx, inherent, residual] = await Promise.all([
    riskContext(db, orgId),
    repo.heatmapCounts(db, orgId, 'inherent', f),
    repo.heatmapCounts(db, orgId, 'residual', f),
  ]);
  const m = ctx.method;
  const assessed = residual.filter((c) => c.likelihood !== null && c.impact !== null) as {
    likelihood: number;
    impact: number;
    count: number;
  }[];
  const notAssessed = residual.filter((c) => c.likelihood === null || c.impact === null).reduce((n, c) => n + c.count, 0);
  const residualMap = heatmapCells(m, assessed);
  return {
    method: { version: ctx.methodVersion, status: ctx.methodStatus },
    likelihood: m.likelihood.map((p) => ({ value: p.value, label: p.label })),
    impact: m.impact.map((p) => ({ value: p.value, label: p.label })),
    levels: m.levels.map((l) => ({ id: l.id, name: l.name })),
    maxAcceptableLevel: m.acceptance.maxAcceptableLevel,
    inherent: heatmapCells(m, inherent as { likelihood: number; impact: number; count: number }[]),
    residual: { ...residualMap, total: residualMap.total + notAssessed, notAssessed },
  };
}

/**
 * The organization-level flags: AI systems in scope that no current risk
 * names. Read as those systems alone, one probe of the link index each, not
 * as every system any risk names (10,000 at the large bench size: 50 ms).
 */
export async function orgRiskFlags(db: Executor, orgId: string) {
  return systemsWithoutRisk(await inScopeAiSystemsWithout(db, orgId, repo.namedByCurrentRisk(db, orgId)));
}

export interface RiskSummary {
  id: string;
  number: string;
  title: string;
  residualLevel: string | null;
  status: string;
}

/** The current risks relying on each control: how many, and the first few (what the SoA shows per row). */
export interface ControlRiskLinks {
  /** control id (Annex A or the organization's own) -> distinct current risks whose treatment actions rely on it */
  counts: Map<string, number>;
  /** control id -> the first `perControl` of them in the order they were recorded (their number order) */
  top: Map<string, RiskSummary[]>;
}

/**
 * Per control, the number of current (not archived) risks whose treatment
 * actions rely on it, and the first `perControl` of them; the full list is
 * GET /risks?controlId=. A few statements whatever the register's size.
 */
export async function controlRiskLinks(db: Executor, orgId: string, perControl = 20): Promise<ControlRiskLinks> {
  const counts = await repo.controlRiskCounts(db, orgId);
  const rows = await repo.controlRiskTop(db, orgId, [...counts.keys()], perControl);
  const byControl = new Map<string, typeof rows>();
  for (const r of rows) byControl.set(r.control_id, [...(byControl.get(r.control_id) ?? []), r]);
  // shown by number (the recorded order is the number order but for racing creates)
  const top = new Map<string, RiskSummary[]>();
  for (const [controlId, list] of byControl)
    top.set(
      controlId,
      list
        .sort((a, b) => a.number_seq - b.number_seq)
        .map((r) => ({
          id: r.id,
          number: riskNumber(r.number_seq),
          title: r.title,
          residualLevel: r.residual_level,
          status: r.status,
        })),
    );
  return { counts, top };
}

/** Current risks on one AI system, by number (the AI system page). */
export async function risksForAiSystem(db: Executor, orgId: string, aiSystemId: string) {
  return (await repo.risksOfAiSystem(db, orgId, aiSystemId)).map((r) => ({
    id: r.id,
    number: riskNumber(r.number_seq),
    title: r.title,
    inherentLevel: r.inherent_level,
    residualLevel: r.residual_level,
    status: r.status,
    nextReviewDate: r.next_review_date,
  }));
}

export interface RiskTask {
  kind: 'risk-action' | 'risk-review';
  /** the action's id, or the risk's for a review */
  id: string;
  title: string;
  dueDate: string;
  overdue: boolean;
  ownerUserId: string | null;
  riskId: string;
  riskNumber: string;
  riskTitle: string;
}

/**
 * Open treatment actions and risk reviews due by `until` (30 days ahead by
 * default), overdue ones included, for one person (the action's or the
 * risk's owner) or everyone. One statement.
 */
export async function riskTasksDue(
  db: Executor,
  orgId: string,
  personUserId?: string,
  until = addDays(todayUtc(), 30),
  first?: number,
): Promise<RiskTask[]> {
  const today = todayUtc();
  return (await repo.tasksDue(db, orgId, until, personUserId, first)).map((t) => ({
    kind: t.kind,
    id: t.id,
    title: t.title,
    dueDate: t.dueDate,
    overdue: t.dueDate < today,
    ownerUserId: t.ownerUserId,
    riskId: t.riskId,
    riskNumber: riskNumber(t.numberSeq),
    riskTitle: t.riskTitle,
  }));
}
