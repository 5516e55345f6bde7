import { Anchor, Badge, Collapse, Group, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { QueryState } from '../../../shared/ui/QueryState';
import { useImportColumns } from '../hooks/useImport';

/**
 * Every import column with what to enter, and for the columns that take a
 * fixed list the values they accept (the words shown, or the value in
 * brackets; either imports). Open by default: it is the page's reference.
 */
export function ImportColumnsGuide({ orgId }: { orgId: string }) {
  const columns = useImportColumns(orgId);
  const [open, setOpen] = useState(true);
  return (
    <section aria-labelledby="import-columns-title">
      <Group justify="space-between" wrap="wrap" gap="xs" mb={4}>
        <Text id="import-columns-title" size="sm" fw={600} component="h2" m={0}>
          Columns and the values they take
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
          {open ? 'Hide' : 'Show'}
        </Anchor>
      </Group>
      <Collapse expanded={open}>
        <QueryState query={columns}>
          {(data) => (
            <Table verticalSpacing={6} aria-labelledby="import-columns-title" className="wrap-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w="28%">Column</Table.Th>
                  <Table.Th>What to enter</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.columns.map((c) => (
                  <Table.Tr key={c.field}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {c.header}
                        {c.required && (
                          <Text span c="red.8" size="sm">
                            {' '}
                            (required)
                          </Text>
                        )}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{c.help}</Text>
                      {c.values && (
                        <Group gap={6} mt={6} aria-label={`Allowed values for ${c.header}`} role="list">
                          {c.values.map((v) => (
                            <Badge
                              key={v.value}
                              role="listitem"
                              variant="light"
                              color="gray"
                              radius="sm"
                              tt="none"
                              fw={500}
                              className="wrap-badge"
                            >
                              {v.label}
                              {v.label.toLowerCase() !== v.value.toLowerCase() ? ` (${v.value})` : ''}
                            </Badge>
                          ))}
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </QueryState>
      </Collapse>
    </section>
  );
}
