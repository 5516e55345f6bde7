import { Badge, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatDatesIn } from './format';

export interface Flag {
  code: string;
  message: string;
}

interface Props {
  flags: Flag[];
  /** the register's words for its flag codes */
  labels: Record<string, string>;
  /** a flag's colour (default orange) */
  colorOf?: (code: string) => string;
  /** shown when there is no flag (default a dash) */
  empty?: ReactNode;
  /** more than this many collapse into "+N more" */
  max?: number;
}

/**
 * What a register finds missing on a record, as small badges in words; the
 * full sentence (dates in the organization's format) is each badge's title.
 * One component for every register, so flags read the same everywhere.
 */
export function FlagBadges({ flags, labels, colorOf = () => 'orange', empty, max = 3 }: Props) {
  if (flags.length === 0) {
    return (
      empty ?? (
        <Text size="sm" c="dimmed">
          —
        </Text>
      )
    );
  }
  const shown = flags.slice(0, max);
  const rest = flags.length - shown.length;
  return (
    <Group gap={4} wrap="wrap">
      {shown.map((f) => (
        <Badge
          key={f.code}
          size="sm"
          variant="light"
          color={colorOf(f.code)}
          radius="sm"
          tt="none"
          fw={600}
          title={formatDatesIn(f.message)}
        >
          {labels[f.code] ?? f.code}
        </Badge>
      ))}
      {rest > 0 && (
        <Badge
          size="sm"
          variant="outline"
          color="gray"
          radius="sm"
          tt="none"
          title={flags
            .slice(max)
            .map((f) => formatDatesIn(f.message))
            .join('\n')}
        >
          +{rest} more
        </Badge>
      )}
    </Group>
  );
}

/** The "all complete" text registers show in place of flags. */
export function NoFlags({ children }: { children: string }) {
  return (
    <Text size="xs" c="teal.8" fw={600}>
      {children}
    </Text>
  );
}

/** Overdue reviews in red, everything else orange. */
export const overdueRed = (code: string) => (code === 'review-overdue' ? 'red' : 'orange');
