import { Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

/** The inventory before its first system: what to record, and two ways to start. */
interface Props {
  orgId: string;
  canWrite: boolean;
  onShowArchived: () => void;
}

export function EmptyInventory({ orgId, canWrite, onShowArchived }: Props) {
  return (
    <Paper withBorder p="xl">
      <Stack gap="sm" maw={640}>
        <Title order={2} fz="lg">
          No AI systems recorded yet
        </Title>
        <Text size="sm" c="dimmed">
          Before you can manage AI properly, you need to know where AI is being used. List the systems, tools, models, vendors and
          AI-enabled workflows that may fall within scope. For each, record:
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>its business and technical owners, purpose and user impact;</List.Item>
          <List.Item>the data it uses and the suppliers it depends on;</List.Item>
          <List.Item>its risk level and how its outputs and incidents are monitored.</List.Item>
        </List>
        <Group mt="sm">
          {canWrite && (
            <>
              <Button component={Link} to={`/orgs/${orgId}/inventory/new`}>
                Add AI system
              </Button>
              <Button component={Link} to={`/orgs/${orgId}/inventory/import`} variant="default">
                Import a spreadsheet or CycloneDX file
              </Button>
            </>
          )}
          <Button variant="subtle" onClick={onShowArchived}>
            Show archived systems
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
