import { Badge, Button, Checkbox, Collapse, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { groupLabel, groupRequirements, useCatalogue } from '../../catalogue';
import { QueryState } from '../../../shared/ui/QueryState';

/**
 * The clauses and Annex A controls an audit covers: a checkbox per group
 * (all or none of it) and, opened, one per requirement.
 */
export function ScopePicker({
  value,
  onChange,
  error,
  disabled,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
  disabled?: boolean;
}) {
  const catalogue = useCatalogue();
  const [open, setOpen] = useState<string | null>(null);
  const chosen = new Set(value);
  return (
    <Stack gap="xs" role="group" aria-label="Requirements audited">
      <Group justify="space-between">
        <Text size="sm" fw={500}>
          Requirements audited
        </Text>
        <Badge variant="light" color={value.length ? 'blue' : 'gray'}>
          {value.length} chosen
        </Badge>
      </Group>
      <Text size="xs" c="dimmed">
        Each one becomes a checklist item after the standing topics. Tick a whole clause or control objective, or open it to
        choose single items.
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
      <QueryState query={catalogue}>
        {(c) => (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
            {groupRequirements(c.requirements).map((g) => {
              const ids = g.requirements.map((r) => r.id);
              const n = ids.filter((id) => chosen.has(id)).length;
              const toggleGroup = (on: boolean) =>
                onChange(on ? [...value, ...ids.filter((id) => !chosen.has(id))] : value.filter((id) => !ids.includes(id)));
              return (
                <Paper key={g.id} withBorder p="xs" radius="sm">
                  <Group justify="space-between" wrap="nowrap" gap="xs">
                    <Checkbox
                      label={`${groupLabel(g)} ${g.title}`}
                      checked={n === ids.length}
                      indeterminate={n > 0 && n < ids.length}
                      onChange={(e) => toggleGroup(e.currentTarget.checked)}
                      disabled={disabled}
                    />
                    <Button
                      variant="subtle"
                      size="compact-xs"
                      onClick={() => setOpen(open === g.id ? null : g.id)}
                      aria-expanded={open === g.id}
                      aria-label={`Choose items of ${groupLabel(g)}`}
                    >
                      {n}/{ids.length}
                    </Button>
                  </Group>
                  <Collapse expanded={open === g.id}>
                    <Stack gap={4} mt="xs" pl="md">
                      {g.requirements.map((r) => (
                        <Checkbox
                          key={r.id}
                          size="xs"
                          label={`${r.id} ${r.title}`}
                          checked={chosen.has(r.id)}
                          disabled={disabled}
                          onChange={(e) =>
                            onChange(e.currentTarget.checked ? [...value, r.id] : value.filter((id) => id !== r.id))
                          }
                        />
                      ))}
                    </Stack>
                  </Collapse>
                </Paper>
              );
            })}
          </SimpleGrid>
        )}
      </QueryState>
    </Stack>
  );
}
