import { Badge, Group, Text } from '@mantine/core';
import { FLAG_LABELS } from '../../labels';

export function RiskFlagBadges({ flags }: { flags: { code: string; message: string }[] }) {
  if (flags.length === 0)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {flags.map((f) => (
        <Badge
          key={f.code}
          color={f.code === 'review-overdue' ? 'red' : 'orange'}
          variant="light"
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
