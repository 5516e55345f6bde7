import { Button, PasswordInput, Stack } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';

interface Props {
  currentLabel?: string;
  submitLabel?: string;
  onChanged: (endedSessions: number) => void;
}

/** Current password, new password twice. Also used by the "choose a new password" page after a reset. */
export function ChangePasswordForm({ currentLabel = 'Current password', submitLabel = 'Change password', onChanged }: Props) {
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: () => unwrap(api.PUT('/api/v1/account/password', { body: { currentPassword, newPassword } })),
    onSuccess: (r) => {
      setCurrent('');
      setNew('');
      setRepeat('');
      onChanged(r.endedSessions);
    },
  });
  const errors = fieldErrorsOf(change.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const differs = newPassword !== repeat;
    setMismatch(differs);
    if (!differs) change.mutate();
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <PasswordInput
          label={currentLabel}
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          error={errors.currentPassword}
        />
        <PasswordInput
          label="New password"
          description="At least 12 characters."
          autoComplete="new-password"
          required
          value={newPassword}
          onChange={(e) => setNew(e.currentTarget.value)}
          error={errors.newPassword}
        />
        <PasswordInput
          label="Repeat the new password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
          error={mismatch ? 'does not match the new password' : undefined}
        />
        <FormError error={change.error} placed={['currentPassword', 'newPassword']} title="Password not changed" />
        <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
