import { Button, Group, Paper, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';

interface Props {
  /** what saving does or what is required, beside the buttons */
  note?: ReactNode;
  submitLabel: ReactNode;
  pending: boolean;
  onCancel: () => void;
  /** keeps the buttons in view at the bottom of a long form */
  sticky?: boolean;
}

const STICKY: CSSProperties = {
  position: 'sticky',
  bottom: 'var(--mantine-spacing-md)',
  zIndex: 2,
  boxShadow: 'var(--mantine-shadow-sm)',
};

/** The foot of a record's form: a note, Cancel and the submit button, the same in every register. */
export function FormActions({ note, submitLabel, pending, onCancel, sticky }: Props) {
  return (
    <Paper withBorder p="md" radius={sticky ? 'md' : undefined} style={sticky ? STICKY : undefined}>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {note}
        </Text>
        <Group gap="sm">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
