import { Alert, Button, Group, Modal, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { QueryState } from '../../../shared/ui/QueryState';
import { useScopeGaps } from '../hooks/useAiSystems';

interface Props {
  orgId: string;
  canWrite: boolean;
  opened: boolean;
  onClose: () => void;
}

const KIND = { 'ai-system': 'AI system', 'product-or-service': 'Product or service' } as const;

/**
 * What the approved scope names that no inventory record stands for. Stage 1
 * fails when AI systems are missing: each name opens the new-system form
 * with the name filled in.
 */
export function ScopeGapsModal({ orgId, canWrite, opened, onClose }: Props) {
  const gaps = useScopeGaps(orgId, opened);
  return (
    <Modal opened={opened} onClose={onClose} title="Named in scope, not in the inventory" size="lg">
      <QueryState query={gaps}>
        {(data) =>
          data.items.length === 0 ? (
            <Text size="sm">Every AI system, product and service the approved scope names is in the inventory.</Text>
          ) : (
            <Stack gap="sm">
              <Text size="sm" c="dimmed">
                Approved scope version {data.items[0].scopeVersion} names these, but no active inventory record has the name or is
                linked from the scope. Add each to the inventory, or take it out of the scope.
              </Text>
              <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label="Missing from the inventory">
                {data.items.map((g) => (
                  <Paper component="li" key={`${g.kind}:${g.name}`} withBorder p="sm">
                    <Group justify="space-between" wrap="nowrap" gap="xs">
                      <Stack gap={0}>
                        <Text size="sm" fw={600}>
                          {g.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {KIND[g.kind]}
                        </Text>
                      </Stack>
                      {canWrite && (
                        <Button
                          size="xs"
                          variant="light"
                          component={Link}
                          to={`/orgs/${orgId}/inventory/new?name=${encodeURIComponent(g.name)}`}
                          aria-label={`Add ${g.name} to inventory`}
                        >
                          Add to inventory
                        </Button>
                      )}
                    </Group>
                  </Paper>
                ))}
              </Stack>
              {!canWrite && (
                <Alert color="gray" variant="light">
                  Your role can read the inventory but not add to it.
                </Alert>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Modal>
  );
}
