import { Alert, Button, Divider, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';

/**
 * The code step's challenge when single sign-on came back for an account with
 * its own second factor (/sign-in#mfa=…: a fragment, never sent to a server).
 */
export function challengeAfterSso(): string | null {
  const m = /^#mfa=([^&]+)$/.exec(window.location.hash);
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * "Sign in with single sign-on": the work email finds the organization's
 * identity provider, and the browser goes there; it comes back signed in, or
 * to /sign-in?sso_error=… with the reason, shown here.
 */
export function SsoSignIn({ email }: { email: string }) {
  const [params] = useSearchParams();
  const failure = params.get('sso_error');
  const [open, setOpen] = useState(false);
  const [workEmail, setWorkEmail] = useState('');
  const start = useMutation({
    mutationFn: (address: string) => unwrap(api.POST('/api/v1/sso/start', { body: { email: address } })),
    onSuccess: ({ authorizationUrl }) => window.location.assign(authorizationUrl),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate(workEmail);
  };

  return (
    <Stack gap="md" mt="md">
      {failure && (
        <Alert color="red" variant="light" title="Single sign-on did not work" role="alert">
          {failure}
        </Alert>
      )}
      <Divider label="or" labelPosition="center" />
      {open ? (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <TextInput
              label="Work email"
              type="email"
              autoComplete="username"
              required
              data-autofocus
              value={workEmail}
              onChange={(e) => setWorkEmail(e.currentTarget.value)}
              error={fieldErrorsOf(start.error).email}
            />
            <FormError error={start.error} placed={['email']} title="Single sign-on not available" />
            <Button type="submit" variant="default" loading={start.isPending || start.isSuccess} fullWidth>
              Continue to your identity provider
            </Button>
          </Stack>
        </form>
      ) : (
        <Button
          variant="default"
          fullWidth
          onClick={() => {
            setWorkEmail(email);
            setOpen(true);
          }}
        >
          Sign in with single sign-on
        </Button>
      )}
    </Stack>
  );
}
