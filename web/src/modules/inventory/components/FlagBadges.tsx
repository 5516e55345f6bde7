import { Badge, Group, Text } from '@mantine/core';
import { formatDatesIn } from '../../../shared/ui/format';
import { FLAG_LABELS } from '../labels';

interface Flag {
  code: string;
  message: string;
}

/** What an auditor would find missing, as small badges; the full sentence is the badge's title. */
export function FlagBadges({ flags, max = 3 }: { flags: Flag[]; max?: number }) {
  if (flags.length === 0) {
    return (
      <Text size="xs" c="teal.8" fw={600}>
        Complete
      </Text>
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
          color="orange"
          radius="sm"
          title={formatDatesIn(f.message)}
          tt="none"
          fw={600}
        >
          {FLAG_LABELS[f.code] ?? f.code}
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
