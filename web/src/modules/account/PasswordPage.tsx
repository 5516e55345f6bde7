import { Alert, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { AccountLayout } from './AccountLayout';
import { ChangePasswordForm } from './ChangePasswordForm';

export function PasswordPage() {
  const [ended, setEnded] = useState<number | null>(null);
  return (
    <AccountLayout>
      <Paper withBorder radius="md" p="xl" maw={520}>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Changing your password signs you out everywhere else: every other browser and device must sign in again. API tokens
            keep working.
          </Text>
          {ended !== null && (
            <Alert
              color="teal"
              variant="light"
              title="Password changed"
              role="status"
              withCloseButton
              onClose={() => setEnded(null)}
            >
              {ended === 0 ? 'No other session was open.' : `${ended} other session${ended === 1 ? '' : 's'} ended.`}
            </Alert>
          )}
          <ChangePasswordForm onChanged={setEnded} />
        </Stack>
      </Paper>
    </AccountLayout>
  );
}
