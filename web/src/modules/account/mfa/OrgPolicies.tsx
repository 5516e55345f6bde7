import { Alert, Group, Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCurrentSession } from '../../../app/auth/session';
import { api, unwrap } from '../../../shared/api';
import { errorMessage } from '../../../shared/problem';
import { mfaKey } from './useMfa';

/**
 * The organizations you own or administer, each with its switch to require
 * two-step verification of every member. Kept beside your own setting: the
 * server refuses to turn it on until you have it yourself.
 */
export function OrgPolicies() {
  const session = useCurrentSession();
  const managed = session.organizations.filter((o) => o.role === 'owner' || o.role === 'admin');
  if (managed.length === 0) return null;
  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="md" mb="xs">
        Organizations you manage
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        When required, members without two-step verification (and their API tokens) can reach only their account pages until they
        set it up.
      </Text>
      <Stack gap="sm">
        {managed.map((o) => (
          <OrgPolicySwitch key={o.id} orgId={o.id} name={o.name} />
        ))}
      </Stack>
    </Paper>
  );
}

function OrgPolicySwitch({ orgId, name }: { orgId: string; name: string }) {
  const client = useQueryClient();
  const key = ['orgs', orgId, 'mfa-policy'] as const;
  const policy = useQuery({
    queryKey: key,
    queryFn: () => unwrap(api.GET('/api/v1/orgs/{orgId}/mfa-policy', { params: { path: { orgId } } })),
  });
  const save = useMutation({
    mutationFn: (required: boolean) =>
      unwrap(api.PUT('/api/v1/orgs/{orgId}/mfa-policy', { params: { path: { orgId } }, body: { required } })),
    onSuccess: (p) => {
      client.setQueryData(key, p);
      client.invalidateQueries({ queryKey: mfaKey });
    },
  });
  return (
    <Stack gap={4}>
      <Group justify="space-between" wrap="nowrap">
        <Text size="sm" fw={500}>
          {name}
        </Text>
        <Switch
          label="Require two-step verification"
          labelPosition="left"
          checked={policy.data?.required ?? false}
          disabled={!policy.data || save.isPending}
          onChange={(e) => save.mutate(e.currentTarget.checked)}
        />
      </Group>
      {(save.error || policy.error) && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error ?? policy.error)}
        </Alert>
      )}
    </Stack>
  );
}
