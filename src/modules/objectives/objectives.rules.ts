// Pure rules of AI objectives (clause 6.2): whether an open objective is on
// track, at risk or overdue, judged from its progress entries against the
// target and the time gone, and what an auditor would flag.

export const OBJECTIVE_STATUSES = ['open', 'achieved', 'missed'] as const;
export type ObjectiveStatus = (typeof OBJECTIVE_STATUSES)[number];
export const TARGET_DIRECTIONS = ['at-least', 'at-most'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];
/** The status people set (open, achieved, missed) and, while open, what the rules read from the progress. */
export const OBJECTIVE_STATES = ['on-track', 'at-risk', 'overdue', 'not-measured', 'achieved', 'missed'] as const;
export type ObjectiveState = (typeof OBJECTIVE_STATES)[number];

/** Progress may trail the share of time gone by this much before the objective is at risk. */
export const AT_RISK_TOLERANCE = 0.1;
/** With nothing measured, an objective is at risk once this share of its time is gone. */
export const UNMEASURED_AT_RISK = 0.5;
/** An open objective with no progress entry for this long is flagged. */
export const STALE_DAYS = 90;

export interface ProgressPoint {
  date: string;
  value: number | null;
  /** orders entries of one day */
  createdAt: string;
}

export interface ObjectiveFacts {
  status: ObjectiveStatus;
  dueDate: string | null;
  targetValue: number | null;
  targetDirection: TargetDirection | null;
  baselineValue: number | null;
  /** when the objective was set (its creation date) */
  startDate: string;
  hasOwner: boolean;
  evaluation: string;
}

export interface Tracking {
  state: ObjectiveState;
  /** the state in words */
  reason: string;
  entries: number;
  latestDate: string | null;
  latestValue: number | null;
  /** how far from the baseline to the target the latest value is, 0 to 1; null when it cannot be told */
  fraction: number | null;
  /** the share of the time from start to due date that is gone, 0 to 1; null without a due date */
  expectedFraction: number | null;
  /** the latest measured value meets the numeric target */
  targetMet: boolean;
}

export interface ObjectiveFlag {
  code: string;
  field: string;
  message: string;
}

const DAY = 86_400_000;
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

const clamp = (x: number) => Math.min(1, Math.max(0, x));
const pct = (x: number) => `${Math.round(x * 100)}%`;

export function targetMet(value: number, target: number, direction: TargetDirection): boolean {
  return direction === 'at-least' ? value >= target : value <= target;
}

/** Entries in the order they happened: by date, then by when they were recorded. */
export function byDate<P extends ProgressPoint>(points: P[]): P[] {
  return [...points].sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
}

/** Share of the time from start to due date gone by today, or null without a due date. */
export function timeGone(start: string, due: string | null, today: string): number | null {
  if (!due) return null;
  const span = daysBetween(start, due);
  if (span <= 0) return today >= due ? 1 : 0;
  return clamp(daysBetween(start, today) / span);
}

/**
 * How far along the target the latest measured value is. The baseline is the
 * one recorded on the objective, else the first measured value (so one value
 * alone, without a baseline, tells nothing yet).
 */
export function progressFraction(o: ObjectiveFacts, numeric: ProgressPoint[]): number | null {
  const latest = numeric.at(-1);
  if (o.targetValue === null || !o.targetDirection || !latest || latest.value === null) return null;
  if (targetMet(latest.value, o.targetValue, o.targetDirection)) return 1;
  const baseline = o.baselineValue ?? (numeric.length > 1 ? numeric[0].value : null);
  // a baseline already on the target's side leaves no distance to measure along
  if (baseline === null || targetMet(baseline, o.targetValue, o.targetDirection)) return null;
  return clamp((latest.value - baseline) / (o.targetValue - baseline));
}

export function objectiveTracking(o: ObjectiveFacts, points: ProgressPoint[], today: string): Tracking {
  const sorted = byDate(points);
  const numeric = sorted.filter((p) => p.value !== null);
  const latestNumeric = numeric.at(-1);
  const start = sorted[0] && sorted[0].date < o.startDate ? sorted[0].date : o.startDate;
  const fraction = progressFraction(o, numeric);
  const expected = timeGone(start, o.dueDate, today);
  const met =
    latestNumeric?.value != null &&
    o.targetValue !== null &&
    !!o.targetDirection &&
    targetMet(latestNumeric.value, o.targetValue, o.targetDirection);
  const base = {
    entries: sorted.length,
    latestDate: sorted.at(-1)?.date ?? null,
    latestValue: latestNumeric?.value ?? null,
    fraction,
    expectedFraction: expected,
    targetMet: met,
  };
  const at = (state: ObjectiveState, reason: string): Tracking => ({ ...base, state, reason });

  if (o.status === 'achieved') return at('achieved', 'Evaluated and marked achieved.');
  if (o.status === 'missed') return at('missed', 'Evaluated and marked missed.');
  if (o.dueDate && o.dueDate < today)
    return at(
      'overdue',
      met ? `Due ${o.dueDate}; the target is met but the objective is not closed.` : `Due ${o.dueDate} and still open.`,
    );
  if (met) return at('on-track', 'The latest measured value meets the target.');
  if (fraction !== null) {
    const gone = expected === null ? '' : ` with ${pct(expected)} of the time gone`;
    if (expected !== null && fraction + AT_RISK_TOLERANCE < expected)
      return at('at-risk', `${pct(fraction)} of the way to the target${gone}.`);
    return at('on-track', `${pct(fraction)} of the way to the target${gone}.`);
  }
  const measured = o.targetValue !== null ? numeric.length > 0 : sorted.length > 0;
  if (!measured && expected !== null && expected >= UNMEASURED_AT_RISK)
    return at(
      'at-risk',
      `${o.targetValue !== null ? 'No measured value' : 'No progress'} recorded with ${pct(expected)} of the time gone.`,
    );
  if (o.targetValue === null) return at('not-measured', 'No numeric target to measure progress against.');
  if (numeric.length === 0) return at('not-measured', 'No measured value recorded yet.');
  return at('not-measured', 'One measured value and no baseline: record the baseline or a later value to see a trend.');
}

/** What an auditor would flag on an objective; closed objectives carry no flags. */
export function objectiveFlags(o: ObjectiveFacts, t: Tracking, today: string): ObjectiveFlag[] {
  if (o.status !== 'open') return [];
  const flags: ObjectiveFlag[] = [];
  if (t.state === 'overdue') flags.push({ code: 'overdue', field: 'dueDate', message: t.reason });
  if (t.state === 'at-risk') flags.push({ code: 'at-risk', field: 'progress', message: t.reason });
  if (t.targetMet)
    flags.push({
      code: 'target-met',
      field: 'status',
      message: 'The latest value meets the target: evaluate the result and mark the objective achieved.',
    });
  if (!o.dueDate) flags.push({ code: 'no-due-date', field: 'dueDate', message: 'No date by which it is to be achieved.' });
  if (!o.hasOwner) flags.push({ code: 'no-owner', field: 'owner', message: 'Nobody is responsible for it.' });
  if (!o.evaluation.trim())
    flags.push({ code: 'no-evaluation', field: 'evaluation', message: 'How the results will be evaluated is not said.' });
  const lastActivity = t.latestDate && t.latestDate > o.startDate ? t.latestDate : o.startDate;
  if (daysBetween(lastActivity, today) > STALE_DAYS)
    flags.push({
      code: 'no-recent-progress',
      field: 'progress',
      message: `No progress recorded since ${lastActivity}.`,
    });
  return flags;
}

/** A numeric target needs its direction; a direction, unit or baseline needs the target value. */
export function targetErrors(o: {
  targetValue: number | null;
  targetDirection: TargetDirection | null;
  targetUnit: string | null;
  baselineValue: number | null;
}): { field: string; message: string }[] {
  if (o.targetValue !== null)
    return o.targetDirection
      ? []
      : [{ field: 'targetDirection', message: 'is required with a target value (at-least or at-most)' }];
  if (o.targetDirection || o.targetUnit || o.baselineValue !== null)
    return [{ field: 'targetValue', message: 'is required with a direction, unit or baseline' }];
  return [];
}
