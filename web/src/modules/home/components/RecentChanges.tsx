import { Anchor, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Home } from '../../../app/journey/useHome';
import { formatDateTime } from '../../../shared/ui/format';

/** The last changes to the organization's records; who and what only for roles that may read the audit log. */
export function RecentChanges({ home, auditLogPath }: { home: Home; auditLogPath: string }) {
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="home-recent">
      <Text id="home-recent" component="h2" fw={700} mb="sm">
        Recent changes
      </Text>
      {home.recent.length === 0 ? (
        <Text size="sm" c="dimmed">
          No changes yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {home.recent.map((r) => (
            <li key={r.id}>
              {r.href ? (
                <Anchor component={Link} to={r.href} size="sm">
                  {r.text}
                </Anchor>
              ) : (
                <Text size="sm">{r.text}</Text>
              )}
              <Text size="xs" c="dimmed">
                {formatDateTime(r.at)}
                {r.actor ? ` · ${r.actor}` : ''}
              </Text>
            </li>
          ))}
        </Stack>
      )}
      <Text size="xs" c="dimmed" mt="sm">
        {home.recentDetail === 'full' ? (
          <>
            Every change, with its before and after, is in the{' '}
            <Anchor component={Link} to={auditLogPath} size="xs">
              audit log
            </Anchor>
            .
          </>
        ) : (
          'Who made each change, and what it changed, is in the audit log, which your role cannot read.'
        )}
      </Text>
    </Paper>
  );
}
