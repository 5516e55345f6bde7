import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../../shared/ui/format';
import type { ReadinessSampleRow } from '../hooks/useReadiness';
import { SAMPLE_COLORS, SAMPLE_LABELS } from '../labels';

/** The evidence an auditor would pick today: per applicable control, up to three items, each current or stale. */
export function SampleTable({ orgId, rows }: { orgId: string; rows: ReadinessSampleRow[] }) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        No applicable control to sample yet: decide which controls apply in the{' '}
        <Anchor component={Link} to={`/orgs/${orgId}/soa`}>
          Statement of Applicability
        </Anchor>
        .
      </Text>
    );
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing="xs" aria-label="Evidence sample">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Control</Table.Th>
            <Table.Th>Sample</Table.Th>
            <Table.Th w={110}>Result</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.controlId}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {r.controlId}
                </Text>
                <Text size="xs" c="dimmed">
                  {r.title}
                </Text>
              </Table.Td>
              <Table.Td>
                {r.items.length === 0 ? (
                  <Anchor component={Link} to={`/orgs/${orgId}/evidence/new`} size="sm">
                    File evidence
                  </Anchor>
                ) : (
                  <Stack gap={2}>
                    {r.items.map((i) => (
                      <Text size="sm" key={i.id}>
                        <Anchor component={Link} to={i.href}>
                          {i.number}
                        </Anchor>{' '}
                        {i.title}
                        {i.status === 'stale' && (
                          <Text span c="orange" size="xs">
                            {' '}
                            expired {formatDate(i.validUntil)}
                          </Text>
                        )}
                      </Text>
                    ))}
                    <Text size="xs" c="dimmed">
                      {r.items.length} of {r.linked} linked
                    </Text>
                  </Stack>
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={SAMPLE_COLORS[r.status]} variant="light">
                  {SAMPLE_LABELS[r.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
