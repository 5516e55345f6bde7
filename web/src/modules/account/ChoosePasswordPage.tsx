import { Anchor, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Navigate, useNavigate } from 'react-router';
import { AuthLayout } from '../../app/auth/AuthLayout';
import { sessionKey, useCurrentSession, useForgetSession } from '../../app/auth/session';
import { api, type Session, unwrap } from '../../shared/api';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * After an administrator's reset: the temporary password works only to reach
 * this page, and every other page sends the user here until it is replaced.
 */
export function ChoosePasswordPage() {
  const session = useCurrentSession();
  const client = useQueryClient();
  const navigate = useNavigate();
  const forget = useForgetSession();
  const signOut = useMutation({ mutationFn: () => unwrap(api.DELETE('/api/v1/session')), onSettled: () => forget() });
  if (!session.mustChangePassword) return <Navigate to="/" replace />;

  return (
    <AuthLayout
      title="Choose a new password"
      subtitle="Your password was set by an administrator. Choose your own before you continue."
    >
      <Stack gap="md">
        <ChangePasswordForm
          currentLabel="Temporary password"
          submitLabel="Save and continue"
          onChanged={() => {
            client.setQueryData<Session | null>(sessionKey, (s) => (s ? { ...s, mustChangePassword: false } : s));
            navigate('/', { replace: true });
          }}
        />
        <Text size="sm" c="dimmed">
          Not you?{' '}
          <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()}>
            Sign out
          </Anchor>
        </Text>
      </Stack>
    </AuthLayout>
  );
}
