import { Badge } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { useGradeScale } from '../hooks/useNonconformities';
import { gradeColor, type NcStatus, STATUS_LABELS } from '../labels';

/** The grade in the organization's words, coloured by its place on the scale. */
export function GradeBadge({ grade, label }: { grade: string; label: string }) {
  const { org } = useOrg();
  const scale = useGradeScale(org.id);
  return (
    <Badge color={gradeColor(scale.data?.grades ?? [], grade)} variant="light" radius="sm" tt="none">
      {label}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: NcStatus }) {
  return (
    <Badge color={status === 'closed' ? 'teal' : 'gray'} variant="outline" radius="sm" tt="none">
      {STATUS_LABELS[status]}
    </Badge>
  );
}
