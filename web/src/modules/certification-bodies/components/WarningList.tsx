import { Alert, List, Text } from '@mantine/core';
import type { CertificationBody } from '../hooks/useCertificationBodies';

/** A body's warnings in full sentences, or a short all-clear. */
export function WarningList({ warnings }: { warnings: CertificationBody['warnings'] }) {
  if (warnings.length === 0)
    return (
      <Text size="sm" c="teal.8">
        Nothing on the checklist stands against this body.
      </Text>
    );
  return (
    <Alert color="orange" variant="light" title={`${warnings.length} ${warnings.length === 1 ? 'warning' : 'warnings'}`}>
      <List size="sm" spacing={4}>
        {warnings.map((w) => (
          <List.Item key={w.code} data-warning={w.code}>
            {w.message}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
