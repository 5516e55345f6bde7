import { Anchor, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate, formatDateTime } from '../../../shared/ui/format';
import type { Concern } from '../hooks/useConcerns';
import { ConcernStatusBadge, summaryOf } from './labels';

/**
 * Concerns as a list of cards (readable at 390 px). `mine`: the reporter's
 * view, with the outcome in words; otherwise the reviewers' view, with who
 * raised it ("Anonymous" when the reporter asked).
 */
export function ConcernList({
  orgId,
  items,
  mine,
  empty,
  label,
}: {
  orgId: string;
  items: Concern[];
  mine?: boolean;
  empty: string;
  label: string;
}) {
  if (items.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  return (
    <Stack gap="xs" component="ul" aria-label={label} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((c) => (
        <Paper key={c.id} withBorder p="sm" component="li">
          <Group justify="space-between" gap="xs" wrap="wrap" align="baseline">
            <Anchor component={Link} to={`/orgs/${orgId}/concerns/${c.id}`} fw={600}>
              {c.number}
            </Anchor>
            <ConcernStatusBadge concern={c} />
          </Group>
          <Text size="sm" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {summaryOf(c.description)}
          </Text>
          <Text size="xs" c="dimmed" mt={4}>
            {[
              c.aiSystem ? c.aiSystem.name : 'No AI system named',
              mine ? (c.anonymous ? 'raised anonymously' : 'raised in your name') : `raised by ${c.raisedByLabel}`,
              formatDateTime(c.raisedAt),
            ].join(' · ')}
          </Text>
          {(mine || c.outcome) && (
            <Text size="sm" mt={4}>
              {c.outcomeText}
              {c.triagedAt ? ` (${formatDate(c.triagedAt.slice(0, 10))})` : ''}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  );
}
