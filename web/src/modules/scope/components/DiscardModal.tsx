import { Button, Group, Modal, Text } from '@mantine/core';
import { FormError } from '../../../shared/ui/FormError';

interface Props {
  opened: boolean;
  onClose: () => void;
  onDiscard: () => void;
  busy: boolean;
  error: unknown;
  hasApproved: boolean;
}

export function DiscardModal({ opened, onClose, onDiscard, busy, error, hasApproved }: Props) {
  return (
    <Modal opened={opened} onClose={onClose} title="Discard draft?" centered>
      <Text size="sm" mb="md">
        {hasApproved
          ? 'The draft and its unsaved changes are thrown away; the scope goes back to the approved version.'
          : 'The draft and its unsaved changes are thrown away; the scope starts empty again.'}
      </Text>
      <FormError error={error} title="Not discarded" />
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose} data-autofocus>
          Keep draft
        </Button>
        <Button color="red" onClick={onDiscard} loading={busy}>
          Discard draft
        </Button>
      </Group>
    </Modal>
  );
}
