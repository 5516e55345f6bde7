import { Badge } from '@mantine/core';

// The monitoring words: every kind, state and status the API sends, as people read them.

export const KIND_LABELS = {
  accuracy: 'Accuracy',
  drift: 'Drift',
  'error-rate': 'Error rate',
  fairness: 'Fairness',
  complaints: 'Complaints',
  'user-feedback': 'User feedback',
  custom: 'Other',
} as const;

export const DIRECTION_LABELS = {
  'higher-is-better': 'Higher is better',
  'lower-is-better': 'Lower is better',
} as const;

export const STATE_LABELS = {
  ok: 'Within threshold',
  breached: 'Threshold breached',
  'review-overdue': 'Review overdue',
  'no-data': 'No data yet',
} as const;

export const STATE_COLORS = { ok: 'green', breached: 'red', 'review-overdue': 'orange', 'no-data': 'gray' } as const;

export type MetricState = keyof typeof STATE_LABELS;

export function MetricStateBadge({ state }: { state: MetricState }) {
  return (
    <Badge color={STATE_COLORS[state]} variant="light" radius="sm" style={{ flexShrink: 0 }}>
      {STATE_LABELS[state]}
    </Badge>
  );
}

export const BREACH_STATUS_LABELS: Record<string, string> = { open: 'Open', resolved: 'Resolved' };

/** A value with its unit: "92.5 %", "14 complaints"; a dash for none. */
export function formatMetricValue(v: number | null | undefined, unit?: string | null): string {
  if (v === null || v === undefined) return '—';
  const n = v.toLocaleString(undefined, { maximumFractionDigits: 4 });
  if (!unit) return n;
  return unit === '%' ? `${n} %` : `${n} ${unit}`;
}
