import { Anchor, Paper, Stack, Text, ThemeIcon, Title, Group } from '@mantine/core';
import { Link } from 'react-router';
import { formatDatesIn } from '../../../shared/ui/format';
import type { InventoryFlag } from '../hooks/useAiSystems';
import { FIELD_LABELS, FLAG_LABELS } from '../labels';

/** What an auditor would find missing in this record, each with the field to fix. */
export function FlagsCard({ flags, editTo }: { flags: InventoryFlag[]; editTo?: string }) {
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby="flags-title"
      style={flags.length ? { borderColor: 'var(--mantine-color-orange-3)' } : undefined}
    >
      <Title order={2} fz="md" id="flags-title" mb="sm">
        {flags.length ? `What an auditor would flag (${flags.length})` : 'Nothing an auditor would flag'}
      </Title>
      {flags.length === 0 ? (
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon color="teal" variant="light" radius="xl" size="sm" aria-hidden>
            ✓
          </ThemeIcon>
          <Text size="sm">Owners, risk level, monitoring, suppliers and review are all recorded.</Text>
        </Group>
      ) : (
        <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
          {flags.map((f) => (
            <li key={f.code}>
              <Text size="sm" fw={600} c="orange.9">
                {FLAG_LABELS[f.code] ?? f.code}
              </Text>
              <Text size="sm">{formatDatesIn(f.message)}</Text>
              {FIELD_LABELS[f.field as keyof typeof FIELD_LABELS] && (
                <Text size="xs" c="dimmed">
                  Field: {FIELD_LABELS[f.field as keyof typeof FIELD_LABELS]}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
      {flags.length > 0 && editTo && (
        <Anchor component={Link} to={editTo} size="sm" mt="sm" display="inline-block">
          Fill in the missing fields →
        </Anchor>
      )}
    </Paper>
  );
}
