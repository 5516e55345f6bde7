import { Anchor, Button, Group, NativeSelect, Paper, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../shared/ui/format';
import { StatusBadge } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { type ScopeVersion, useScopeVersions } from '../hooks/useScope';

function CompareForm({ orgId, versions }: { orgId: string; versions: ScopeVersion[] }) {
  const navigate = useNavigate();
  const numbers = versions.map((v) => v.version);
  const [to, setTo] = useState(String(numbers[0]));
  const [from, setFrom] = useState(String(numbers[1]));
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${v.status})` }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        navigate(`/orgs/${orgId}/scope/compare?from=${from}&to=${to}`);
      }}
    >
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label="Compare version"
          data={options}
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
          w={220}
        />
        <NativeSelect label="with version" data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={220} />
        <Button type="submit" variant="default" disabled={from === to}>
          Compare
        </Button>
      </Group>
    </form>
  );
}

/** Every version of the scope, newest first, with who approved it and when. */
export function VersionHistory({ orgId }: { orgId: string }) {
  const versions = useScopeVersions(orgId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="scope-history-title">
      <Title order={2} fz="md" mb="md" id="scope-history-title">
        Version history
      </Title>
      <QueryState query={versions}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No versions yet. The first save creates version 1 as a draft.
            </Text>
          ) : (
            <>
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="xs" aria-label="Scope versions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Version</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Last saved</Table.Th>
                      <Table.Th>Approved by</Table.Th>
                      <Table.Th>Approved at</Table.Th>
                      <Table.Th>Note</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          <Anchor component={Link} to={`/orgs/${orgId}/scope/versions/${v.version}`} size="sm" fw={600}>
                            Version {v.version}
                          </Anchor>
                        </Table.Td>
                        <Table.Td>
                          <StatusBadge status={v.status} />
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{formatDateTime(v.updatedAt)}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{v.approvedByName ?? '—'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{v.approvedAt ? formatDateTime(v.approvedAt) : '—'}</Text>
                        </Table.Td>
                        <Table.Td maw={240}>
                          <Text size="sm" lineClamp={2} c={v.approvalNote ? undefined : 'dimmed'}>
                            {v.approvalNote ?? '—'}
                          </Text>
                          {v.acceptedExceptions.length > 0 && (
                            <Text size="xs" c="yellow.9">
                              {v.acceptedExceptions.length === 1
                                ? '1 warning accepted with a reason'
                                : `${v.acceptedExceptions.length} warnings accepted with reasons`}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {items.length > 1 && (
                <Paper bg="var(--mantine-color-gray-0)" p="md" mt="md" radius="md">
                  <CompareForm orgId={orgId} versions={items} />
                </Paper>
              )}
            </>
          )
        }
      </QueryState>
    </Paper>
  );
}
