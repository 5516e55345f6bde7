import { Badge, Text } from '@mantine/core';
import { levelColor } from '../../labels';

/** A risk level coloured by its place in the method, or a dash when not assessed. */
export function LevelBadge({
  level,
  name,
  levels,
  empty = 'Not assessed',
}: {
  level: string | null | undefined;
  name?: string | null;
  levels: { id: string; name: string }[];
  empty?: string;
}) {
  if (!level)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Badge color={levelColor(level, levels)} variant="light" radius="sm" tt="none">
      {name ?? levels.find((l) => l.id === level)?.name ?? level}
    </Badge>
  );
}
