import { Alert, Anchor, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';
import { formatDateTime } from '../../shared/ui/format';
import { ROLE_LABELS } from '../orgs/permissions';
import { AuthLayout } from './AuthLayout';
import { useAcceptSession, useForgetSession, useSession } from './session';

// The page an invitation link opens (public, outside the app shell). Signed
// in as the invited email: one button joins. Not signed in: create the
// account here, or sign in first when the email already has one. The
// organization shows nothing more than its name until the person accepts.

export function InvitePage() {
  const { token = '' } = useParams();
  const session = useSession();
  const acceptSession = useAcceptSession();
  const forget = useForgetSession();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const preview = useQuery({
    queryKey: ['invitation', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/{token}', { params: { path: { token } } })),
    retry: false,
  });
  const accept = useMutation({
    mutationFn: (body: { name?: string; password?: string }) =>
      unwrap(api.POST('/api/v1/invitations/{token}/accept', { params: { path: { token } }, body })),
    onSuccess: async (r) => {
      // the session now lists the organization (and, for a new account, exists at all)
      acceptSession(await unwrap(api.GET('/api/v1/session')));
      navigate(`/orgs/${r.organization.id}`, { replace: true });
    },
  });
  const signOut = useMutation({ mutationFn: () => unwrap(api.DELETE('/api/v1/session')), onSettled: () => forget() });
  const here = `/invite/${token}`;

  if (preview.isPending || session.isPending) {
    return (
      <AuthLayout title="Invitation">
        <Loader size="sm" aria-label="Loading" />
      </AuthLayout>
    );
  }
  if (preview.isError || !preview.data) {
    return (
      <AuthLayout title="This invitation cannot be used">
        <Text size="sm">
          The link is unknown, has expired, was revoked or was already used. Ask the person who invited you for a new one.
        </Text>
        <Anchor component={Link} to="/sign-in" size="sm" mt="md" display="inline-block">
          Go to sign-in
        </Anchor>
      </AuthLayout>
    );
  }
  const inv = preview.data;
  const subtitle = (
    <>
      {inv.invitedBy} invited <strong>{inv.email}</strong> to join <strong>{inv.organization.name}</strong> as{' '}
      {ROLE_LABELS[inv.role]}
      {inv.expiresAt ? `, with access until ${formatDateTime(inv.expiresAt)}` : ''}. The link works until{' '}
      {formatDateTime(inv.acceptBy)}.
    </>
  );
  const user = session.data?.user;

  if (user && user.email !== inv.email) {
    return (
      <AuthLayout title={`Join ${inv.organization.name}`} subtitle={subtitle}>
        <Stack gap="md">
          <Alert color="orange" variant="light" title="Signed in as someone else">
            You are signed in as {user.email}. This invitation is for {inv.email}: sign out, then sign in or create the account
            for that address.
          </Alert>
          <Button variant="default" loading={signOut.isPending} onClick={() => signOut.mutate()}>
            Sign out
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  if (user) {
    return (
      <AuthLayout title={`Join ${inv.organization.name}`} subtitle={subtitle}>
        <Stack gap="md">
          <FormError error={accept.error} title="Not joined" />
          <Button loading={accept.isPending} onClick={() => accept.mutate({})} fullWidth>
            Accept and join
          </Button>
        </Stack>
      </AuthLayout>
    );
  }

  const errors = fieldErrorsOf(accept.error);
  const hasAccount = accept.error instanceof ApiError && accept.error.status === 401;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!accept.isPending) accept.mutate({ name: name.trim(), password });
  };
  const signInLink = `/sign-in?next=${encodeURIComponent(here)}`;

  return (
    <AuthLayout title={`Join ${inv.organization.name}`} subtitle={subtitle}>
      {hasAccount ? (
        <Stack gap="md">
          <Alert color="blue" variant="light" title="Sign in to accept">
            {inv.email} already has an account. Sign in with it; you come back here to accept.
          </Alert>
          <Button component={Link} to={signInLink} fullWidth>
            Sign in
          </Button>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate aria-label="Create your account">
          <Stack gap="md">
            <TextInput label="Email" value={inv.email} readOnly />
            <TextInput
              label="Your name"
              autoComplete="name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors.name}
            />
            <PasswordInput
              label="Choose a password"
              description="At least 12 characters; a few unrelated words work well."
              autoComplete="new-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              error={errors.password}
            />
            <FormError error={accept.error} placed={['name', 'password']} title="Not joined" />
            <Button type="submit" loading={accept.isPending} fullWidth>
              Create account and join
            </Button>
            <Text size="sm" c="dimmed" ta="center">
              Already have an account?{' '}
              <Anchor component={Link} to={signInLink} size="sm">
                Sign in
              </Anchor>{' '}
              to accept.
            </Text>
          </Stack>
        </form>
      )}
    </AuthLayout>
  );
}
