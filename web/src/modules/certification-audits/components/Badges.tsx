import { Badge } from '@mantine/core';
import {
  type AuditStatus,
  type FindingGrade,
  GRADE_COLORS,
  GRADE_LABELS,
  REQUEST_STATUS_COLORS,
  REQUEST_STATUS_LABELS,
  type RequestStatus,
  STATUS_COLORS,
  STATUS_LABELS,
} from '../labels';

export function StatusBadge({ status }: { status: AuditStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function GradeBadge({ grade }: { grade: FindingGrade }) {
  return (
    <Badge color={GRADE_COLORS[grade]} variant={grade === 'major' ? 'filled' : 'light'} radius="sm">
      {GRADE_LABELS[grade]}
    </Badge>
  );
}

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  return (
    <Badge color={REQUEST_STATUS_COLORS[status]} variant="light" radius="sm">
      {REQUEST_STATUS_LABELS[status]}
    </Badge>
  );
}
