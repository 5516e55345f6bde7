import { Alert, Badge, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Schemas } from '../../../shared/api';
import { fieldErrorsOf } from '../../../shared/problem';
import { FormError } from '../../../shared/ui/FormError';
import { formatDateTime } from '../../../shared/ui/format';
import { digitsOnly, useMfaActions } from './useMfa';

type Status = Schemas['MfaStatus'];

/** Two-step verification is on: new recovery codes, or turning it off. */
export function EnabledCard({ status, onNewCodes }: { status: Status; onNewCodes: (codes: string[]) => void }) {
  const [open, setOpen] = useState<'codes' | 'off' | null>(null);
  return (
    <Paper withBorder radius="md" p="lg">
      <Stack gap="md">
        <Group gap="sm">
          <Title order={2} fz="md">
            Authenticator app
          </Title>
          <Badge color="teal" variant="light">
            On
          </Badge>
        </Group>
        <Text size="sm" c="dimmed">
          On since {status.confirmedAt ? formatDateTime(status.confirmedAt) : '—'}. {status.recoveryCodesLeft} of 10 recovery
          codes left.
        </Text>
        {open === null && (
          <Group gap="sm">
            <Button variant="light" onClick={() => setOpen('codes')}>
              New recovery codes
            </Button>
            <Button variant="subtle" color="red" onClick={() => setOpen('off')}>
              Turn off
            </Button>
          </Group>
        )}
        {open === 'codes' && (
          <NewCodesForm
            onDone={(codes) => {
              setOpen(null);
              onNewCodes(codes);
            }}
            onCancel={() => setOpen(null)}
          />
        )}
        {open === 'off' &&
          (status.requiredBy.length > 0 ? (
            <Alert color="orange" variant="light" title="Cannot be turned off" role="alert">
              {status.requiredBy.map((o) => o.name).join(', ')} require{status.requiredBy.length === 1 ? 's' : ''} two-step
              verification of its members.{' '}
              <Button size="compact-sm" variant="subtle" onClick={() => setOpen(null)}>
                Close
              </Button>
            </Alert>
          ) : (
            <TurnOffForm onCancel={() => setOpen(null)} />
          ))}
      </Stack>
    </Paper>
  );
}

function NewCodesForm({ onDone, onCancel }: { onDone: (codes: string[]) => void; onCancel: () => void }) {
  const { regenerate } = useMfaActions();
  const [code, setCode] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    regenerate.mutate(digitsOnly(code), { onSuccess: (r) => onDone(r.recoveryCodes) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">Your current recovery codes stop working. Confirm with a code from your app.</Text>
        <Group align="flex-start" gap="md">
          <TextInput
            label="Code from the app"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            error={fieldErrorsOf(regenerate.error).code}
            w={180}
          />
          <Button type="submit" loading={regenerate.isPending} mt={25}>
            Make new codes
          </Button>
          <Button variant="subtle" onClick={onCancel} mt={25}>
            Cancel
          </Button>
        </Group>
        <FormError error={regenerate.error} placed={['code']} title="No new codes" />
      </Stack>
    </form>
  );
}

function TurnOffForm({ onCancel }: { onCancel: () => void }) {
  const { turnOff } = useMfaActions();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const errors = fieldErrorsOf(turnOff.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    turnOff.mutate({ password, code: digitsOnly(code) });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={420}>
        <Text size="sm">Sign-in will then ask only for your password.</Text>
        <PasswordInput
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
        />
        <TextInput
          label="Code from the app"
          autoComplete="one-time-code"
          inputMode="numeric"
          required
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={errors.code}
        />
        <FormError error={turnOff.error} placed={['password', 'code']} title="Still on" />
        <Group gap="sm">
          <Button type="submit" color="red" loading={turnOff.isPending}>
            Turn off
          </Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
