import { Badge } from '@mantine/core';
import { SEVERITY_COLORS, SEVERITY_LABELS, STATUS_LABELS, type IncidentStatus, type Severity } from '../labels';

/** Severity in words, coloured from grey (low) to red (critical). */
export function SeverityBadge({ severity }: { severity: Severity }) {
  return (
    <Badge color={SEVERITY_COLORS[severity]} variant={severity === 'critical' ? 'filled' : 'light'} radius="sm" tt="none">
      {SEVERITY_LABELS[severity]}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  return (
    <Badge color={status === 'closed' ? 'teal' : 'gray'} variant="outline" radius="sm" tt="none">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
