import { Button, Group, Modal, Text } from '@mantine/core';
import type { Member } from '../../../shared/org/orgData';

interface Props {
  member: Member | null;
  onCancel: () => void;
  onConfirm: () => void;
  busy: boolean;
}

export function ConfirmRemoveMember({ member, onCancel, onConfirm, busy }: Props) {
  return (
    <Modal opened={member !== null} onClose={onCancel} title="Remove member?" centered>
      <Text size="sm" mb="lg">
        {member?.name} ({member?.email}) will lose access to this organization. Their past changes stay in the audit log.
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button color="red" onClick={onConfirm} loading={busy}>
          Remove member
        </Button>
      </Group>
    </Modal>
  );
}
