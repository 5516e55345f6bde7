import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

interface Props {
  title: string;
  description?: ReactNode;
  /** shown right of the title, e.g. a count of open checks */
  aside?: ReactNode;
  children: ReactNode;
  id?: string;
}

/** One titled group of a form; a landmark region so screen readers can jump between them. */
export function SectionCard({ title, description, aside, children, id }: Props) {
  const headingId = useId();
  return (
    <Paper component="section" withBorder radius="md" p="lg" id={id} aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb={description ? 4 : 'md'} wrap="nowrap">
        <Title order={2} fz="md" fw={650} id={headingId}>
          {title}
        </Title>
        {aside}
      </Group>
      {description && (
        <Text size="sm" c="dimmed" mb="md">
          {description}
        </Text>
      )}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}
