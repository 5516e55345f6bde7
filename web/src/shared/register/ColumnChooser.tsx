import { Button, Checkbox, Group, Popover, Stack, Text } from '@mantine/core';
import { useLocalStorage } from '@mantine/hooks';

interface Column {
  id: string;
  label: string;
}

/** The columns a register shows, remembered per register in this browser; unknown ids are dropped. */
export function useRegisterColumns(register: string, columns: Column[], defaults: string[]) {
  const [stored, setStored] = useLocalStorage<string[]>({
    key: `openaims.${register}.columns`,
    defaultValue: defaults,
    getInitialValueInEffect: false,
  });
  const known = new Set(columns.map((c) => c.id));
  const visible = Array.isArray(stored) ? stored.filter((c) => known.has(c)) : defaults;
  return [visible, setStored] as const;
}

interface Props {
  columns: Column[];
  defaults: string[];
  value: string[];
  onChange: (ids: string[]) => void;
}

/** Which optional columns a register's table shows. */
export function ColumnChooser({ columns, defaults, value, onChange }: Props) {
  const toggle = (id: string, on: boolean) =>
    // keep the table's column order, whatever order they were ticked in
    onChange(columns.map((c) => c.id).filter((c) => (c === id ? on : value.includes(c))));
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
          {columns.map((c) => (
            <Checkbox
              key={c.id}
              label={c.label}
              checked={value.includes(c.id)}
              onChange={(e) => toggle(c.id, e.currentTarget.checked)}
              size="sm"
            />
          ))}
          <Group gap="xs" mt={4}>
            <Button variant="subtle" size="compact-xs" onClick={() => onChange(defaults)}>
              Reset
            </Button>
            <Button variant="subtle" size="compact-xs" onClick={() => onChange(columns.map((c) => c.id))}>
              Show all
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
