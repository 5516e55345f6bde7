import { Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { ApiError, api, type Session, unwrap } from '../../shared/api';
import { fieldErrorsOf } from '../../shared/problem';
import { FormError } from '../../shared/ui/FormError';
import { AuthLayout } from './AuthLayout';

/**
 * Sign-in, second step: the password was right and the account has two-step
 * verification, so the server answered a challenge instead of a session.
 * A 6-digit code from the app, or one of the recovery codes, completes it.
 */
export function SecondFactorStep({
  challenge,
  onSignedIn,
  onRestart,
}: {
  challenge: string;
  onSignedIn: (s: Session) => void;
  onRestart: () => void;
}) {
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const verify = useMutation({
    mutationFn: () =>
      unwrap(
        api.POST('/api/v1/session/mfa', {
          body: useRecovery ? { challenge, recoveryCode: value.trim() } : { challenge, code: value.replace(/\s/g, '') },
        }),
      ),
    onSuccess: onSignedIn,
  });
  const status = verify.error instanceof ApiError ? verify.error.status : undefined;
  const errors = fieldErrorsOf(verify.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate();
  };
  const label = useRecovery ? 'Recovery code' : 'Code from your authenticator app';

  return (
    <AuthLayout title="Two-step verification" subtitle="Enter the code your authenticator app shows for OpenAIMS.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <TextInput
            label={label}
            autoComplete="one-time-code"
            inputMode={useRecovery ? 'text' : 'numeric'}
            placeholder={useRecovery ? 'xxxx-xxxx-xxxx' : '123456'}
            required
            autoFocus
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={useRecovery ? errors.recoveryCode : errors.code}
          />
          <FormError
            error={verify.error}
            placed={['code', 'recoveryCode']}
            title={status === 429 ? 'Too many wrong codes' : status === 401 ? 'Code not accepted' : 'Verification failed'}
          />
          <Button type="submit" loading={verify.isPending} fullWidth>
            Verify
          </Button>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={() => {
              setUseRecovery((r) => !r);
              setValue('');
              verify.reset();
            }}
          >
            {useRecovery ? 'Use a code from the app instead' : 'Lost your device? Use a recovery code'}
          </Anchor>
          <Anchor component="button" type="button" size="sm" c="dimmed" onClick={onRestart}>
            Back to email and password
          </Anchor>
        </Stack>
      </form>
    </AuthLayout>
  );
}
