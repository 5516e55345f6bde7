import { Text } from '@mantine/core';
import type { RegisterColumn } from '../../../shared/register';
import { FlagBadges, NoFlags } from '../../../shared/ui/FlagBadges';
import { formatDateTime } from '../../../shared/ui/format';
import type { Role } from '../hooks/useRoles';
import { FLAG_LABELS, flagColor } from '../labels';

/** Who holds a role; "Vacant" in red when nobody does. */
export function HolderText({ role }: { role: Role }) {
  if (!role.holder)
    return (
      <Text size="sm" c="red.8" fw={700}>
        Vacant
      </Text>
    );
  return (
    <Text size="sm" c={role.holderLeft ? 'red.8' : undefined} style={{ overflowWrap: 'anywhere' }}>
      {role.holder.name}
      {role.holderLeft ? ' (left)' : ''}
    </Text>
  );
}

export const COLUMNS: RegisterColumn<Role>[] = [
  { id: 'holder', label: 'Holder', width: 180, render: (r) => <HolderText role={r} /> },
  {
    id: 'deputy',
    label: 'Deputy',
    width: 160,
    render: (r) => (
      <Text size="sm" c={r.deputy ? undefined : 'dimmed'} style={{ overflowWrap: 'anywhere' }}>
        {r.deputy?.name ?? '—'}
      </Text>
    ),
  },
  {
    id: 'responsibilities',
    label: 'Responsibilities',
    width: 320,
    render: (r) => (
      <Text size="sm" lineClamp={2}>
        {r.responsibilities || '—'}
      </Text>
    ),
  },
  {
    id: 'flags',
    label: 'Flags',
    width: 200,
    render: (r) => (
      <FlagBadges flags={r.flags} labels={FLAG_LABELS} colorOf={flagColor} empty={<NoFlags>Held, with a deputy</NoFlags>} />
    ),
  },
  { id: 'updatedAt', label: 'Updated', sort: 'updatedAt', render: (r) => <Text size="sm">{formatDateTime(r.updatedAt)}</Text> },
];

export const DEFAULT_COLUMNS = ['holder', 'deputy', 'flags'];
