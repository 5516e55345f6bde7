import { Badge, Text } from '@mantine/core';

/** A level of the risk method; red when above the acceptance threshold. */
export function LevelBadge({
  level,
  empty = 'Not rated',
}: {
  level: { name: string; aboveThreshold: boolean } | null;
  empty?: string;
}) {
  if (!level) {
    return (
      <Text size="sm" c="dimmed" span>
        {empty}
      </Text>
    );
  }
  return (
    <Badge
      color={level.aboveThreshold ? 'red' : 'teal'}
      variant="light"
      radius="sm"
      tt="none"
      // never cut: in a narrow column the words wrap
      h="auto"
      styles={{ label: { overflow: 'visible', whiteSpace: 'normal' } }}
    >
      {level.name}
      {level.aboveThreshold ? ' · above threshold' : ''}
    </Badge>
  );
}

/** "Reassessment needed" with the first reason, or nothing. */
export function ReassessmentBadge({ reassessment }: { reassessment: { needed: boolean; reasons: string[] } }) {
  if (!reassessment.needed) return null;
  return (
    <Badge color="orange" variant="light" radius="sm" tt="none" title={reassessment.reasons.join('; ')}>
      Reassessment needed
    </Badge>
  );
}
