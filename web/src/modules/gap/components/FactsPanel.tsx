import { List, Paper, Text } from '@mantine/core';
import { formatDatesIn } from '../../../shared/ui/format';

/** What OpenAIMS already holds for a requirement, so the answer is checked against the organization's real records. */
export function FactsPanel({ facts }: { facts: string[] }) {
  return (
    <Paper withBorder p="md" bg="brand.0" component="aside" aria-label="What OpenAIMS holds">
      <Text size="sm" fw={600} mb={4}>
        What OpenAIMS holds
      </Text>
      {facts.length === 0 ? (
        <Text size="sm" c="dimmed">
          No records for this requirement in OpenAIMS yet; its module is not built or holds nothing. Answer from the evidence you
          have elsewhere.
        </Text>
      ) : (
        <List size="sm" spacing={4}>
          {facts.map((f) => (
            <List.Item key={f}>{formatDatesIn(f)}</List.Item>
          ))}
        </List>
      )}
    </Paper>
  );
}
