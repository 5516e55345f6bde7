import { Badge } from '@mantine/core';
import type { Matrix, TrainingRecord } from '../hooks/useTraining';

export type CellState = Matrix['people'][number]['cells'][number]['state'];

export const CELL_LABELS: Record<CellState, string> = {
  complete: 'Complete',
  expiring: 'Expiring',
  overdue: 'Overdue',
  missing: 'Missing',
  'not-required': '—',
};
export const CELL_COLORS: Record<CellState, string> = {
  complete: 'green',
  expiring: 'yellow',
  overdue: 'red',
  missing: 'orange',
  'not-required': 'gray',
};

export const RECORD_STATE_LABELS: Record<TrainingRecord['state'], string> = {
  valid: 'Current',
  expiring: 'Expiring',
  expired: 'Expired',
};
const RECORD_STATE_COLORS = { valid: 'green', expiring: 'yellow', expired: 'red' } as const;

export function RecordStateBadge({ state }: { state: TrainingRecord['state'] }) {
  return (
    <Badge color={RECORD_STATE_COLORS[state]} variant="light">
      {RECORD_STATE_LABELS[state]}
    </Badge>
  );
}

export const refresherLabel = (months: number | null) =>
  months === null
    ? 'Once'
    : months % 12 === 0
      ? `Every ${months === 12 ? 'year' : `${months / 12} years`}`
      : `Every ${months} months`;
