import { Alert, Button, Code, CopyButton, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useCurrentSession } from '../../../app/auth/session';
import { useOrg } from '../../../app/orgs/OrgContext';
import { errorMessage } from '../../../shared/problem';
import { PageHeader } from '../../../shared/ui/PageHeader';
import { QueryState } from '../../../shared/ui/QueryState';
import { ConfirmDisableMember } from '../components/ConfirmDisableMember';
import { ConfirmRemoveMember } from '../components/ConfirmRemoveMember';
import { InvitedLinkModal } from '../components/InvitedLinkModal';
import { InviteForm } from '../components/InviteForm';
import { MembersTable } from '../components/MembersTable';
import { PendingInvitations } from '../components/PendingInvitations';
import { type Member, useMembers } from '../../../shared/org/orgData';
import {
  useInvitations,
  useRemoveMember,
  useResetMemberPassword,
  useRevokeInvitation,
  useSetMemberDisabled,
  useUnlockMember,
  useUpdateMember,
} from '../hooks/useMembers';

export function MembersPage() {
  const { org, role, can } = useOrg();
  const session = useCurrentSession();
  const members = useMembers(org.id);
  const update = useUpdateMember(org.id);
  const remove = useRemoveMember(org.id);
  const reset = useResetMemberPassword(org.id);
  const unlock = useUnlockMember(org.id);
  const setDisabled = useSetMemberDisabled(org.id);
  const revoke = useRevokeInvitation(org.id);
  const [temporary, setTemporary] = useState<{ name: string; password: string } | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [disabling, setDisabling] = useState<Member | null>(null);
  const [invited, setInvited] = useState<{ email: string; acceptUrl: string; emailed: boolean } | null>(null);
  const manageable = can('admin');
  const invitations = useInvitations(org.id, manageable);
  const canMakeOwner = role === 'owner';
  const actionError = update.error ?? remove.error ?? reset.error ?? unlock.error ?? setDisabled.error ?? revoke.error;

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
          onClose={() => {
            update.reset();
            remove.reset();
            reset.reset();
            unlock.reset();
            setDisabled.reset();
            revoke.reset();
          }}
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
              onResetPassword={(m) =>
                reset.mutate(m, { onSuccess: (r) => setTemporary({ name: m.name, password: r.temporaryPassword }) })
              }
              onUnlock={(m) => unlock.mutate(m)}
              onSetDisabled={(m, disable) => (disable ? setDisabling(m) : setDisabled.mutate({ member: m, disable: false }))}
            />
          )}
        </QueryState>
      </Paper>
      {manageable && (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="md" mb={4}>
            Invite
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The person joins when they accept the invitation; until then they see nothing of this organization.
          </Text>
          <InviteForm orgId={org.id} canMakeOwner={canMakeOwner} onInvited={setInvited} />
        </Paper>
      )}
      {manageable && (
        <Paper withBorder radius="md" p="lg">
          <Title order={2} fz="md" mb="md">
            Pending invitations
          </Title>
          <QueryState query={invitations}>
            {(data) => (
              <PendingInvitations
                items={data.items}
                canRevokeOwner={canMakeOwner}
                onRevoke={(i) => revoke.mutate(i)}
                busyId={revoke.isPending ? revoke.variables?.id : undefined}
              />
            )}
          </QueryState>
        </Paper>
      )}
      <InvitedLinkModal invited={invited} onClose={() => setInvited(null)} />
      <ConfirmDisableMember
        member={disabling}
        busy={setDisabled.isPending}
        onCancel={() => setDisabling(null)}
        onConfirm={() =>
          disabling && setDisabled.mutate({ member: disabling, disable: true }, { onSettled: () => setDisabling(null) })
        }
      />
      <Modal opened={temporary !== null} onClose={() => setTemporary(null)} title="Temporary password">
        {temporary && (
          <Stack gap="sm">
            <Text size="sm">
              Give this one-time password to {temporary.name} in person or over a channel you trust. It is shown only now; they
              must choose their own at the next sign-in, and their other sessions have ended.
            </Text>
            <Code block fz="md">
              {temporary.password}
            </Code>
            <Group justify="flex-end">
              <CopyButton value={temporary.password}>
                {({ copied, copy }) => (
                  <Button variant="light" onClick={copy}>
                    {copied ? 'Copied' : 'Copy'}
                  </Button>
                )}
              </CopyButton>
              <Button onClick={() => setTemporary(null)}>Done</Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConfirmRemoveMember
        member={removing}
        busy={remove.isPending}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate(removing, { onSettled: () => setRemoving(null) })}
      />
    </Stack>
  );
}
