import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage({ what = 'page' }: { what?: string }) {
  return (
    <Stack gap="sm" py="xl" maw={520}>
      <Title order={1} fz={24}>
        No such {what}
      </Title>
      <Text c="dimmed">
        The address may be mistyped, or the {what} was removed or belongs to an organization you are not a member of.
      </Text>
      <div>
        <Button component={Link} to="/" variant="default">
          Go to start
        </Button>
      </div>
    </Stack>
  );
}
