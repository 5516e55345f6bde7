import { Badge, Group, Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { Improvement } from '../hooks/useImprovements';
import { SOURCE_LABELS } from '../labels';
import { StatusBadge } from './StatusBadge';

/** A register row: the kit names rows by `name`; an improvement's is its number and title. */
export type ImprovementRow = Improvement & { name: string };

export const COLUMNS: RegisterColumn<ImprovementRow>[] = [
  { id: 'status', label: 'Status', width: 130, render: (i) => <StatusBadge status={i.status} /> },
  {
    id: 'source',
    label: 'Source',
    width: 200,
    render: (i) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {SOURCE_LABELS[i.source.kind]}
        {i.source.label ? ` · ${i.source.label}` : ''}
      </Text>
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    render: (i) => (
      <Text size="sm" c={i.owner ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {i.owner?.name ?? '—'}
      </Text>
    ),
  },
  {
    id: 'dueDate',
    label: 'Due',
    sort: 'dueDate',
    render: (i) => (
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c={i.overdue ? 'red.8' : i.dueDate ? undefined : 'dimmed'} fw={i.overdue ? 600 : undefined}>
          {i.dueDate ? formatDate(i.dueDate) : '—'}
        </Text>
        {i.overdue && (
          <Badge color="red" variant="light" size="xs">
            Overdue
          </Badge>
        )}
      </Group>
    ),
  },
  {
    id: 'benefit',
    label: 'Expected benefit',
    width: 240,
    render: (i) => (
      <Text size="sm" lineClamp={2} c={i.benefit ? undefined : 'dimmed'}>
        {i.benefit || '—'}
      </Text>
    ),
  },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (i) => <Text size="sm">{formatDateTime(i.updatedAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['status', 'source', 'owner', 'dueDate'];
