import { Badge, Group, NavLink, ScrollArea, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { AuditItem } from '../hooks/useInternalAudits';
import { RESULT_COLORS, RESULT_SHORT } from '../labels';

export type ChecklistFilter = 'all' | 'open';

/**
 * The checklist down the left: each item with its result, filtered to the
 * unanswered ones on demand. On a phone it folds into one select.
 */
export function ChecklistNav({
  items,
  current,
  onPick,
  filter,
  onFilter,
}: {
  items: AuditItem[];
  current: string | null;
  onPick: (id: string) => void;
  filter: ChecklistFilter;
  onFilter: (f: ChecklistFilter) => void;
}) {
  const open = items.filter((i) => !i.result).length;
  const shown = filter === 'open' ? items.filter((i) => !i.result || i.id === current) : items;
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={600}>
          Checklist
        </Text>
        <Text size="xs" c="dimmed">
          {items.length - open} of {items.length} answered
        </Text>
      </Group>
      <SegmentedControl
        size="xs"
        fullWidth
        aria-label="Show items"
        value={filter}
        onChange={(v) => onFilter(v as ChecklistFilter)}
        data={[
          { value: 'all', label: 'All items' },
          { value: 'open', label: `Unanswered (${open})` },
        ]}
      />
      <Select
        hiddenFrom="md"
        label="Item"
        allowDeselect={false}
        value={current}
        onChange={(v) => v && onPick(v)}
        data={shown.map((i) => ({
          value: i.id,
          label: `${i.position}. ${i.title}${i.result ? ` (${RESULT_SHORT[i.result]})` : ''}`,
        }))}
        comboboxProps={{ withinPortal: true }}
      />
      <ScrollArea.Autosize mah="70vh" visibleFrom="md" type="auto">
        <nav aria-label="Checklist items">
          {shown.map((i) => (
            <NavLink
              key={i.id}
              component="button"
              type="button"
              active={i.id === current}
              aria-current={i.id === current ? 'step' : undefined}
              onClick={() => onPick(i.id)}
              label={
                <Text size="sm" lineClamp={2}>
                  {i.position}. {i.title}
                </Text>
              }
              rightSection={
                i.result ? (
                  <Badge size="xs" color={RESULT_COLORS[i.result]} variant="light">
                    {RESULT_SHORT[i.result]}
                  </Badge>
                ) : (
                  <Badge size="xs" color="gray" variant="outline">
                    Open
                  </Badge>
                )
              }
            />
          ))}
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" p="sm">
              Every item has a result.
            </Text>
          )}
        </nav>
      </ScrollArea.Autosize>
    </Stack>
  );
}
