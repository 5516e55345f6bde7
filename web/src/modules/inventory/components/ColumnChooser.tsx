import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { COLUMNS, DEFAULT_COLUMNS } from './columns';

interface Props {
  value: string[];
  onChange: (ids: string[]) => void;
}

/** Which optional columns the inventory table shows. */
export function ColumnChooser({ value, onChange }: Props) {
  const toggle = (id: string, on: boolean) =>
    // keep the table's column order, whatever order they were ticked in
    onChange(COLUMNS.map((c) => c.id).filter((c) => (c === id ? on : value.includes(c))));
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <Button variant="default" size="sm">
          Columns ({value.length})
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap={6} role="group" aria-label="Columns to show">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Show columns
          </Text>
          {COLUMNS.map((c) => (
            <Checkbox
              key={c.id}
              label={c.label}
              checked={value.includes(c.id)}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              size="sm"
            />
          ))}
          <Group gap="xs" mt={4}>
            <Button variant="subtle" size="compact-xs" onClick={() => onChange(DEFAULT_COLUMNS)}>
              Reset
            </Button>
            <Button variant="subtle" size="compact-xs" onClick={() => onChange(COLUMNS.map((c) => c.id))}>
              Show all
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
