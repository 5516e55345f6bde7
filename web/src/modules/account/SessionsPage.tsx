import { Alert, Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForgetSession } from '../../app/auth/session';
import { api, unwrap } from '../../shared/api';
import { errorMessage } from '../../shared/problem';
import { ConfirmModal } from '../../shared/ui/ConfirmModal';
import { formatDateTime } from '../../shared/ui/format';
import { QueryState } from '../../shared/ui/QueryState';
import { AccountLayout } from './AccountLayout';

const sessionsKey = ['account', 'sessions'] as const;

/** "Firefox on Linux" from a user agent, or the raw string when it is unusual. */
function describeAgent(ua: string | null): string {
  if (!ua) return 'Unknown';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : null;
  const os = /Windows/.test(ua)
    ? 'Windows'
    : /Android/.test(ua)
      ? 'Android'
      : /iPhone|iPad/.test(ua)
        ? 'iOS'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : null;
  return browser ? `${browser}${os ? ` on ${os}` : ''}` : ua.slice(0, 60);
}

export function SessionsPage() {
  const client = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => unwrap(api.GET('/api/v1/account/sessions')) });
  const refresh = () => client.invalidateQueries({ queryKey: sessionsKey });
  const endOne = useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/account/sessions/{sessionId}', { params: { path: { sessionId: id } } })),
    onSettled: refresh,
  });
  const endOthers = useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/account/sessions')),
    onSettled: refresh,
  });
  // Every session ends, this one too; forgetting it sends the page to sign-in (RequireSession).
  const forget = useForgetSession();
  const [confirming, setConfirming] = useState(false);
  const everywhere = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/account/sign-out-everywhere', { body: {} })),
    onSuccess: () => forget(),
  });
  const error = endOne.error ?? endOthers.error;

  return (
    <AccountLayout>
      <Stack gap="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed" maw={620}>
            Where you are signed in. End a session you do not recognise, then change your password.
          </Text>
          <Group gap="xs">
            <Button variant="default" color="red" onClick={() => endOthers.mutate()} loading={endOthers.isPending}>
              Sign out all other sessions
            </Button>
            <Button color="red" onClick={() => setConfirming(true)}>
              Sign out everywhere
            </Button>
          </Group>
        </Group>
        <ConfirmModal
          opened={confirming}
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          busy={everywhere.isPending}
          error={everywhere.error}
          onConfirm={() => everywhere.mutate()}
          onClose={() => setConfirming(false)}
        >
          Every session ends, this one included, and you go back to the sign-in page. Your API tokens keep working: revoke them on
          the tokens page if they may be in the wrong hands.
        </ConfirmModal>
        {error && (
          <Alert color="red" variant="light" title="Not done" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        <Paper withBorder radius="md" p="md">
          <QueryState query={sessions}>
            {(data) => (
              <Table.ScrollContainer minWidth={640}>
                <Table verticalSpacing="sm" aria-label="Your sessions">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>Browser</Table.Th>
                      <Table.Th>IP address</Table.Th>
                      <Table.Th>Signed in</Table.Th>
                      <Table.Th>Last seen</Table.Th>
                      <Table.Th />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {data.items.map((s) => (
                      <Table.Tr key={s.id}>
                        <Table.Td>
                          <Group gap="xs">
                            <Text size="sm" title={s.userAgent ?? undefined}>
                              {describeAgent(s.userAgent)}
                            </Text>
                            {s.current && (
                              <Badge color="teal" variant="light" radius="sm">
                                This session
                              </Badge>
                            )}
                          </Group>
                        </Table.Td>
                        <Table.Td>{s.ip ?? 'Unknown'}</Table.Td>
                        <Table.Td>{formatDateTime(s.createdAt)}</Table.Td>
                        <Table.Td>{formatDateTime(s.lastSeenAt)}</Table.Td>
                        <Table.Td ta="right">
                          {!s.current && (
                            <Button
                              size="xs"
                              variant="subtle"
                              color="red"
                              loading={endOne.isPending && endOne.variables === s.id}
                              onClick={() => endOne.mutate(s.id)}
                            >
                              Sign out
                            </Button>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </QueryState>
        </Paper>
      </Stack>
    </AccountLayout>
  );
}
