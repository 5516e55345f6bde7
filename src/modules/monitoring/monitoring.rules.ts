// Pure rules of monitoring: what is beyond a threshold, how observations in
// time order form breach windows, a metric's state, and how a long series is
// thinned for a chart without losing its spikes. No database here.

export const METRIC_KINDS = ['accuracy', 'drift', 'error-rate', 'fairness', 'complaints', 'user-feedback', 'custom'] as const;
export const METRIC_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;
export const METRIC_STATES = ['breached', 'review-overdue', 'ok', 'no-data'] as const;
export const BREACH_STATUSES = ['open', 'resolved'] as const;

export type MetricDirection = (typeof METRIC_DIRECTIONS)[number];
export type MetricState = (typeof METRIC_STATES)[number];

export const METRIC_KIND_LABELS: Record<(typeof METRIC_KINDS)[number], string> = {
  accuracy: 'Accuracy',
  drift: 'Drift',
  'error-rate': 'Error rate',
  fairness: 'Fairness',
  complaints: 'Complaints',
  'user-feedback': 'User feedback',
  custom: 'Other',
};
export const METRIC_DIRECTION_LABELS: Record<MetricDirection, string> = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
};
export const METRIC_STATE_LABELS: Record<MetricState, string> = {
  breached: 'Beyond threshold',
  'review-overdue': 'Review overdue',
  ok: 'Within threshold',
  'no-data': 'No data yet',
};
export const BREACH_STATUS_LABELS: Record<(typeof BREACH_STATUSES)[number], string> = {
  open: 'To resolve',
  resolved: 'Resolved',
};

/** Largest batch one ingest request takes. */
export const MAX_BATCH = 10_000;
/** How far ahead of the server's clock an observation may be dated (clock skew). */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** Beyond the threshold: below it when higher is better, above it when lower is better; equal is within. */
export function isBeyond(direction: MetricDirection, threshold: number, value: number): boolean {
  return direction === 'higher-is-better' ? value < threshold : value > threshold;
}

/** The worse of two values in the metric's direction. */
export function worse(direction: MetricDirection, a: number, b: number): number {
  return direction === 'higher-is-better' ? Math.min(a, b) : Math.max(a, b);
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** One state per metric, the most pressing first: beyond threshold, review overdue, no data, ok. */
export function metricState(
  m: {
    openBreachId: string | null;
    latestValue: number | null;
    direction: MetricDirection;
    threshold: number;
    nextReviewDue: string;
  },
  now: Date,
): MetricState {
  if (m.openBreachId || (m.latestValue !== null && isBeyond(m.direction, m.threshold, m.latestValue))) return 'breached';
  if (m.nextReviewDue < now.toISOString()) return 'review-overdue';
  if (m.latestValue === null) return 'no-data';
  return 'ok';
}

export interface Obs {
  t: string;
  v: number;
}

/** A breach window as recorded (id) or found by this evaluation (id null). */
export interface BreachWindow {
  id: string | null;
  startedAt: string;
  endedAt: string | null;
  worst: number;
  count: number;
}

/**
 * Breach windows of a metric from its observations in (observed_at, id)
 * order. A window starts with the first observation beyond the threshold and
 * ends with the first later one back within it (that observation's time is
 * its end). Recorded windows are tasks people act on, so they are never
 * split, moved later or dropped: an observation that arrives late and falls
 * inside a closed recorded window only counts towards it (its count and worst
 * value), even when it is within the threshold; a late observation beyond
 * the threshold just before a recorded window moves that window's start
 * earlier; one elsewhere forms a window of its own.
 *
 * `recorded`: the recorded windows that start at or after the first
 * observation given, in start order. `seed`: the recorded window still open
 * when observations arrive in order, continued with its count and worst so far.
 * Returns the windows the observations touched (new ones with id null).
 */
export function evaluateWindows(
  obs: Obs[],
  recorded: BreachWindow[],
  direction: MetricDirection,
  threshold: number,
  seed?: BreachWindow,
): BreachWindow[] {
  type Cur = {
    id: string | null;
    startedAt: string;
    endedAt: string | null;
    worst: number | null;
    count: number;
    fixedEnd: string | null;
  };
  const out: BreachWindow[] = [];
  const finish = (c: Cur, fallbackWorst: number) =>
    out.push({
      id: c.id,
      startedAt: c.startedAt,
      endedAt: c.fixedEnd ?? c.endedAt,
      worst: c.worst ?? fallbackWorst,
      count: c.count,
    });
  const byId = new Map(recorded.map((r) => [r.id, r]));
  const pending = recorded.filter((r) => r.id !== seed?.id);
  let cur: Cur | null = seed ? { ...seed, fixedEnd: null } : null;
  const close = () => {
    if (!cur) return;
    finish(cur, byId.get(cur.id ?? '')?.worst ?? seed?.worst ?? 0);
    cur = null;
  };
  let k = 0;
  for (const o of obs) {
    if (cur && (cur as Cur).fixedEnd !== null && o.t >= ((cur as Cur).fixedEnd as string)) close();
    while (k < pending.length && pending[k].startedAt <= o.t) {
      const r = pending[k++];
      if (r.endedAt !== null && r.endedAt <= o.t && !cur) continue; // nothing of it in this scan: left as recorded
      const c = cur as Cur | null;
      if (c && c.id === null) {
        // an earlier run beyond the threshold reaches a recorded window: it becomes that window
        c.id = r.id;
        c.fixedEnd = r.endedAt;
      } else {
        close();
        cur = { id: r.id, startedAt: r.startedAt, endedAt: r.endedAt, worst: null, count: 0, fixedEnd: r.endedAt };
      }
    }
    const beyond = isBeyond(direction, threshold, o.v);
    const c = cur as Cur | null;
    if (c) {
      if (c.fixedEnd !== null || beyond) {
        c.count++;
        if (beyond) c.worst = c.worst === null ? o.v : worse(direction, c.worst, o.v);
      } else {
        c.endedAt = o.t;
        close();
      }
    } else if (beyond) {
      cur = { id: null, startedAt: o.t, endedAt: null, worst: o.v, count: 1, fixedEnd: null };
    }
  }
  close();
  return out;
}

/**
 * At most `limit` points of a series in time order: when there are more, the
 * series is cut into limit/2 runs of equal length and each keeps its lowest
 * and its highest point, so a spike beyond the threshold stays on the chart.
 */
export function downsample<P extends { v: number }>(points: P[], limit: number): P[] {
  if (points.length <= limit) return points;
  const buckets = Math.max(1, Math.floor(limit / 2));
  const size = points.length / buckets;
  const out: P[] = [];
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(points.length, Math.floor((b + 1) * size));
    if (end <= start) continue;
    let lo = start;
    let hi = start;
    for (let i = start + 1; i < end; i++) {
      if (points[i].v < points[lo].v) lo = i;
      if (points[i].v > points[hi].v) hi = i;
    }
    if (lo === hi) out.push(points[lo]);
    else if (lo < hi) out.push(points[lo], points[hi]);
    else out.push(points[hi], points[lo]);
  }
  return out;
}
