import { Badge } from '@mantine/core';
import { type BodyStatus, STATUS_COLORS, STATUS_LABELS } from '../labels';

export function StatusBadge({ status }: { status: BodyStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'chosen' ? 'filled' : 'light'} radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
