import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, type Schemas, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { ConfirmModal } from '../../shared/ui/ConfirmModal';
import { FormError } from '../../shared/ui/FormError';
import { formatDateTime } from '../../shared/ui/format';
import { QueryState } from '../../shared/ui/QueryState';
import { AccountLayout } from './AccountLayout';

type ApiToken = Schemas['ApiToken'];
const tokensKey = ['account', 'tokens'] as const;
const EXPIRY = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

function status(t: ApiToken): { label: string; color: string } {
  if (t.revokedAt) return { label: 'Revoked', color: 'gray' };
  if (t.expiresAt && t.expiresAt <= new Date().toISOString()) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'teal' };
}

export function TokensPage() {
  const client = useQueryClient();
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => unwrap(api.GET('/api/v1/tokens')) });
  const [name, setName] = useState('');
  const [expiry, setExpiry] = useState('90');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const create = useMutation({
    mutationFn: () => {
      const expiresAt = expiry === 'never' ? null : new Date(Date.now() + Number(expiry) * 86_400_000).toISOString();
      return unwrap(api.POST('/api/v1/tokens', { body: { name, expiresAt } }));
    },
    onSuccess: () => {
      setName('');
      client.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrap(api.DELETE('/api/v1/tokens/{tokenId}', { params: { path: { tokenId: id } } })),
    onSuccess: () => {
      setRevoking(null);
      client.invalidateQueries({ queryKey: tokensKey });
    },
  });
  const errors = fieldErrorsOf(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };

  return (
    <AccountLayout>
      <Stack gap="lg">
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="md" mb="xs">
            Create a token
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Scripts send it as <Code>Authorization: Bearer …</Code> and act as you, with your roles.
          </Text>
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="md">
              <TextInput
                label="Name"
                placeholder="e.g. CI evidence upload"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                error={errors.name}
                w={320}
              />
              <Select
                label="Expires after"
                data={EXPIRY}
                value={expiry}
                onChange={(v) => setExpiry(v ?? '90')}
                allowDeselect={false}
                error={errors.expiresAt}
                w={160}
              />
              <Button type="submit" loading={create.isPending} mt={25}>
                Create token
              </Button>
            </Group>
            <FormError error={create.error} placed={['name', 'expiresAt']} title="Token not created" />
          </form>
          {create.data && (
            <Alert color="teal" variant="light" title={`Token "${create.data.name}" created`} mt="md" role="status">
              <Stack gap="xs">
                <Text size="sm">Copy it now: it is shown once and cannot be shown again.</Text>
                <Group gap="sm" wrap="nowrap">
                  <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="new-token">
                    {create.data.token}
                  </Code>
                  <CopyButton value={create.data.token}>
                    {({ copied, copy }) => (
                      <Button size="xs" variant="light" onClick={copy}>
                        {copied ? 'Copied' : 'Copy'}
                      </Button>
                    )}
                  </CopyButton>
                </Group>
              </Stack>
            </Alert>
          )}
        </Paper>
        <Paper withBorder radius="md" p="md">
          <QueryState query={tokens}>
            {(data) =>
              data.items.length === 0 ? (
                <Text size="sm" c="dimmed">
                  You have no API tokens.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={720}>
                  <Table verticalSpacing="sm" aria-label="Your API tokens">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Name</Table.Th>
                        <Table.Th>Starts with</Table.Th>
                        <Table.Th>Created</Table.Th>
                        <Table.Th>Last used</Table.Th>
                        <Table.Th>Expires</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.items.map((t) => {
                        const s = status(t);
                        return (
                          <Table.Tr key={t.id}>
                            <Table.Td>{t.name}</Table.Td>
                            <Table.Td>
                              <Code>{t.prefix}…</Code>
                            </Table.Td>
                            <Table.Td>{formatDateTime(t.createdAt)}</Table.Td>
                            <Table.Td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Never'}</Table.Td>
                            <Table.Td>{t.expiresAt ? formatDateTime(t.expiresAt) : 'Never'}</Table.Td>
                            <Table.Td>
                              <Badge color={s.color} variant="light" radius="sm">
                                {s.label}
                              </Badge>
                            </Table.Td>
                            <Table.Td ta="right">
                              {s.label === 'Active' && (
                                <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(t)}>
                                  Revoke
                                </Button>
                              )}
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )
            }
          </QueryState>
        </Paper>
      </Stack>
      <ConfirmModal
        opened={revoking !== null}
        title="Revoke API token"
        confirmLabel="Revoke"
        busy={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id)}
        onClose={() => {
          setRevoking(null);
          revoke.reset();
        }}
      >
        Scripts using “{revoking?.name}” will be refused from now on. This cannot be undone.
      </ConfirmModal>
    </AccountLayout>
  );
}
