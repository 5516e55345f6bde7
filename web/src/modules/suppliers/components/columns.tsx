import { Text } from '@mantine/core';
import { RiskBadge } from '../../../shared/org/RiskBadge';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime, todayIso } from '../../../shared/ui/format';
import type { Supplier } from '../hooks/useSuppliers';
import { SUPPLIER_FLAG_LABELS, SUPPLIER_KIND_LABELS, type SupplierKind } from '../labels';
import { FlagBadges, NoFlags, overdueRed } from '../../../shared/ui/FlagBadges';

// The supplier register's optional columns. Name is always shown; the rest are
// chosen in the column chooser and remembered in this browser.

function NextReview({ date }: { date: string | null }) {
  const late = !!date && date < todayIso();
  return (
    <Text size="sm" c={late ? 'red.8' : date ? undefined : 'dimmed'} fw={late ? 600 : undefined}>
      {date ? formatDate(date) : '—'}
      {late ? ' (overdue)' : ''}
    </Text>
  );
}

export const COLUMNS: RegisterColumn<Supplier>[] = [
  {
    id: 'kinds',
    label: 'Supplies',
    width: 200,
    render: (s) => <Text size="sm">{s.kinds.map((k) => SUPPLIER_KIND_LABELS[k as SupplierKind] ?? k).join(', ') || '—'}</Text>,
  },
  { id: 'riskRating', label: 'Risk rating', render: (s) => <RiskBadge level={s.riskRating} /> },
  {
    id: 'lastReviewDate',
    label: 'Last review',
    render: (s) => (
      <Text size="sm" c={s.lastReviewDate ? undefined : 'dimmed'}>
        {s.lastReviewDate ? formatDate(s.lastReviewDate) : 'Never'}
      </Text>
    ),
  },
  { id: 'nextReviewDate', label: 'Next review due', width: 150, render: (s) => <NextReview date={s.nextReviewDate} /> },
  { id: 'aiSystemCount', label: 'AI systems', align: 'right', render: (s) => <Text size="sm">{s.aiSystemCount}</Text> },
  {
    id: 'flags',
    label: 'Flags',
    width: 240,
    render: (s) => (
      <FlagBadges flags={s.flags} labels={SUPPLIER_FLAG_LABELS} colorOf={overdueRed} empty={<NoFlags>Reviewed</NoFlags>} />
    ),
  },
  { id: 'updatedAt', label: 'Updated', render: (s) => <Text size="sm">{formatDateTime(s.updatedAt)}</Text> },
  { id: 'createdAt', label: 'Added', render: (s) => <Text size="sm">{formatDateTime(s.createdAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['kinds', 'riskRating', 'lastReviewDate', 'nextReviewDate', 'aiSystemCount', 'flags'];
