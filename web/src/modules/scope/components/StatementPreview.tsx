import { Paper, Stack, Text, Title } from '@mantine/core';
import { Markdown } from '../../../shared/ui/Markdown';
import type { ScopeContent } from '../hooks/useScope';
import { InventoryLinks } from './InventoryLinks';

interface Props {
  statement: string | null;
  stale: boolean;
  orgId: string;
  /** the AI systems of the saved version the statement was written from */
  aiSystems: ScopeContent['aiSystems'];
}

/** The readable scope statement as the server writes it for the saved version. */
export function StatementPreview({ statement, stale, orgId, aiSystems }: Props) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="scope-statement-title">
      <Title order={2} fz="md" mb={4} id="scope-statement-title">
        Scope statement
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {statement === null
          ? 'Appears after the first save.'
          : stale
            ? 'As of the last save; unsaved changes are not shown.'
            : 'As saved.'}
      </Text>
      {statement !== null && (
        <Stack gap="sm">
          <Markdown source={statement} />
          <InventoryLinks orgId={orgId} aiSystems={aiSystems} />
        </Stack>
      )}
    </Paper>
  );
}
