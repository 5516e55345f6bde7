import { Button, Center, Code, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';

/** Shown when a page throws while rendering: say so, offer a way back. */
export function CrashPage() {
  const error = useRouteError();
  const message = error instanceof Error ? error.message : String(error);
  return (
    <Center mih="100vh" p="md">
      <Stack maw={560} gap="sm">
        <Title order={1} fz={24}>
          Something went wrong on this page
        </Title>
        <Text c="dimmed">
          Your saved work is safe. Reload the page, or go back to the start. If it happens again, report the message below.
        </Text>
        <Code block>{message}</Code>
        <div>
          <Button onClick={() => window.location.assign('/')}>Go to start</Button>
        </div>
      </Stack>
    </Center>
  );
}
