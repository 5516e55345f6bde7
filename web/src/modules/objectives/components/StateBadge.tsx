import { Badge } from '@mantine/core';
import { FlagBadges as SharedFlagBadges } from '../../../shared/ui/FlagBadges';
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
export function ObjectiveFlagBadges({ flags }: { flags: { code: string; message: string }[] }) {
  return (
    <SharedFlagBadges
      flags={flags.filter((f) => f.code !== 'overdue' && f.code !== 'at-risk')}
      labels={FLAG_LABELS}
      colorOf={(code) => (code === 'target-met' ? 'teal' : 'orange')}
      empty={null}
    />
  );
}
