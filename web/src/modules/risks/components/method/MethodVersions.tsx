import { Badge, Group, NativeSelect, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { DownloadButton } from '../../../../shared/ui/DownloadButton';
import { formatDateTime } from '../../../../shared/ui/format';
import { StatusBadge } from '../../../../shared/ui/PageHeader';
import { QueryState } from '../../../../shared/ui/QueryState';
import {
  type RiskMethodChange,
  type RiskMethodVersion,
  useRiskMethodCompare,
  useRiskMethodVersions,
} from '../../hooks/useRiskMethod';

/** A value in a comparison, short: a named item by its name or label, text cut at 120 characters. */
function short(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string') return v.length > 120 ? `${v.slice(0, 119)}…` : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(short).join(', ');
  const o = v as Record<string, unknown>;
  if (typeof o.name === 'string')
    return `${o.name}${typeof o.inUse === 'boolean' ? (o.inUse ? ' (in use)' : ' (not in use)') : ''}`;
  if (typeof o.label === 'string') return `${o.value ?? ''} ${o.label}: ${short(o.descriptor)}`;
  return short(JSON.stringify(v));
}

/** "matrix.4.0" reads "Matrix: likelihood 5, impact 1". */
function fieldLabel(field: string): string {
  const cell = /^matrix\.(\d+)\.(\d+)$/.exec(field);
  if (cell) return `Matrix: likelihood ${Number(cell[1]) + 1}, impact ${Number(cell[2]) + 1}`;
  const words = field
    .replace(/\./g, ' › ')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Changes({ orgId, from, to }: { orgId: string; from: number; to: number }) {
  const compare = useRiskMethodCompare(orgId, from, to);
  if (from === to) return null;
  return (
    <QueryState query={compare}>
      {({ changes }) =>
        changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            No differences.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table verticalSpacing={4} aria-label={`Changes from version ${from} to ${to}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Version {from}</Table.Th>
                  <Table.Th>Version {to}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {changes.map((c: RiskMethodChange) => (
                  <Table.Tr key={`${c.field}|${c.change}|${JSON.stringify(c.before)}|${JSON.stringify(c.after)}`}>
                    <Table.Td>
                      <Text size="sm">{fieldLabel(c.field)}</Text>
                      <Badge
                        size="xs"
                        variant="light"
                        color={c.change === 'added' ? 'teal' : c.change === 'removed' ? 'red' : 'blue'}
                      >
                        {c.change}
                      </Badge>
                    </Table.Td>
                    <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{short(c.before)}</Text>
                    </Table.Td>
                    <Table.Td maw={320} style={{ overflowWrap: 'anywhere' }}>
                      <Text size="sm">{short(c.after)}</Text>
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

function Compare({ orgId, versions }: { orgId: string; versions: RiskMethodVersion[] }) {
  const options = versions.map((v) => ({ value: String(v.version), label: `Version ${v.version} (${v.status})` }));
  const [from, setFrom] = useState(String(versions[1].version));
  const [to, setTo] = useState(String(versions[0].version));
  return (
    <Paper bg="var(--mantine-color-gray-0)" p="md" radius="md">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <NativeSelect
            label="Compare version"
            data={options}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            w={220}
          />
          <NativeSelect label="with version" data={options} value={to} onChange={(e) => setTo(e.currentTarget.value)} w={220} />
        </Group>
        <Changes orgId={orgId} from={Number(from)} to={Number(to)} />
      </Stack>
    </Paper>
  );
}

/** Every version of the method, newest first, and what changed between two. */
export function MethodVersions({ orgId }: { orgId: string }) {
  const versions = useRiskMethodVersions(orgId);
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="method-history-title">
      <Title order={2} fz="md" mb="md" id="method-history-title">
        Version history
      </Title>
      <QueryState query={versions}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No versions yet. The first save creates version 1 as a draft.
            </Text>
          ) : (
            <Stack gap="md">
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" aria-label="Risk method versions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Version</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Last saved</Table.Th>
                      <Table.Th>Approved by</Table.Th>
                      <Table.Th>Approved at</Table.Th>
                      <Table.Th>Note</Table.Th>
                      <Table.Th>Document</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          <Text size="sm" fw={600}>
                            Version {v.version}
                          </Text>
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
                        <Table.Td maw={260} style={{ overflowWrap: 'anywhere' }}>
                          <Text size="sm" lineClamp={2} c={v.approvalNote ? undefined : 'dimmed'}>
                            {v.approvalNote ?? '—'}
                          </Text>
                          {v.acceptedExceptions.map((e) => (
                            <Text key={`${e.code}-${e.field}`} size="xs" c="yellow.9">
                              Accepted “{e.code}”: {e.reason}
                            </Text>
                          ))}
                        </Table.Td>
                        <Table.Td>
                          <Group gap={4} wrap="nowrap">
                            {(['pdf', 'docx'] as const).map((format) => (
                              <DownloadButton
                                key={format}
                                size="compact-xs"
                                variant="default"
                                aria-label={`Version ${v.version} as ${format === 'pdf' ? 'PDF' : 'Word DOCX'}`}
                                href={`/api/v1/orgs/${orgId}/risk-method/versions/${v.version}/document?format=${format}`}
                              >
                                {format.toUpperCase()}
                              </DownloadButton>
                            ))}
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {items.length > 1 && <Compare orgId={orgId} versions={items} />}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
