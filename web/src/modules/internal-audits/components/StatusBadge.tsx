import { Badge } from '@mantine/core';
import { type AuditStatus, type ItemResult, RESULT_COLORS, RESULT_LABELS, STATUS_COLORS, STATUS_LABELS } from '../labels';

export function AuditStatusBadge({ status }: { status: AuditStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function ResultBadge({ result }: { result: ItemResult | null }) {
  return (
    <Badge color={result ? RESULT_COLORS[result] : 'gray'} variant={result ? 'light' : 'outline'} radius="sm" size="sm">
      {result ? RESULT_LABELS[result] : 'No result yet'}
    </Badge>
  );
}
