import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props<T> {
  items: T[];
  /** stable key of an item (not its index) */
  itemKey: (item: T) => string;
  /** singular noun, e.g. "site" */
  noun: string;
  /** heading of one item, e.g. its name */
  itemTitle?: (item: T, index: number) => string;
  renderItem: (item: T, index: number) => ReactNode;
  onAdd: () => void;
  onRemove: (index: number) => void;
  empty?: ReactNode;
  disabled?: boolean;
  /** items are simple enough to lay out without a heading row */
  compact?: boolean;
}

/** An editable list: each item in its own box with a Remove button, then "Add …". */
export function RepeatableList<T>({
  items,
  itemKey,
  noun,
  itemTitle,
  renderItem,
  onAdd,
  onRemove,
  empty,
  disabled,
  compact,
}: Props<T>) {
  return (
    <Stack gap="sm">
      {items.length === 0 && empty && (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      )}
      {items.map((item, index) => {
        const title = itemTitle?.(item, index)?.trim() || `${capitalize(noun)} ${index + 1}`;
        return (
          <Paper key={itemKey(item)} withBorder p="md" radius="md" bg="var(--mantine-color-gray-0)">
            <Group justify="space-between" align="center" mb={compact ? 'xs' : 'sm'} wrap="nowrap">
              <Text size="sm" fw={600} truncate>
                {title}
              </Text>
              {!disabled && (
                <Button
                  variant="subtle"
                  color="red"
                  size="compact-sm"
                  onClick={() => onRemove(index)}
                  aria-label={`Remove ${noun} ${index + 1}${itemTitle?.(item, index)?.trim() ? ` (${itemTitle(item, index).trim()})` : ''}`}
                >
                  Remove
                </Button>
              )}
            </Group>
            {renderItem(item, index)}
          </Paper>
        );
      })}
      {!disabled && (
        <div>
          <Button variant="light" size="sm" onClick={onAdd}>
            + Add {noun}
          </Button>
        </div>
      )}
    </Stack>
  );
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
