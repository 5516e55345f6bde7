import { Alert, Badge, Button, Group, Progress, Stack, Table, Text } from '@mantine/core';
import { useCurrentSession } from '../../../app/auth/session';
import { formatDateTime } from '../../../shared/ui/format';
import { QueryState } from '../../../shared/ui/QueryState';
import { SectionCard } from '../../../shared/ui/SectionCard';
import type { Document } from '../hooks/useDocuments';
import { useAcknowledge, useAcknowledgements } from '../hooks/useDocumentContent';

/**
 * A policy people must confirm they read (Annex A.2.2): the current user's
 * "I have read it" for the approved version, and who in the audience has,
 * for that version or only an earlier one.
 */
export function AcknowledgementsCard({ orgId, document: doc }: { orgId: string; document: Document }) {
  const { user } = useCurrentSession();
  const acks = useAcknowledgements(orgId, doc.id);
  const acknowledge = useAcknowledge(orgId, doc.id);
  return (
    <SectionCard
      title="Acknowledgements"
      description="Each member of the audience confirms they have read the approved version; a new version asks again."
    >
      <QueryState query={acks}>
        {(a) => {
          if (a.version === null)
            return (
              <Text size="sm" c="dimmed">
                Asked once a version is approved.
              </Text>
            );
          const mine = a.audience.find((m) => m.userId === user.id);
          return (
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm" fw={600} role="status" aria-live="polite">
                  {a.acknowledged} of {a.total} acknowledged version {a.version}
                </Text>
                {mine && !mine.current && doc.status !== 'retired' && (
                  <Button size="sm" loading={acknowledge.isPending} onClick={() => acknowledge.mutate(a.version as number)}>
                    I have read version {a.version}
                  </Button>
                )}
                {mine?.current && (
                  <Badge color="teal" variant="light" tt="none">
                    You acknowledged version {a.version}
                  </Badge>
                )}
              </Group>
              <Progress value={a.total ? (a.acknowledged / a.total) * 100 : 0} color="teal" aria-hidden />
              {!mine && (
                <Alert variant="light" color="gray">
                  You are not in this policy's audience.
                </Alert>
              )}
              <Table.ScrollContainer minWidth={420}>
                <Table verticalSpacing={4} aria-label="Who acknowledged">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Member</Table.Th>
                      <Table.Th>Version</Table.Th>
                      <Table.Th>When</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {a.audience.map((m) => (
                      <Table.Tr key={m.userId}>
                        <Table.Td>
                          <Text size="sm">{m.name}</Text>
                        </Table.Td>
                        <Table.Td>
                          {m.acknowledgedVersion === null ? (
                            <Text size="sm" c="orange.8">
                              Not yet
                            </Text>
                          ) : (
                            <Text size="sm" c={m.current ? undefined : 'orange.8'}>
                              Version {m.acknowledgedVersion}
                              {m.current ? '' : ' (earlier)'}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{m.acknowledgedAt ? formatDateTime(m.acknowledgedAt) : '—'}</Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Stack>
          );
        }}
      </QueryState>
    </SectionCard>
  );
}
