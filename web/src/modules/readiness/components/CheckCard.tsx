import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { ReadinessCheck } from '../hooks/useReadiness';
import { VERDICT_COLORS, VERDICT_LABELS } from '../labels';

/** One rehearsed check: its verdict, why, the records behind it as links, and the fix. */
export function CheckCard({ check, canWrite }: { check: ReadinessCheck; canWrite: boolean }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`${check.title}: ${VERDICT_LABELS[check.status]}`}
      data-check={check.id}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text fw={650}>{check.title}</Text>
          <Badge color={VERDICT_COLORS[check.status]} variant="light" style={{ flexShrink: 0 }}>
            {VERDICT_LABELS[check.status]}
          </Badge>
        </Group>
        <Text size="sm">{check.detail}</Text>
        {check.records.length > 0 && (
          <Group gap={8} wrap="wrap">
            {check.records.map((r) => (
              <Anchor key={`${r.type}:${r.id}`} component={Link} to={r.href} size="sm">
                {r.label}
              </Anchor>
            ))}
            {check.moreRecords > 0 && (
              <Text size="sm" c="dimmed">
                and {check.moreRecords} more
              </Text>
            )}
          </Group>
        )}
        {check.fix && (
          <Group gap="sm" wrap="wrap" align="center">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 200px' }}>
              {check.fix}
            </Text>
            {/* the fix is made on another page; those who cannot change it there still see where it is */}
            <Button component={Link} to={check.link} size="xs" variant={canWrite ? 'light' : 'subtle'}>
              {canWrite ? 'Fix this' : 'Open'}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
