import { todayUtc } from '../../platform/dates.js';
import type { Executor } from '../../platform/db/db.js';
import { assess } from './objectives.register.js';
import * as repo from './objectives.repository.js';

// What other modules read of the objectives: the gap assessment's facts and
// the home page's due list.

export interface ObjectiveSummary {
  total: number;
  open: number;
  achieved: number;
  missed: number;
  overdue: number;
  atRisk: number;
  /** with a numeric target the progress is measured against */
  numericTarget: number;
  /** with at least one progress entry */
  withProgress: number;
  withoutOwner: number;
  withoutDueDate: number;
  withoutEvaluation: number;
}

/** The active objectives counted by state and by what is missing: two statements. */
export async function objectiveSummary(db: Executor, orgId: string): Promise<ObjectiveSummary> {
  const rows = await repo.activeObjectives(db, orgId);
  const points = await repo.progressPoints(
    db,
    orgId,
    rows.map((r) => r.id),
  );
  const today = todayUtc();
  const s: ObjectiveSummary = {
    total: rows.length,
    open: 0,
    achieved: 0,
    missed: 0,
    overdue: 0,
    atRisk: 0,
    numericTarget: 0,
    withProgress: 0,
    withoutOwner: 0,
    withoutDueDate: 0,
    withoutEvaluation: 0,
  };
  for (const r of rows) {
    const { tracking, flags } = assess(r, points.get(r.id) ?? [], today);
    const codes = new Set(flags.map((f) => f.code));
    if (r.status === 'open') s.open++;
    if (r.status === 'achieved') s.achieved++;
    if (r.status === 'missed') s.missed++;
    if (tracking.state === 'overdue') s.overdue++;
    if (tracking.state === 'at-risk') s.atRisk++;
    if (r.target_value !== null) s.numericTarget++;
    if (tracking.entries > 0) s.withProgress++;
    if (codes.has('no-owner')) s.withoutOwner++;
    if (codes.has('no-due-date')) s.withoutDueDate++;
    if (codes.has('no-evaluation')) s.withoutEvaluation++;
  }
  return s;
}

/** Open objectives due on or before `until`, soonest first, with their owner (a member, or null). */
export async function objectivesDue(db: Executor, orgId: string, until: string) {
  return (await repo.openObjectivesDue(db, orgId, until)).map((r) => ({
    id: r.id,
    title: r.title,
    dueDate: r.due_date as string,
    ownerUserId: r.owner_user_id,
  }));
}
