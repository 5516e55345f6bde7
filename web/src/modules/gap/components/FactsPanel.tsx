import { List, Paper, Skeleton, Text } from '@mantine/core';
import { formatDatesIn } from '../../../shared/ui/format';
import { useFacts } from '../hooks/useGap';

/** What OpenAIMS already holds for a requirement's module, so the answer is checked against the organization's real records. */
export function FactsPanel({ orgId, module }: { orgId: string; module: string }) {
  const query = useFacts(orgId);
  const facts = query.data?.modules[module] ?? [];
  return (
    <Paper withBorder p="md" bg="brand.0" component="aside" aria-label="What OpenAIMS holds" aria-busy={query.isPending}>
      <Text size="sm" fw={600} mb={4}>
        What OpenAIMS holds
      </Text>
      {query.isPending ? (
        <>
          <Skeleton height={10} mt={8} radius="sm" />
          <Skeleton height={10} mt={8} width="70%" radius="sm" />
        </>
      ) : query.isError ? (
        <Text size="sm" c="red.8" role="alert">
          Could not gather the facts just now; your answer is unaffected. Reload the page to try again.
        </Text>
      ) : facts.length === 0 ? (
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
