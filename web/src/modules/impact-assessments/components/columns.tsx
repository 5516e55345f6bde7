import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime, todayIso } from '../../../shared/ui/format';
import { StatusBadge } from '../../../shared/ui/PageHeader';
import type { ImpactAssessment } from '../hooks/useImpactAssessments';
import { LevelBadge, ReassessmentBadge } from './LevelBadge';

// The list's optional columns. The AI system's name is always shown first.

export const COLUMNS: RegisterColumn<ImpactAssessment>[] = [
  { id: 'status', label: 'Status', render: (a) => <StatusBadge status={a.status} /> },
  {
    id: 'highestResidual',
    label: 'Highest residual impact',
    width: 200,
    render: (a) => <LevelBadge level={a.highestResidual} />,
  },
  {
    id: 'reassessment',
    label: 'Reassessment',
    width: 260,
    render: (a) =>
      a.reassessment.needed ? (
        <div>
          <ReassessmentBadge reassessment={a.reassessment} />
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {a.reassessment.reasons[0]}
            {a.reassessment.reasons.length > 1 ? ` (+${a.reassessment.reasons.length - 1} more)` : ''}
          </Text>
        </div>
      ) : (
        <Text size="sm" c="dimmed">
          {a.status === 'approved' ? 'Up to date' : '—'}
        </Text>
      ),
  },
  { id: 'impacts', label: 'Impacts', align: 'right', render: (a) => <Text size="sm">{a.impacts.length}</Text> },
  { id: 'assessor', label: 'Assessor', render: (a) => <Text size="sm">{a.assessor?.name || '—'}</Text> },
  {
    id: 'nextReviewDate',
    label: 'Next review',
    render: (a) => {
      const late = !!a.nextReviewDate && a.nextReviewDate < todayIso();
      return (
        <Text size="sm" c={late ? 'red.8' : a.nextReviewDate ? undefined : 'dimmed'} fw={late ? 600 : undefined}>
          {a.nextReviewDate ? formatDate(a.nextReviewDate) : '—'}
        </Text>
      );
    },
  },
  {
    id: 'updatedAt',
    label: 'Updated',
    render: (a) => <Text size="sm">{formatDateTime(a.updatedAt)}</Text>,
  },
];

export const DEFAULT_COLUMNS = ['status', 'highestResidual', 'reassessment', 'impacts', 'nextReviewDate'];
