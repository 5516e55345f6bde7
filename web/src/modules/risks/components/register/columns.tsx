import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../../shared/register';
import { formatDate, formatDateTime, todayIso } from '../../../../shared/ui/format';
import type { Risk } from '../../hooks/useRisks';
import { FLAG_LABELS, STATUS_LABELS, type RiskStatus, TREATMENT_LABELS, type TreatmentOption } from '../../labels';
import { LevelBadge } from './LevelBadge';
import { FlagBadges, overdueRed } from '../../../../shared/ui/FlagBadges';

/** A risk as the register table shows it: its number and title are its name. */
export type RiskRow = Risk & { name: string };
export const toRow = (r: Risk): RiskRow => ({ ...r, name: `${r.number} ${r.title}` });

type Levels = { id: string; name: string }[];

function NextReview({ date }: { date: string | null }) {
  const late = !!date && date < todayIso();
  return (
    <Text size="sm" c={late ? 'red.8' : date ? undefined : 'dimmed'} fw={late ? 600 : undefined}>
      {date ? formatDate(date) : '—'}
      {late ? ' (overdue)' : ''}
    </Text>
  );
}

/** The register's optional columns; the levels colour the badges as the method orders them. */
export function riskColumns(levels: Levels): RegisterColumn<RiskRow>[] {
  return [
    {
      id: 'aiSystems',
      label: 'AI systems',
      width: 220,
      render: (r) => (
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {r.aiSystems.map((s) => s.name).join(', ')}
        </Text>
      ),
    },
    {
      id: 'source',
      label: 'Source',
      width: 160,
      render: (r) => <Text size="sm">{r.sourceCategoryName ?? r.sourceCategory}</Text>,
    },
    {
      id: 'inherentLevel',
      label: 'Inherent',
      sort: 'inherentLevel',
      firstSort: 'desc',
      render: (r) => <LevelBadge level={r.inherentLevel} name={r.inherentLevelName} levels={levels} />,
    },
    {
      id: 'residualLevel',
      label: 'Residual',
      sort: 'residualLevel',
      firstSort: 'desc',
      render: (r) => <LevelBadge level={r.residualLevel} name={r.residualLevelName} levels={levels} />,
    },
    {
      id: 'treatment',
      label: 'Treatment',
      width: 160,
      render: (r) => {
        const text = [
          r.treatmentOption ? TREATMENT_LABELS[r.treatmentOption as TreatmentOption].split(' (')[0] : null,
          r.actionCount > 0 ? `${r.openActionCount} of ${r.actionCount} action${r.actionCount === 1 ? '' : 's'} open` : null,
        ].filter(Boolean);
        return (
          <Text size="sm" c={text.length ? undefined : 'dimmed'}>
            {text.join(' · ') || '—'}
          </Text>
        );
      },
    },
    { id: 'owner', label: 'Owner', width: 160, render: (r) => <Text size="sm">{r.owner?.name ?? '—'}</Text> },
    { id: 'status', label: 'Status', render: (r) => <Text size="sm">{STATUS_LABELS[r.status as RiskStatus] ?? r.status}</Text> },
    {
      id: 'nextReviewDate',
      label: 'Next review',
      sort: 'nextReviewDate',
      width: 150,
      render: (r) => <NextReview date={r.nextReviewDate} />,
    },
    {
      id: 'flags',
      label: 'Flags',
      width: 240,
      render: (r) => <FlagBadges flags={r.flags} labels={FLAG_LABELS} colorOf={overdueRed} />,
    },
    {
      id: 'updatedAt',
      label: 'Updated',
      sort: 'updatedAt',
      firstSort: 'desc',
      render: (r) => <Text size="sm">{formatDateTime(r.updatedAt)}</Text>,
    },
  ];
}

export const DEFAULT_COLUMNS = [
  'aiSystems',
  'inherentLevel',
  'residualLevel',
  'treatment',
  'owner',
  'status',
  'nextReviewDate',
  'flags',
];
