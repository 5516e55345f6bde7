import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, api, type Session, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';
import { AuthLayout } from './AuthLayout';
import { CHOOSE_PASSWORD_PATH } from './RequireSession';
import { SecondFactorStep } from './SecondFactorStep';
import { useAcceptSession, useSession } from './session';
import { challengeAfterSso, SsoSignIn } from './SsoSignIn'; // single sign-on (issue 16)

/** Only same-app paths are followed after sign-in. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  // Only a session already known sends the visitor on; asking the server here
  // would answer 401 for every signed-out visitor.
  const session = useSession(false);
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const accept = useAcceptSession();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  // MFA (issue 16): set when the password was right and a code is asked next.
  const [challenge, setChallenge] = useState<string | null>(challengeAfterSso); // or after single sign-on (issue 16)
  const finish = (s: Session) => {
    accept(s);
    // A temporary password set by an administrator: choose one's own before anything else.
    navigate(s.mustChangePassword ? CHOOSE_PASSWORD_PATH : next, { replace: true });
  };
  const signIn = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/session', { body: { email, password } })),
    onSuccess: (s) => ('mfaRequired' in s ? setChallenge(s.challenge) : finish(s)),
  });

  if (session.data && !signIn.isSuccess) return <Navigate to={next} replace />;
  if (challenge) return <SecondFactorStep challenge={challenge} onSignedIn={finish} onRestart={() => setChallenge(null)} />;

  const errors = fieldErrorsOf(signIn.error);
  const status = signIn.error instanceof ApiError ? signIn.error.status : undefined;
  const title = status === 401 ? 'Wrong email or password' : status === 429 ? 'Account locked for now' : 'Sign-in failed';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate();
  };

  return (
    <AuthLayout title="Sign in" subtitle="Use the account your organization's owner or admin gave you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <FormError error={signIn.error} placed={['email', 'password']} title={title} />
          <Button type="submit" loading={signIn.isPending} fullWidth>
            Sign in
          </Button>
        </Stack>
      </form>
      <SsoSignIn email={email} /* single sign-on (issue 16) */ />
    </AuthLayout>
  );
}
