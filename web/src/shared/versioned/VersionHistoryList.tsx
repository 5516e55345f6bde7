import { Anchor, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { type ReactNode, useId } from 'react';
import { Link } from 'react-router';
import { DownloadButton } from '../ui/DownloadButton';
import { formatDateTime } from '../ui/format';
import { StatusBadge } from '../ui/PageHeader';
import { QueryState } from '../ui/QueryState';
import { CompareVersionsPicker } from './CompareVersionsPicker';
import type { VersionSummary } from './types';
import { capitalized } from './words';

const FORMATS = { pdf: 'PDF', docx: 'Word DOCX' } as const;
export type DocumentFormat = keyof typeof FORMATS;

interface Props {
  /** useQuery(record.versions) */
  query: UseQueryResult<{ items: VersionSummary[] }>;
  /** the record in a few words, lower case: "scope" names the table "Scope versions" */
  what: string;
  /** a version's own page: the version number links to it */
  versionHref?: (version: number) => string;
  /** a version as a document: a Document column with PDF and DOCX downloads */
  documentHref?: (version: number, format: DocumentFormat) => string;
  /** compare on a page of its own: the picker's Compare button goes there */
  onCompare?: (from: number, to: number) => void;
  /** or compare here: the changes between the two picked versions */
  changes?: (from: number, to: number) => ReactNode;
}

function AcceptedReasons({ v, listed }: { v: VersionSummary; listed: boolean }) {
  const n = v.acceptedExceptions.length;
  if (n === 0) return null;
  // with a page of its own the version shows them there; else the reasons are read here
  if (!listed)
    return (
      <Text size="xs" c="yellow.9">
        {n === 1 ? '1 warning accepted with a reason' : `${n} warnings accepted with reasons`}
      </Text>
    );
  return v.acceptedExceptions.map((e) => (
    <Text key={`${e.code}-${e.field}`} size="xs" c="yellow.9">
      Accepted “{e.code}”: {e.reason}
    </Text>
  ));
}

/** Every version of the record, newest first, with who approved it and when, and a comparison of two. */
export function VersionHistoryList({ query, what, versionHref, documentHref, onCompare, changes }: Props) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby={titleId}>
      <Title order={2} fz="md" mb="md" id={titleId}>
        Version history
      </Title>
      <QueryState query={query}>
        {({ items }) =>
          items.length === 0 ? (
            <Text size="sm" c="dimmed">
              No versions yet. The first save creates version 1 as a draft.
            </Text>
          ) : (
            <Stack gap="md">
              <Table.ScrollContainer minWidth={documentHref ? 760 : 640}>
                <Table verticalSpacing="xs" aria-label={`${capitalized(what)} versions`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Version</Table.Th>
                      <Table.Th>Status</Table.Th>
                      <Table.Th>Last saved</Table.Th>
                      <Table.Th>Approved by</Table.Th>
                      <Table.Th>Approved at</Table.Th>
                      <Table.Th>Note</Table.Th>
                      {documentHref && <Table.Th>Document</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((v) => (
                      <Table.Tr key={v.id}>
                        <Table.Td>
                          {versionHref ? (
                            <Anchor component={Link} to={versionHref(v.version)} size="sm" fw={600}>
                              Version {v.version}
                            </Anchor>
                          ) : (
                            <Text size="sm" fw={600}>
                              Version {v.version}
                            </Text>
                          )}
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
                          <AcceptedReasons v={v} listed={!versionHref} />
                        </Table.Td>
                        {documentHref && (
                          <Table.Td>
                            <Group gap={4} wrap="nowrap">
                              {(Object.keys(FORMATS) as DocumentFormat[]).map((format) => (
                                <DownloadButton
                                  key={format}
                                  size="compact-xs"
                                  variant="default"
                                  aria-label={`Version ${v.version} as ${FORMATS[format]}`}
                                  href={documentHref(v.version, format)}
                                >
                                  {format.toUpperCase()}
                                </DownloadButton>
                              ))}
                            </Group>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
              {items.length > 1 && (onCompare || changes) && (
                <Paper bg="var(--mantine-color-gray-0)" p="md" radius="md">
                  <CompareVersionsPicker versions={items} onCompare={onCompare}>
                    {changes}
                  </CompareVersionsPicker>
                </Paper>
              )}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}
