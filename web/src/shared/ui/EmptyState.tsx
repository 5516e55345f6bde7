import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** What a list shows when it has nothing: what is (not) there, and what to do next. */
export function EmptyState({ title, hint }: { title: ReactNode; hint?: ReactNode }) {
  return (
    <Stack align="center" gap={4} py="xl">
      <Text fw={600}>{title}</Text>
      {hint && (
        <Text size="sm" c="dimmed" ta="center">
          {hint}
        </Text>
      )}
    </Stack>
  );
}
