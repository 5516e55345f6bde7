import { Badge, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { shortValue } from '../register/conflict';
import { QueryState } from '../ui/QueryState';

const CHANGE_COLORS = { added: 'teal', removed: 'red', changed: 'blue' } as const;

export interface VersionChange {
  field: string;
  change: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

interface Props<Ch extends VersionChange> {
  /** useQuery(record.compare(from, to)) */
  query: UseQueryResult<{ changes: Ch[] }>;
  from: number;
  to: number;
  /** the table's accessible name, e.g. "Scope changes" */
  label: string;
  /** a field path in words */
  fieldLabel: (field: string) => string;
  /** one side of a change; default: the value shown short */
  value?: (change: Ch, value: unknown) => ReactNode;
}

const dash = (
  <Text size="sm" c="dimmed">
    —
  </Text>
);

/** What changed between two versions: a row per field, before and after. */
export function VersionChanges<Ch extends VersionChange>({ query, from, to, label, fieldLabel, value }: Props<Ch>) {
  const show = (c: Ch, v: unknown) => (value ? value(c, v) : <Text size="sm">{shortValue(v)}</Text>);
  return (
    <QueryState query={query}>
      {({ changes }) =>
        changes.length === 0 ? (
          <Text size="sm" c="dimmed" ta="center" py="lg">
            The two versions have the same content.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-label={label}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={220}>Field</Table.Th>
                  <Table.Th w={110}>Change</Table.Th>
                  <Table.Th>Version {from}</Table.Th>
                  <Table.Th>Version {to}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: changes have no id and never reorder
                  <Table.Tr key={i}>
                    <Table.Td>
                      <Text size="sm" fw={600}>
                        {fieldLabel(c.field)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={CHANGE_COLORS[c.change]} variant="light" radius="sm">
                        {c.change}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                      {c.change === 'added' ? dash : show(c, c.before)}
                    </Table.Td>
                    <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                      {c.change === 'removed' ? dash : show(c, c.after)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      }
    </QueryState>
  );
}
