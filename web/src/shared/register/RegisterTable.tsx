import {
  Alert,
  Anchor,
  Badge,
  Button,
  Center,
  Checkbox,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../problem';
import { plural } from '../ui/format';
import { ArchiveAction } from './ArchiveAction';
import { ColumnChooser, useRegisterColumns } from './ColumnChooser';
import type { ArchivableRegister, RegisterRecord } from './types';
import type { RegisterList } from './useRegisterList';

export interface RegisterColumn<T> {
  id: string;
  label: string;
  /** the API's sort field, when the column sorts */
  sort?: string;
  /** the direction a first click sorts in; default ascending */
  firstSort?: 'asc' | 'desc';
  width?: number;
  align?: 'right';
  render: (row: T) => ReactNode;
}

interface Sorting {
  /** the API's sort: 'name' or '-name' */
  value: string;
  onChange: (sort: string) => void;
}

interface Selection {
  selected: Set<string>;
  onChange: (ids: string[], on: boolean) => void;
}

interface Archiving<T> {
  orgId: string;
  register: ArchivableRegister;
  archiveText: (row: T) => ReactNode;
  restorable?: (row: T) => boolean;
}

interface Props<T extends RegisterRecord> {
  /** names the remembered column choice (localStorage) */
  register: string;
  /** the table's accessible name, e.g. "AI systems" */
  label: string;
  /** one row, e.g. "AI system" */
  noun: string;
  list: RegisterList<T>;
  /** optional columns; Name always shows first */
  columns: RegisterColumn<T>[];
  defaultColumns?: string[];
  rowHref: (row: T) => string;
  /** under the name, e.g. an external id; gets the visible column ids */
  nameNote?: (row: T, visible: string[]) => ReactNode;
  /** the archived badge's word (e.g. "merged") */
  archivedLabel?: (row: T) => string;
  sort?: Sorting;
  selection?: Selection;
  /** row actions to archive or restore, each confirmed */
  archive?: Archiving<T>;
  /** whether filters narrow the list (said in the count) */
  filtered?: boolean;
  /** left of the toolbar, after the count: e.g. bulk actions */
  toolbar?: ReactNode;
  /** right of the toolbar, before the column chooser: e.g. "Show archived" */
  toolbarEnd?: ReactNode;
  /** shown when nothing matches */
  empty: ReactNode;
}

function SortHeader({ column, sort }: { column: { sort?: string; firstSort?: 'asc' | 'desc'; label: string }; sort: Sorting }) {
  const field = column.sort as string;
  const current = sort.value.replace(/^-/, '') === field ? (sort.value.startsWith('-') ? 'desc' : 'asc') : null;
  const next = current ? (current === 'asc' ? 'desc' : 'asc') : (column.firstSort ?? 'asc');
  return (
    <Table.Th
      aria-sort={current === 'asc' ? 'ascending' : current === 'desc' ? 'descending' : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton
        onClick={() => sort.onChange(next === 'desc' ? `-${field}` : field)}
        className="focus-ring"
        fz="sm"
        fw={700}
        style={{ borderRadius: 4 }}
        aria-label={`${column.label}, sort ${next === 'asc' ? 'ascending' : 'descending'}`}
      >
        {column.label}{' '}
        <Text span c={current ? 'brand.7' : 'gray.5'} aria-hidden>
          {current === 'asc' ? '▲' : current === 'desc' ? '▼' : '↕'}
        </Text>
      </UnstyledButton>
    </Table.Th>
  );
}

/**
 * A register's table: the count, the chosen columns (remembered per register),
 * sorting, optional row selection and archive/restore, "Load more" along the
 * API's cursor, and what to show when nothing matches.
 */
export function RegisterTable<T extends RegisterRecord>(props: Props<T>) {
  const { register, label, noun, list, columns, rowHref, sort, selection, archive, empty } = props;
  const defaults = props.defaultColumns ?? columns.map((c) => c.id);
  const [visible, setVisible] = useRegisterColumns(register, columns, defaults);
  const shown = columns.filter((c) => visible.includes(c.id));
  const items = list.items;
  const selected = selection?.selected;
  const allSelected = !!selected && items.length > 0 && items.every((r) => selected.has(r.id));
  const someSelected = !!selected && items.some((r) => selected.has(r.id));

  const count = list.data
    ? `${plural(items.length, noun)} shown${list.hasNextPage ? ', more below' : ''}${props.filtered ? ' (filtered)' : ''}`
    : '';

  let body: ReactNode;
  if (list.isPending) {
    body = (
      <Center py="xl">
        <Loader size="sm" aria-label="Loading" />
      </Center>
    );
  } else if (list.isError) {
    body = (
      <Alert color="red" variant="light" title="Could not load" role="alert">
        {errorMessage(list.error)}
      </Alert>
    );
  } else if (items.length === 0) {
    body = empty;
  } else {
    body = (
      <>
        <Table.ScrollContainer minWidth={Math.max(720, 200 + shown.reduce((n, c) => n + (c.width ?? 110), 0))}>
          <Table verticalSpacing="sm" highlightOnHover aria-label={label}>
            <Table.Thead>
              <Table.Tr>
                {selection && (
                  <Table.Th w={40}>
                    <Checkbox
                      aria-label={`Select all shown ${label}`}
                      checked={allSelected}
                      indeterminate={someSelected && !allSelected}
                      onChange={(e) =>
                        selection.onChange(
                          items.map((r) => r.id),
                          e.currentTarget.checked,
                        )
                      }
                    />
                  </Table.Th>
                )}
                {sort ? (
                  <SortHeader column={{ sort: 'name', label: 'Name' }} sort={sort} />
                ) : (
                  <Table.Th style={{ whiteSpace: 'nowrap' }}>Name</Table.Th>
                )}
                {shown.map((c) =>
                  c.sort && sort ? (
                    <SortHeader key={c.id} column={c} sort={sort} />
                  ) : (
                    <Table.Th key={c.id} ta={c.align} style={{ whiteSpace: 'nowrap' }}>
                      {c.label}
                    </Table.Th>
                  ),
                )}
                {archive && (
                  <Table.Th w={1}>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                )}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((row) => (
                <Table.Tr key={row.id} bg={selected?.has(row.id) ? 'var(--mantine-color-brand-0)' : undefined}>
                  {selection && (
                    <Table.Td>
                      <Checkbox
                        aria-label={`Select ${row.name}`}
                        checked={selection.selected.has(row.id)}
                        onChange={(e) => selection.onChange([row.id], e.currentTarget.checked)}
                      />
                    </Table.Td>
                  )}
                  {/* a long name wraps in its cell; the table scrolls in its frame, never the page */}
                  <Table.Td miw={200} maw={360} className="wrap-anywhere">
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={rowHref(row)} fw={600} size="sm">
                        {row.name}
                      </Anchor>
                      {row.archivedAt && (
                        <Badge size="xs" color="gray" variant="light" radius="sm">
                          {props.archivedLabel?.(row) ?? 'archived'}
                        </Badge>
                      )}
                    </Group>
                    {props.nameNote?.(row, visible)}
                  </Table.Td>
                  {shown.map((c) => (
                    <Table.Td key={c.id} maw={c.width ?? 220} ta={c.align} className="wrap-anywhere">
                      {c.render(row)}
                    </Table.Td>
                  ))}
                  {archive && (
                    <Table.Td>
                      <ArchiveAction
                        orgId={archive.orgId}
                        register={archive.register}
                        record={row}
                        archiveText={archive.archiveText(row)}
                        restorable={archive.restorable?.(row) ?? true}
                        size="compact-sm"
                      />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {list.hasNextPage && (
          <Center>
            <Button variant="default" onClick={() => list.fetchNextPage()} loading={list.isFetchingNextPage}>
              Load more
            </Button>
          </Center>
        )}
      </>
    );
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="sm">
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {count}
          </Text>
          {list.isFetching && !list.isFetchingNextPage && list.data && <Loader size="xs" aria-label="Updating" />}
          {props.toolbar}
        </Group>
        <Group gap="sm">
          {props.toolbarEnd}
          <ColumnChooser columns={columns} defaults={defaults} value={visible} onChange={setVisible} />
        </Group>
      </Group>
      {body}
    </Stack>
  );
}
