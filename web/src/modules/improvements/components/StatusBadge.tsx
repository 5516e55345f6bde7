import { Badge } from '@mantine/core';
import { type ImprovementStatus, STATUS_COLORS, STATUS_LABELS } from '../labels';

export function StatusBadge({ status }: { status: ImprovementStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
