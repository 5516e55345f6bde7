import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Home } from '../../../app/journey/useHome';

/** What falls to the signed-in person: their gap actions, supplier reviews and answers. */
export function DueList({ due }: { due: Home['due'] }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-due">
      <Text id="home-due" component="h2" fw={700} mb="sm">
        Due for you
      </Text>
      {due.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing is due for you in the next 30 days: no gap action or supplier review of yours, no answer of yours left open.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {due.map((d) => (
            <li key={d.href + d.title}>
              <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
                <Anchor component={Link} to={d.href} size="sm" fw={600}>
                  {d.title}
                </Anchor>
                {d.overdue && (
                  <Badge color="red" variant="light" size="sm">
                    Overdue
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {d.detail}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
