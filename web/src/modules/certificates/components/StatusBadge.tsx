import { Badge } from '@mantine/core';
import {
  type CertificateStatus,
  type DecisionOutcome,
  OUTCOME_COLORS,
  OUTCOME_LABELS,
  STATUS_COLORS,
  STATUS_LABELS,
} from '../labels';

export function CertificateStatusBadge({ status }: { status: CertificateStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm">
      {STATUS_LABELS[status]}
    </Badge>
  );
}

export function OutcomeBadge({ outcome }: { outcome: DecisionOutcome }) {
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light" radius="sm">
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
