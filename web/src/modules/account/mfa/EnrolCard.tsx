import { Button, Code, CopyButton, Group, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { fieldErrorsOf } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { digitsOnly, useMfaActions } from './useMfa';

/**
 * Setting up an authenticator app: a fresh secret (as text and as the
 * otpauth link password managers accept), then a first code to prove the app
 * has it. No QR code: no QR library is part of the app yet.
 */
export function EnrolCard({ onEnabled }: { onEnabled: (codes: string[]) => void }) {
  const { start, confirm } = useMfaActions();
  const [code, setCode] = useState('');
  const errors = fieldErrorsOf(confirm.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    confirm.mutate(digitsOnly(code), { onSuccess: (r) => onEnabled(r.recoveryCodes) });
  };

  return (
    <Paper withBorder radius="md" p="lg">
      <Title order={2} fz="md" mb="xs">
        Set up an authenticator app
      </Title>
      {!start.data ? (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" c="dimmed">
            After your password, sign-in will ask for a 6-digit code from an app such as 1Password, Google Authenticator or
            Microsoft Authenticator.
          </Text>
          <Button onClick={() => start.mutate()} loading={start.isPending}>
            Set up
          </Button>
          <FormError error={start.error} title="Could not start" />
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <List type="ordered" size="sm" spacing="xs">
              <List.Item>In your app, add an account and enter this key (or paste the link below).</List.Item>
              <List.Item>Type the 6-digit code the app then shows.</List.Item>
            </List>
            <Secret label="Key" value={start.data.secret} testId="mfa-secret" />
            <Secret label="Link" value={start.data.otpauthUri} testId="mfa-uri" />
            <Group align="flex-start" gap="md">
              <TextInput
                label="Code from the app"
                autoComplete="one-time-code"
                inputMode="numeric"
                placeholder="123456"
                required
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                error={errors.code}
                w={180}
              />
              <Button type="submit" loading={confirm.isPending} mt={25}>
                Turn on
              </Button>
            </Group>
            <FormError error={confirm.error} placed={['code']} title="Not turned on" />
          </Stack>
        </form>
      )}
    </Paper>
  );
}

function Secret({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
      </Text>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Code block style={{ flex: 1, wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="xs" variant="light" onClick={copy}>
              {copied ? 'Copied' : 'Copy'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
