import { Button, Group, PasswordInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Role } from '../../../shared/api';
import { FormError } from '../../../shared/ui/FormError';
import { LeaveGuardModal } from '../../../shared/ui/LeaveGuardModal';
import { useDirty, useLeaveGuard } from '../../../shared/ui/useLeaveGuard';
import { useInviteMember } from '../hooks/useMembers';
import { RoleSelect } from './RoleSelect';

const EMPTY = { email: '', role: 'contributor' as Role, name: '', password: '', expiresAt: '' };

/** Adds an existing account by email, or creates one with a name and initial password. */
export function AddMemberForm({ orgId, canMakeOwner }: { orgId: string; canMakeOwner: boolean }) {
  const [form, setForm] = useState(EMPTY);
  const add = useInviteMember(orgId);
  const errors = add.fieldErrors;
  const guard = useLeaveGuard(useDirty(form).dirty);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (add.isPending) return;
    add.mutate(
      {
        email: form.email,
        role: form.role,
        ...(form.name.trim() ? { name: form.name.trim() } : {}),
        ...(form.password ? { password: form.password } : {}),
        ...(form.expiresAt ? { expiresAt: new Date(form.expiresAt).toISOString() } : {}),
      },
      { onSuccess: () => setForm(EMPTY) },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add member">
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
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
            label="Name"
            description="Only for someone without an account yet."
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={errors.name}
          />
          <PasswordInput
            label="Initial password"
            description="Only for a new account; at least 12 characters. Share it privately."
            autoComplete="new-password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.currentTarget.value })}
            error={errors.password}
          />
          {form.role === 'auditor' && (
            <TextInput
              label="Access ends"
              description="External auditors get time-boxed access."
              type="datetime-local"
              value={form.expiresAt}
              onChange={(e) => setForm({ ...form, expiresAt: e.currentTarget.value })}
              error={errors.expiresAt}
            />
          )}
        </SimpleGrid>
        <FormError error={add.error} placed={['email', 'role', 'name', 'password', 'expiresAt']} title="Member not added" />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            Add member
          </Button>
        </Group>
      </Stack>
      <LeaveGuardModal guard={guard} what="The new member" />
    </form>
  );
}
