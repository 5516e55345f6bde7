import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { versionTag } from '../../../shared/register';
import { FormError } from '../../../shared/ui/FormError';
import { type Document, useRetireDocument } from '../hooks/useDocuments';

/** Retires a document with the reason why: it stays readable with its versions, no longer in force. */
export function RetireModal({
  orgId,
  document: doc,
  opened,
  onClose,
}: {
  orgId: string;
  document: Document;
  opened: boolean;
  onClose(): void;
}) {
  const retire = useRetireDocument(orgId, doc.id);
  const [reason, setReason] = useState('');
  const close = () => {
    retire.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={`Retire ${doc.number}?`} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim() || retire.isPending) return;
          retire.mutate({ reason: reason.trim(), ifMatch: versionTag(doc.updatedAt) }, { onSuccess: close });
        }}
      >
        <Stack>
          <Text size="sm">
            A retired document is no longer in force: it leaves the core set, asks no one for review or acknowledgement, and its
            text can no longer change. Its versions and history stay readable.
          </Text>
          <Textarea
            label="Reason"
            description="e.g. 'Replaced by DOC-012' or 'The process was discontinued'."
            required
            autosize
            minRows={2}
            maxLength={1000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={retire.errorFor('reason')}
            data-autofocus
          />
          <FormError error={retire.error} placed={['reason']} title="Not retired" />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Keep it
            </Button>
            <Button type="submit" color="red" loading={retire.isPending} disabled={!reason.trim()}>
              Retire
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
