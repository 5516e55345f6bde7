import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle';

interface Props {
  title: string;
  /** e.g. "Step 1" or "Clause 4.3" */
  eyebrow?: string;
  description?: ReactNode;
  actions?: ReactNode;
  badge?: ReactNode;
}

/** A page's heading; it also names the page in the browser tab (usePageTitle). */
export function PageHeader({ title, eyebrow, description, actions, badge }: Props) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap" gap="md">
      <Stack gap={4} maw={760}>
        {eyebrow && (
          <Text size="xs" fw={700} tt="uppercase" c="dimmed" style={{ letterSpacing: '0.06em' }}>
            {eyebrow}
          </Text>
        )}
        <Group gap="sm" align="center">
          <Title order={1} fz={26} fw={700}>
            {title}
          </Title>
          {badge}
        </Group>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

export function StatusBadge({ status }: { status: 'draft' | 'approved' | 'superseded' }) {
  const color = status === 'approved' ? 'teal' : status === 'draft' ? 'yellow' : 'gray';
  return (
    <Badge color={color} variant="light" radius="sm">
      {status}
    </Badge>
  );
}
