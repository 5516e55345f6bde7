import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { Objective } from '../hooks/useObjectives';
import { formatNumber, formatTarget } from '../labels';
import { ObjectiveFlagBadges, StateBadge } from './StateBadge';

/** A register row: the kit names rows by `name`; an objective's is its title. */
export type ObjectiveRow = Objective & { name: string };

function Latest({ o }: { o: Objective }) {
  const { latestValue, latestDate } = o.progress;
  if (!latestDate)
    return (
      <Text size="sm" c="dimmed">
        None yet
      </Text>
    );
  return (
    <Text size="sm">
      {latestValue !== null ? `${formatNumber(latestValue)}${o.targetUnit ? ` ${o.targetUnit}` : ''} · ` : ''}
      {formatDate(latestDate)}
    </Text>
  );
}

export const COLUMNS: RegisterColumn<ObjectiveRow>[] = [
  { id: 'state', label: 'State', width: 130, render: (o) => <StateBadge state={o.state} reason={o.stateReason} /> },
  {
    id: 'target',
    label: 'Target',
    width: 220,
    render: (o) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {formatTarget(o) ?? o.target}
      </Text>
    ),
  },
  { id: 'latest', label: 'Latest progress', width: 170, render: (o) => <Latest o={o} /> },
  {
    id: 'dueDate',
    label: 'Due',
    sort: 'dueDate',
    render: (o) => (
      <Text
        size="sm"
        c={o.state === 'overdue' ? 'red.8' : o.dueDate ? undefined : 'dimmed'}
        fw={o.state === 'overdue' ? 600 : undefined}
      >
        {o.dueDate ? formatDate(o.dueDate) : '—'}
      </Text>
    ),
  },
  {
    id: 'owner',
    label: 'Owner',
    render: (o) => (
      <Text size="sm" c={o.owner ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {o.owner?.name ?? '—'}
      </Text>
    ),
  },
  {
    id: 'aiSystems',
    label: 'AI systems',
    width: 200,
    render: (o) => (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {o.aiSystems.map((s) => s.name).join(', ') || '—'}
      </Text>
    ),
  },
  { id: 'flags', label: 'Flags', width: 220, render: (o) => <ObjectiveFlagBadges flags={o.flags} /> },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (o) => <Text size="sm">{formatDateTime(o.updatedAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['state', 'target', 'latest', 'dueDate', 'owner', 'flags'];
