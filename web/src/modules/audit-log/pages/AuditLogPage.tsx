import { Alert, Button, Center, Paper, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useOrg } from '../../../app/orgs/OrgContext';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AuditEntryRow } from '../components/AuditEntryRow';
import { useAuditLog } from '../hooks/useAuditLog';

export function AuditLogPage() {
  const { org, can } = useOrg();
  const log = useAuditLog(org.id);

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        eyebrow="Organization"
        title="Audit log"
        description="Every change to this organization's records, newest first, with who made it and what changed. Entries are append-only and hash-chained."
      />
      {!can('audit') && (
        <Alert color="gray" variant="light" role="status">
          The audit log is open to owners, admins and auditors.
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <QueryState query={log}>
          {(data) => {
            const entries = data.pages.flatMap((p) => p.items);
            if (entries.length === 0) {
              return (
                <Text c="dimmed" size="sm" ta="center" py="lg">
                  No changes recorded yet.
                </Text>
              );
            }
            return (
              <>
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>When</Table.Th>
                        <Table.Th>Who</Table.Th>
                        <Table.Th>Action</Table.Th>
                        <Table.Th>Record</Table.Th>
                        <Table.Th>
                          <VisuallyHidden>Details</VisuallyHidden>
                        </Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {entries.map((entry) => (
                        <AuditEntryRow key={entry.seq} entry={entry} />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Center pt="md">
                  {log.hasNextPage ? (
                    <Button variant="default" onClick={() => log.fetchNextPage()} loading={log.isFetchingNextPage}>
                      Load more
                    </Button>
                  ) : (
                    <Text size="xs" c="dimmed">
                      {entries.length} {entries.length === 1 ? 'entry' : 'entries'}, the beginning of the log.
                    </Text>
                  )}
                </Center>
              </>
            );
          }}
        </QueryState>
      </Paper>
    </Stack>
  );
}
