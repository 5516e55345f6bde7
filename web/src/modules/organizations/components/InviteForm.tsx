import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../shared/api';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useInviteMember } from '../hooks/useMembers';
import { RoleSelect } from './RoleSelect';

const EMPTY = { email: '', role: 'contributor' as Role, expiresAt: '' };

/**
 * Invites someone by email. The answer is the same whether or not they have
 * an account; they join when they accept the link (emailed when the server
 * sends email, and shown here to pass on).
 */
export function InviteForm({
  orgId,
  canMakeOwner,
  onInvited,
}: {
  orgId: string;
  canMakeOwner: boolean;
  onInvited: (invited: { email: string; acceptUrl: string; emailed: boolean }) => void;
}) {
  const [form, setForm] = useState(EMPTY);
  const invite = useInviteMember(orgId);
  const errors = invite.fieldErrors;
  const guard = useLeaveGuard(useDirty(form).dirty);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (invite.isPending) return;
    invite.mutate(
      {
        email: form.email,
        role: form.role,
        ...(form.expiresAt ? { expiresAt: new Date(form.expiresAt).toISOString() } : {}),
      },
      {
        onSuccess: (r) => {
          setForm(EMPTY);
          onInvited({ email: r.invitation.email, acceptUrl: r.acceptUrl, emailed: r.invitation.emailState !== 'none' });
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Invite member">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <TextInput
            label="Email"
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={errors.email}
          />
          <RoleSelect
            label="Role"
            value={form.role}
            onChange={(role) => setForm({ ...form, role })}
            excluded={canMakeOwner ? [] : ['owner']}
            error={errors.role}
          />
          <TextInput
            label="Access ends (optional)"
            description="For external auditors: time-boxed access."
            type="datetime-local"
            value={form.expiresAt}
            onChange={(e) => setForm({ ...form, expiresAt: e.currentTarget.value })}
            error={errors.expiresAt}
          />
        </SimpleGrid>
        <FormError error={invite.error} placed={['email', 'role', 'expiresAt']} title="Not invited" />
        <Group justify="flex-end">
          <Button type="submit" loading={invite.isPending}>
            Invite
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="The invitation" />
    </form>
  );
}
