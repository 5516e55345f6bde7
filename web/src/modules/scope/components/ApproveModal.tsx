import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '../../../shared/ui/FormError';

interface Props {
  opened: boolean;
  onClose: () => void;
  onApprove: (note: string) => void;
  busy: boolean;
  error: unknown;
  version: number | null;
  unsaved: boolean;
  warnings: number;
}

export function ApproveModal({ opened, onClose, onApprove, busy, error, version, unsaved, warnings }: Props) {
  const [note, setNote] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={version ? `Approve version ${version}` : 'Approve scope'} centered size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onApprove(note);
        }}
      >
        <Stack gap="md">
          <Text size="sm">
            The approved version becomes the scope of record: the one auditors see and later versions are compared with. The
            previous approved version, if any, is kept as superseded.
          </Text>
          {unsaved && (
            <Alert color="blue" variant="light">
              Your unsaved changes are saved first.
            </Alert>
          )}
          {warnings > 0 && (
            <Alert color="yellow" variant="light">
              The draft still has {warnings} {warnings === 1 ? 'warning' : 'warnings'}. You can approve it anyway; an auditor may
              ask about them.
            </Alert>
          )}
          <Textarea
            label="Approval note"
            description="Optional, e.g. the meeting or decision this approval comes from."
            autosize
            minRows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            data-autofocus
          />
          <FormError error={error} placed={[]} title="Not approved" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="teal" loading={busy}>
              Approve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
