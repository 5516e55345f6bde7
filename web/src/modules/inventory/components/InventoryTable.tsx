import { Anchor, Badge, Checkbox, Group, Table, Text, UnstyledButton } from '@mantine/core';
import { Link } from 'react-router';
import type { AiSystem } from '../hooks/useAiSystems';
import type { Sort } from '../labels';
import { COLUMNS, type SortField } from './columns';

interface Props {
  orgId: string;
  items: AiSystem[];
  columns: string[];
  sort: Sort;
  onSort: (sort: Sort) => void;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  selectable: boolean;
}

// The direction a column sorts in when first chosen: names A to Z, the highest risk and the newest first.
const FIRST: Record<SortField, 'asc' | 'desc'> = { name: 'asc', riskLevel: 'desc', updatedAt: 'desc', createdAt: 'desc' };

function SortHeader({ field, label, sort, onSort }: { field: SortField; label: string; sort: Sort; onSort: (s: Sort) => void }) {
  const current = sort.replace(/^-/, '') === field ? (sort.startsWith('-') ? 'desc' : 'asc') : null;
  const next = current ? (current === 'asc' ? 'desc' : 'asc') : FIRST[field];
  return (
    <Table.Th
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => onSort((next === 'desc' ? `-${field}` : field) as Sort)}
        className="focus-ring"
        fz="sm"
        fw={700}
        style={{ borderRadius: 4 }}
        aria-label={`${label}, sort ${next === 'asc' ? 'ascending' : 'descending'}`}
      >
        {label}{' '}
        <Text span c={current ? 'brand.7' : 'gray.5'} aria-hidden>
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The inventory: one row per AI system, with the chosen columns and its flags. */
export function InventoryTable({ orgId, items, columns, sort, onSort, selected, onSelect, selectable }: Props) {
  const shown = COLUMNS.filter((c) => columns.includes(c.id));
  const allSelected = items.length > 0 && items.every((s) => selected.has(s.id));
  const someSelected = items.some((s) => selected.has(s.id));
  return (
    <Table.ScrollContainer minWidth={Math.max(720, 200 + shown.reduce((n, c) => n + (c.width ?? 110), 0))}>
      <Table verticalSpacing="sm" highlightOnHover aria-label="AI systems">
        <Table.Thead>
          <Table.Tr>
            {selectable && (
              <Table.Th w={40}>
                <Checkbox
                  aria-label="Select all shown AI systems"
                  checked={allSelected}
                  indeterminate={someSelected && !allSelected}
                  onChange={(e) =>
                    onSelect(
                      items.map((s) => s.id),
                      e.currentTarget.checked,
                    )
                  }
                />
              </Table.Th>
            )}
            <SortHeader field="name" label="Name" sort={sort} onSort={onSort} />
            {shown.map((c) =>
              c.sort ? (
                <SortHeader key={c.id} field={c.sort} label={c.label} sort={sort} onSort={onSort} />
              ) : (
                <Table.Th key={c.id} style={{ whiteSpace: 'nowrap' }}>
                  {c.label}
                </Table.Th>
              ),
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id} bg={selected.has(s.id) ? 'var(--mantine-color-brand-0)' : undefined}>
              {selectable && (
                <Table.Td>
                  <Checkbox
                    aria-label={`Select ${s.name}`}
                    checked={selected.has(s.id)}
                    onChange={(e) => onSelect([s.id], e.currentTarget.checked)}
                  />
                </Table.Td>
              )}
              <Table.Td miw={200}>
                <Group gap={6} wrap="nowrap">
                  <Anchor component={Link} to={`/orgs/${orgId}/inventory/${s.id}`} fw={600} size="sm">
                    {s.name}
                  </Anchor>
                  {s.archivedAt && (
                    <Badge size="xs" color="gray" variant="light" radius="sm">
                      {s.mergedIntoId ? 'merged' : 'archived'}
                    </Badge>
                  )}
                </Group>
                {s.externalId && !columns.includes('externalId') && (
                  <Text size="xs" c="dimmed" ff="monospace">
                    {s.externalId}
                  </Text>
                )}
              </Table.Td>
              {shown.map((c) => (
                <Table.Td key={c.id} maw={c.width ?? 220}>
                  {c.render(s)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
