import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Home } from '../../../app/journey/useHome';

/** The few things that most move the organization towards Stage 1, most important first. */
export function NextActions({ actions }: { actions: Home['nextActions'] }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-next">
      <Text id="home-next" component="h2" fw={700} mb="sm">
        Next best actions
      </Text>
      <Stack gap="sm" component="ol" style={{ margin: 0, paddingLeft: 20 }}>
        {actions.map((a) => (
          <li key={a.href + a.title}>
            <Anchor component={Link} to={a.href} fw={600} size="sm">
              {a.title}
            </Anchor>
            <Text size="sm" c="dimmed">
              {a.detail}
            </Text>
          </li>
        ))}
      </Stack>
    </Paper>
  );
}
