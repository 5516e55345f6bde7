import { Button, Group, Modal, Text } from '@mantine/core';
import type { Member } from '../../../shared/org/orgData';

/** Disabling ends the person's sessions and tokens everywhere, so it asks first; enabling does not need to. */
export function ConfirmDisableMember({
  member,
  onCancel,
  onConfirm,
  busy,
}: {
  member: Member | null;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
}) {
  return (
    <Modal opened={member !== null} onClose={onCancel} title="Disable account?" centered>
      <Text size="sm" mb="lg">
        {member?.name} ({member?.email}) will be signed out everywhere at once: their sessions end, their API tokens are revoked
        and they cannot sign in, in this and any other organization, until an owner or admin enables the account again. Their
        membership and past changes stay.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" onClick={onConfirm} loading={busy}>
          Disable account
        </Button>
      </Group>
    </Modal>
  );
}
