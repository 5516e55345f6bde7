import { Alert, Paper, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import { errorMessage } from '../../../shared/problem';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { AddMemberForm } from '../components/AddMemberForm';
import { ConfirmRemoveMember } from '../components/ConfirmRemoveMember';
import { MembersTable } from '../components/MembersTable';
import { type Member, useMembers } from '../../../shared/org/orgData';
import { useRemoveMember, useUpdateMember } from '../hooks/useMembers';

export function MembersPage() {
  const { org, role, can } = useOrg();
  const session = useCurrentSession();
  const members = useMembers(org.id);
  const update = useUpdateMember(org.id);
  const remove = useRemoveMember(org.id);
  const [removing, setRemoving] = useState<Member | null>(null);
  const manageable = can('admin');
  const canMakeOwner = role === 'owner';
  const actionError = update.error ?? remove.error;

  return (
    <Stack gap="lg" maw={1100}>
      <PageHeader
        eyebrow="Organization"
        title="Members"
        description="People with access to this organization and what their role lets them do. Owners and admins manage members."
      />
      {actionError && (
        <Alert
          color="red"
          variant="light"
          title="Change not saved"
          role="alert"
          withCloseButton
          onClose={() => (update.error ? update.reset() : remove.reset())}
        >
          {errorMessage(actionError)}
        </Alert>
      )}
      <Paper withBorder radius="md" p="md">
        <QueryState query={members}>
          {(data) => (
            <MembersTable
              members={data.items}
              currentUserId={session.user.id}
              manageable={manageable}
              canMakeOwner={canMakeOwner}
              busyUserId={update.isPending ? update.variables?.userId : undefined}
              onRoleChange={(m, newRole) => update.mutate({ userId: m.userId, body: { role: newRole } })}
              onRemove={setRemoving}
            />
          )}
        </QueryState>
      </Paper>
      {manageable && (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="md" mb="md">
            Add member
          </Title>
          <AddMemberForm orgId={org.id} canMakeOwner={canMakeOwner} />
        </Paper>
      )}
      <ConfirmRemoveMember
        member={removing}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing, { onSettled: () => setRemoving(null) })}
      />
    </Stack>
  );
}
