import { Badge, Group } from '@mantine/core';
import { FLAG_LABELS, type ObjectiveState, STATE_COLORS, STATE_LABELS } from '../labels';

export function StateBadge({ state, reason }: { state: string; reason?: string }) {
  const s = state as ObjectiveState;
  return (
    <Badge color={STATE_COLORS[s] ?? 'gray'} variant="light" radius="sm" tt="none" title={reason}>
      {STATE_LABELS[s] ?? state}
    </Badge>
  );
}

/** Flags other than the state itself (which the state badge already says). */
export function FlagBadges({ flags }: { flags: { code: string; message: string }[] }) {
  const shown = flags.filter((f) => f.code !== 'overdue' && f.code !== 'at-risk');
  if (shown.length === 0) return null;
  return (
    <Group gap={4}>
      {shown.map((f) => (
        <Badge
          key={f.code}
          size="sm"
          variant="light"
          color={f.code === 'target-met' ? 'teal' : 'orange'}
          radius="sm"
          tt="none"
          title={f.message}
        >
          {FLAG_LABELS[f.code] ?? f.code}
        </Badge>
      ))}
    </Group>
  );
}
