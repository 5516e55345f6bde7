import { Badge } from '@mantine/core';
import type { Concern } from '../hooks/useConcerns';

const COLORS: Record<Concern['status'], string> = {
  new: 'orange',
  'in-triage': 'blue',
  incident: 'red',
  risk: 'grape',
  closed: 'gray',
};

/** The concern's status in words (the API says it: statusLabel). */
export function ConcernStatusBadge({ concern }: { concern: Pick<Concern, 'status' | 'statusLabel'> }) {
  return (
    <Badge color={COLORS[concern.status]} variant="light" style={{ textTransform: 'none' }}>
      {concern.statusLabel}
    </Badge>
  );
}

export const SEVERITY_LABELS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' } as const;
export type Severity = keyof typeof SEVERITY_LABELS;

/** The first line of a concern, shortened for a list. */
export function summaryOf(description: string, max = 140): string {
  const first = description.trim().split(/\r?\n/)[0] ?? '';
  return first.length > max ? `${first.slice(0, max - 1)}…` : first;
}
