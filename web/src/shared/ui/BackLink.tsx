import { Anchor } from '@mantine/core';
import { Link } from 'react-router';

/** "← Register name" above a record's page. */
export function BackLink({ to, children }: { to: string; children: string }) {
  return (
    <Anchor component={Link} to={to} size="sm" fw={500} w="fit-content">
      ← {children}
    </Anchor>
  );
}
